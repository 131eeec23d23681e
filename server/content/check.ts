// `npm run content:check [dir]`: loads every content pack and reports what it found.
// Prints each pack with its title, duration, sections, questions and document word counts,
// or each problem as `file:line: message`, then the warnings as `file:line: warning: message`
// (pack-warnings.ts says what is warned about and why). Exits with 1 if there is any problem or
// no pack; warnings alone do not change the exit code.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPacks } from './load-packs.js';
import { reviewPack, type DocumentFigures } from './pack-warnings.js';
import type { PackLoadResult, PackProblem, Section } from './pack-types.js';

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Where a problem's file is, written so that an editor or terminal can open it. */
function displayPath(contentDir: string, file: string): string {
  const abs = path.resolve(contentDir, file);
  const fromCwd = path.relative(process.cwd(), abs);
  return fromCwd && !fromCwd.startsWith('..') && !path.isAbsolute(fromCwd) ? fromCwd : abs;
}

export function formatReport(contentDir: string, result: PackLoadResult): { out: string[]; err: string[]; ok: boolean } {
  const out: string[] = [];
  const err: string[] = [];
  const warnings: PackProblem[] = [];
  out.push(`Content folder: ${path.resolve(contentDir)}`);
  for (const pack of result.packs.values()) {
    // A pack's further parallel forms are reviewed and printed inside its block (docs/forms.md).
    const forms = [...(result.forms?.values() ?? [])].filter((f) => f.form?.packId === pack.id);
    const reviews = [pack, ...forms].map((p) => ({ p, review: reviewPack(p) }));
    const packWarnings = reviews.flatMap((r) => r.review.warnings);
    warnings.push(...packWarnings);
    const questions = pack.sections.reduce((n, s) => n + s.questions.length, 0);
    out.push('');
    out.push(`${pack.id}: ${pack.title.en}`);
    out.push(`  fr: ${pack.title.fr}`);
    out.push(`  certification: ${pack.certification.en}`);
    out.push(`  duration: ${pack.durationMinutes} min; ${plural(pack.sections.length, 'section')}; ${plural(questions, 'question')}; rubrics: ${Object.keys(pack.rubrics).join(', ')}`);
    for (const { p, review } of reviews) {
      if (p.form) out.push(`  form ${p.form.id} (${p.form.file ?? 'pack.yaml'}), "${p.form.title.en}":`);
      for (const s of p.sections) out.push(`  ${sectionLine(s, review.documents.find((d) => d.sectionId === s.id))}`);
      out.push(`  digest: ${p.digest}`);
    }
    out.push(packWarnings.length ? `  OK, ${plural(packWarnings.length, 'warning')}` : '  OK');
  }
  for (const p of result.problems) err.push(`${displayPath(contentDir, p.file)}:${p.line}: ${p.message}`);
  for (const w of warnings) err.push(`${displayPath(contentDir, w.file)}:${w.line}: warning: ${w.message}`);
  const ok = result.problems.length === 0 && result.packs.size > 0;
  out.push('');
  if (result.packs.size === 0 && result.problems.length === 0) err.push(`No content pack found in ${path.resolve(contentDir)}: each pack is a folder holding a pack.yaml.`);
  out.push(`${plural(result.packs.size, 'pack')} OK, ${plural(result.problems.length, 'problem')}, ${plural(warnings.length, 'warning')}.`);
  return { out, err, ok };
}

function sectionLine(s: Section, figures: DocumentFigures | undefined): string {
  const doc = s.documentFile ? `document ${s.documentFile} (${s.documentWords} words, ${plural(s.documentToc.length, 'heading')}${readabilityText(figures)})` : 'no document';
  return `section ${s.id} "${s.title.en}": ${doc}; ${plural(s.questions.length, 'question')} answered in ${s.answerLanguage === 'en' ? 'English' : 'French'}; graded by ${s.rubricIds.join(', ')}`;
}

/** Flesch reading ease and Flesch-Kincaid grade of an English document (formulas in readability.ts). */
function readabilityText(figures: DocumentFigures | undefined): string {
  const r = figures?.readability;
  return r ? `; Flesch reading ease ${r.fleschReadingEase}, Flesch-Kincaid grade ${r.fleschKincaidGrade}` : '';
}

function main(): void {
  const contentDir = process.argv[2] ?? process.env.LECTERN_CONTENT_DIR ?? './content';
  const result = loadPacks(contentDir);
  const { out, err, ok } = formatReport(contentDir, result);
  for (const line of out) console.log(line);
  for (const line of err) console.error(line);
  process.exitCode = ok ? 0 : 1;
}

/** True when this file is the program being run (not imported, e.g. by a test). */
function isMainModule(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return fs.realpathSync(path.resolve(script)) === fs.realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMainModule()) main();
