// Warnings for pack authors: things a pack may carry without being broken, but that an exam
// board would question. They never stop a pack from loading; `npm run content:check` prints
// them after the problems, as `file:line: warning: message`.
//
//  - a key point of a question on a document that no passage of the document supports
//    (the lexical rule is in key-point-support.ts; only when the document is in the language
//    the answers, and so the key points, are written in);
//  - a `documentAnchor` that names a heading with nothing under it;
//  - a document outside its expected length, or (English) outside the readability band of its
//    CEFR level (figures and formulas in readability.ts, bands in document-expectations.ts).
//  - a reading and writing load that does not fit `durationMinutes` (rule and rates in load-rule.ts);
//  - a document that uses MUST / SHOULD / MAY without saying what they mean (rule-words.ts);
//  - a key point that looks like several facts (key-point-facts.ts).
// A question with no key point is not a warning but an error of the loader: the corrector
// would have nothing to judge.

import fs from 'node:fs';
import path from 'node:path';
import { expectationsFor, LEVEL_GRADE_BANDS, type DocumentExpectations } from './document-expectations.js';
import { splitFrontMatter } from './document-front-matter.js';
import { documentPassages, keyPointSupport, type Passage } from './key-point-support.js';
import { severalFacts } from './key-point-facts.js';
import { examLoad, READING_WORDS_PER_MINUTE, WRITING_WORDS_PER_MINUTE } from './load-rule.js';
import { undefinedRuleWords } from './rule-words.js';
import { toPosix } from './pack-files.js';
import type { AnswerLanguage, Pack, PackProblem, Question, Section } from './pack-types.js';
import { readability, type Readability } from './readability.js';
import { markdownRunningText } from './render-markdown.js';

/** What the checker prints about a section's document. */
export interface DocumentFigures {
  sectionId: string;
  words: number;
  /** English documents only. */
  readability?: Readability;
}

export interface PackReview {
  warnings: PackProblem[];
  documents: DocumentFigures[];
}

/** Reviews a pack that loaded without problems. Files are named relative to the content folder. */
export function reviewPack(pack: Pack): PackReview {
  const contentDir = path.dirname(pack.dir);
  const rel = (abs: string): string => toPosix(path.relative(contentDir, abs));
  // A further parallel form's questions are in its own file (docs/forms.md).
  const questionsFile = pack.form?.file ?? 'pack.yaml';
  const manifestFile = rel(path.join(pack.dir, questionsFile));
  const manifestLines = fs.readFileSync(path.join(pack.dir, questionsFile), 'utf8').split(/\r?\n/);
  const review: PackReview = { warnings: [], documents: [] };
  const documentLanguages = new Map<string, AnswerLanguage>();
  for (const section of pack.sections) {
    if (section.documentFile === undefined) continue;
    const docAbs = path.join(pack.dir, section.documentFile);
    const source = fs.readFileSync(docAbs, 'utf8');
    const { body, profile } = splitFrontMatter(source, rel(docAbs), []);
    const doc = { file: rel(docAbs), body };
    const expected = expectationsFor(pack, section, profile);
    documentLanguages.set(section.id, expected.language);
    review.warnings.push(...ruleWordWarnings(doc.file, source));
    const figures: DocumentFigures = { sectionId: section.id, words: section.documentWords };
    if (expected.language === 'en') figures.readability = readability(markdownRunningText(body));
    review.documents.push(figures);
    review.warnings.push(...documentWarnings(doc.file, figures, expected));
    // Words can only be compared within one language: key points are written in the answer's.
    const passages = expected.language === section.answerLanguage ? documentPassages(body) : undefined;
    const ctx = { manifestFile, manifestLines, section, passages, docFile: doc.file, body };
    for (const question of section.questions) review.warnings.push(...questionWarnings(ctx, question));
  }
  for (const section of pack.sections) {
    for (const q of section.questions) review.warnings.push(...keyPointFactWarnings(manifestFile, manifestLines, q));
  }
  review.warnings.push(...loadWarnings(pack, manifestFile, manifestLines, (id) => documentLanguages.get(id) ?? 'en'));
  return review;
}

/** The reading and writing the pack asks for does not fit its duration. */
function loadWarnings(pack: Pack, manifestFile: string, manifestLines: string[], documentLanguage: (sectionId: string) => AnswerLanguage): PackProblem[] {
  const load = examLoad(pack, documentLanguage);
  if (load.minutes <= pack.durationMinutes) return [];
  const r = load.readingWords;
  const w = load.writingWords;
  const reading = `reading ${r.en} words of English at ${READING_WORDS_PER_MINUTE.en} a minute${r.fr ? ` and ${r.fr} of French at ${READING_WORDS_PER_MINUTE.fr}` : ''} (${Math.round(load.readingMinutes)} min)`;
  const writing = `writing ${w.en} words of English at ${WRITING_WORDS_PER_MINUTE.en} a minute${w.fr ? ` and ${w.fr} of French at ${WRITING_WORDS_PER_MINUTE.fr}` : ''} (${Math.round(load.writingMinutes)} min)`;
  return [{
    file: manifestFile,
    line: lineAfter(manifestLines, 1, /^durationMinutes\s*:/),
    message: `the questionnaire asks for about ${load.minutes} minutes, more than its ${pack.durationMinutes}: ${reading}, ${writing}; a speeded test measures speed, not the level (rule in content/README.md); give more time, or shorten the documents or the target lengths`,
  }];
}

