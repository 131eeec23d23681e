// Parallel forms (issue 16, item 5; docs/forms.md): a pack may hold two or more forms built on one
// specification. The `forms:` list of pack.yaml names them; the form without `file` is the
// manifest's own sections, every other form is a file holding only `sections:`, with its own
// documents and questions. The rubrics and the duration are the pack's, so the forms share them
// by construction; the sections must match one by one (id, answer language, rubrics), or the
// loader says where they differ. The questions and their key points are the form's own: each
// form's cut score is its own share of its own key points, so the counts need not match.
import fs from 'node:fs';
import path from 'node:path';
import { parseManifest } from './manifest-yaml.js';
import { PACK_ID } from './pack-rules.js';
import type { Localized, PackProblem, Section } from './pack-types.js';
import type { DeclaredRubric } from './read-rubrics.js';
import { readSections, type SectionDraft } from './read-sections.js';
import { checkRubricReferences } from './rubric-references.js';
import { attachDocuments, type PackFolder } from './section-documents.js';
import { UniqueIds } from './unique-ids.js';
import { peekId, Reader, type Entry } from './yaml-reader.js';

/** Separates a pack's id from a form's in the registry key of a form other than the first. */
export const FORM_KEY_SEPARATOR = '~';

/** The registry key of a pack's form: the pack id for its first form, `pack~form` otherwise. */
export function formKey(packId: string, formId: string, first: boolean): string {
  return first ? packId : `${packId}${FORM_KEY_SEPARATOR}${formId}`;
}

/** A form as the manifest declares it. */
export interface DeclaredForm {
  id: string;
  title: Localized;
  /** The form's file, relative to the pack folder; none for the manifest's own sections. */
  file?: string;
  line: number;
}

/** A further form, read and checked against the first: its sections, ready for a Pack. */
export interface ReadForm {
  form: DeclaredForm;
  sections: Section[];
}

/** The `forms:` list of pack.yaml; undefined when the pack has a single form. */
export function readFormList(r: Reader, manifest: Map<string, Entry>): DeclaredForm[] | undefined {
  const entry = manifest.get('forms');
  const items = r.list(entry, 'pack.yaml', 'list the forms, or remove `forms:` for a pack with one form');
  if (!entry || !items) return undefined;
  const ids = new UniqueIds(r, 'form', 'in the pack');
  const forms: DeclaredForm[] = [];
  for (const [i, item] of items.entries()) {
    const line = r.line(item, r.entryLine(entry));
    const at = `form ${peekId(item) ?? i + 1}`;
    const m = r.map(item, at, { required: ['id', 'title'], optional: ['file'] }, line);
    const id = m && r.id(m.get('id'), at);
    if (id && !PACK_ID.test(id)) r.report(line, `${at}: a form id is used in web addresses: only lowercase letters, digits and hyphens, for example "b"`);
    if (id) ids.add(id, line);
    const title = m && r.localized(m.get('title'), at);
    const file = m?.has('file') ? r.text(m.get('file'), at) : undefined;
    if (id && title) forms.push(file === undefined ? { id, title, line } : { id, title, file, line });
  }
  const own = forms.filter((f) => f.file === undefined);
  if (forms.length > 0 && forms.length < 2) r.report(r.entryLine(entry), 'pack.yaml: `forms:` lists a single form; a pack with one form needs no `forms:` list');
  if (own.length !== 1 || forms[0]?.file !== undefined) {
    r.report(r.entryLine(entry), 'pack.yaml: the first form must be the sections of pack.yaml itself (no `file:`), and every other form needs its `file:`');
  }
  return forms;
}

/** Reads one further form's file and checks it against the first form's sections. */
export function readForm(
  folder: PackFolder,
  form: DeclaredForm & { file: string },
  declared: Map<string, DeclaredRubric>,
  first: readonly SectionDraft[],
  problems: PackProblem[],
  manifestRel: string,
): ReadForm | undefined {
  const abs = path.resolve(folder.dir, form.file);
  const rel = folder.rel(abs);
  if (!abs.startsWith(folder.dir + path.sep) || !fs.statSync(abs, { throwIfNoEntry: false })?.isFile()) {
    problems.push({ file: manifestRel, line: form.line, message: `form ${form.id}: the file "${form.file}" is not in the pack folder; write its path relative to pack.yaml` });
    return undefined;
  }
  const before = problems.length;
  const parsed = parseManifest(fs.readFileSync(abs, 'utf8'), rel, problems);
  if (!parsed) return undefined;
  const r = new Reader(rel, parsed.doc, parsed.lines, problems);
  const m = r.map(parsed.doc.contents, form.file, { required: ['sections'] }, 1);
  if (!m) return undefined;
  const { drafts, complete } = readSections(r, m);
  checkRubricReferences(r, drafts, declared, complete);
  // Images are served under the form's own key, which is the pack a candidate of the form may read.
  attachDocuments(r, { ...folder, id: formKey(folder.id, form.id, false) }, drafts);
  if (!complete || problems.length > before) return undefined;
  checkSameSpecification(r, form.id, first, drafts);
  return problems.length > before ? undefined : { form, sections: drafts.map((d) => d.section) };
}

/** Each section of the form against the first form's: what makes the results comparable. */
function checkSameSpecification(r: Reader, formId: string, first: readonly SectionDraft[], drafts: readonly SectionDraft[]): void {
  const rule = 'forms share one specification: the same sections in the same order, each with the same answer language and rubrics (the duration and the rubrics are the pack\'s)';
  if (drafts.length !== first.length) {
    r.report(drafts[0]?.line ?? 1, `form ${formId} has ${drafts.length} section(s), the first form ${first.length}: ${rule}`);
    return;
  }
  drafts.forEach((d, i) => {
    const a = first[i]!.section;
    const b = d.section;
    const differences = [
      a.id !== b.id && `its id is "${b.id}" where the first form has "${a.id}"`,
      a.answerLanguage !== b.answerLanguage && `its answers are in "${b.answerLanguage}", the first form's in "${a.answerLanguage}"`,
      a.rubricIds.join(',') !== b.rubricIds.join(',') && `its rubrics are [${b.rubricIds.join(', ')}], the first form's [${a.rubricIds.join(', ')}]`,
    ].filter((x): x is string => typeof x === 'string');
    if (differences.length > 0) r.report(d.line, `form ${formId}, section ${b.id}: ${differences.join('; ')}; ${rule}`);
  });
}