/** MUST / SHOULD / MAY used in a document that never says what they mean. */
function ruleWordWarnings(file: string, source: string): PackProblem[] {
  return undefinedRuleWords(source).map((u) => ({
    file,
    line: u.line,
    message: `the document uses ${u.word} but never says what it means; telling a requirement from a recommendation is part of what is read, so define the words near the start (for example "**MUST** marks a requirement, **SHOULD** a recommendation")`,
  }));
}

/** Key points that look like several facts: two correctors would split on "partly". */
function keyPointFactWarnings(manifestFile: string, manifestLines: string[], q: Question): PackProblem[] {
  return q.keyPoints.flatMap((kp) => {
    const why = severalFacts(kp.text);
    return why
      ? [{ file: manifestFile, line: lineAfter(manifestLines, q.line, idPattern(kp.id)), message: `question ${q.id}, key point ${kp.id}: it looks like several facts (${why}); write one fact per key point, so that a candidate who gives one of them is judged the same way by every corrector` }]
      : [];
  });
}

function documentWarnings(file: string, figures: DocumentFigures, expected: DocumentExpectations): PackProblem[] {
  const out: PackProblem[] = [];
  const { min, max } = expected.words;
  if (figures.words < min || figures.words > max) {
    out.push({ file, line: 1, message: `the document has ${figures.words} words, outside the expected ${min}-${max} (${expected.wordsSource}); words of code blocks are not counted` });
  }
  const grade = figures.readability?.fleschKincaidGrade;
  const band = expected.level ? LEVEL_GRADE_BANDS[expected.level] : undefined;
  if (grade !== undefined && band && expected.level && (grade < band.min || grade > band.max)) {
    out.push({
      file,
      line: 1,
      message: `Flesch-Kincaid grade ${grade} is outside ${band.min}-${band.max}, the band expected for a ${expected.level} reading document (${expected.levelSource}); ${grade > band.max ? 'shorten sentences or prefer shorter words' : 'the text may be too simple for the level'}`,
    });
  }
  return out;
}

interface QuestionContext {
  manifestFile: string;
  manifestLines: string[];
  section: Section;
  /** Undefined when the document and the key points are not in the same language. */
  passages: Passage[] | undefined;
  docFile: string;
  body: string;
}

function questionWarnings(ctx: QuestionContext, q: Question): PackProblem[] {
  const out: PackProblem[] = [];
  for (const kp of ctx.passages ? q.keyPoints : []) {
    const s = keyPointSupport(kp.text, ctx.passages ?? []);
    if (s.supported) continue;
    const best = s.best ? `; the closest passage, ${ctx.docFile}:${s.best.line}, shares ${s.best.shared} of its ${s.wanted} content words` : '';
    out.push({
      file: ctx.manifestFile,
      line: lineAfter(ctx.manifestLines, q.line, idPattern(kp.id)),
      message: `question ${q.id}, key point ${kp.id}: no passage of ${ctx.docFile} supports it (no passage holds half of its content words)${best}; check that the document says it, or that the question needs the document`,
    });
  }
  if (q.documentAnchor !== undefined && headingIsEmpty(ctx.body, ctx.section, q.documentAnchor)) {
    out.push({
      file: ctx.manifestFile,
      line: lineAfter(ctx.manifestLines, q.line, /^\s*documentAnchor\s*:/),
      message: `question ${q.id}: \`documentAnchor\` "${q.documentAnchor}" names a heading of ${ctx.docFile} with no text under it, so the corrector would jump to nothing; point it at the heading whose text the question is about`,
    });
  }
  return out;
}

function idPattern(id: string): RegExp {
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\bid\\s*:\\s*["']?${escaped}["']?\\s*(?:[,}]|$)`);
}

/** 1-based line of the first line matching `pattern` from `from` on; `from` when there is none. */
function lineAfter(lines: readonly string[], from: number, pattern: RegExp): number {
  for (let i = from - 1; i < lines.length; i++) if (pattern.test(lines[i] ?? '')) return i + 1;
  return from;
}

/**
 * True when the ## or ### heading with this id has no line of text before the next heading of
 * the same or a higher level (its own sub-headings' text counts as under it).
 */
export function headingIsEmpty(body: string, section: Section, anchor: string): boolean {
  const index = section.documentToc.findIndex((h) => h.id === anchor);
  if (index < 0) return false;
  const lines = body.split('\n');
  const headingLines: { line: number; depth: number }[] = [];
  let inFence = false;
  lines.forEach((l, i) => {
    if (/^\s*(```|~~~)/.test(l)) inFence = !inFence;
    const m = !inFence && /^(#{2,3})\s/.exec(l);
    if (m) headingLines.push({ line: i, depth: m[1]!.length });
  });
  const own = headingLines[index];
  if (!own) return false;
  const next = headingLines.slice(index + 1).find((h) => h.depth <= own.depth)?.line ?? lines.length;
  return !lines.slice(own.line + 1, next).some((l) => l.trim() !== '' && !/^#{1,6}\s/.test(l));
}
