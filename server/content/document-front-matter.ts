// The optional front matter of a document: a few `key: value` lines between two `---` lines at
// the very top of the Markdown file, where the author states what the document is meant to be
// (its language, the CEFR level of the reading task, its expected length). The loader checks
// them like pack.yaml; the checker's warnings compare the document with them.
//
// The front matter lines are blanked rather than cut, so that every line the renderer reports
// (images, links) keeps its number in the file the author opens.

import { isScalar, LineCounter, parseDocument } from 'yaml';
import { ANSWER_LANGUAGES, CEFR_LEVELS } from './pack-rules.js';
import type { AnswerLanguage, PackProblem } from './pack-types.js';
import { Reader, type Entry } from './yaml-reader.js';

export type CefrLevel = (typeof CEFR_LEVELS)[number];

/** What the author says the document is; every field is optional. */
export interface DocumentProfile {
  language?: AnswerLanguage;
  level?: CefrLevel;
  /** Expected length in words, both bounds included. */
  words?: { min: number; max: number };
}

export interface SplitDocument {
  /** The Markdown with the front matter lines emptied (same number of lines). */
  body: string;
  profile: DocumentProfile;
}

const FENCE = /^---[ \t]*$/;
const WORDS_RANGE = /^\s*(\d+)\s*(?:-|–|to)\s*(\d+)\s*$/;
const KEYS = { required: [], optional: ['language', 'level', 'words'] } as const;

/**
 * Separates the front matter from the Markdown. `file` names the document in problems;
 * a malformed front matter is reported and the document is read as if it had none.
 */
export function splitFrontMatter(source: string, file: string, problems: PackProblem[]): SplitDocument {
  const lines = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  if (!FENCE.test(lines[0] ?? '')) return { body: lines.join('\n'), profile: {} };
  const close = lines.findIndex((l, i) => i > 0 && FENCE.test(l));
  if (close < 0) {
    problems.push({ file, line: 1, message: 'the front matter opened by `---` on line 1 is never closed: add a line `---` after its last `key: value` line (or remove line 1 if it is meant as a horizontal rule)' });
    return { body: lines.join('\n'), profile: {} };
  }
  // "---" is also YAML's document marker, so the text up to the closing line parses with its
  // own line numbers equal to the file's.
  const profile = readProfile(lines.slice(0, close).join('\n'), file, problems);
  const body = lines.map((l, i) => (i <= close ? '' : l)).join('\n');
  return { body, profile };
}

function readProfile(yamlText: string, file: string, problems: PackProblem[]): DocumentProfile {
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, uniqueKeys: true });
  const syntax = [...doc.errors, ...doc.warnings];
  for (const e of syntax) {
    const first = (e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    problems.push({ file, line: e.linePos?.[0]?.line ?? 1, message: `front matter, YAML syntax: ${first}` });
  }
  if (syntax.length > 0 || doc.contents === null) return {};
  const r = new Reader(file, doc, counter, problems);
  const m = r.map(doc.contents, 'front matter', KEYS, 1);
  if (!m) return {};
  const profile: DocumentProfile = {};
  const language = m.has('language') ? r.oneOf(m.get('language'), 'front matter', ANSWER_LANGUAGES) : undefined;
  if (language) profile.language = language;
  const level = m.has('level') ? r.oneOf(m.get('level'), 'front matter', CEFR_LEVELS) : undefined;
  if (level) profile.level = level;
  const words = readWords(r, m.get('words'));
  if (words) profile.words = words;
  return profile;
}

/** `words: 1200-2000` (a range) or `words: 800` (about that many: 20 % either side). */
function readWords(r: Reader, entry: Entry | undefined): DocumentProfile['words'] {
  if (!entry) return undefined;
  const raw: unknown = isScalar(entry.value) ? entry.value.value : undefined;
  if (typeof raw === 'number' && Number.isInteger(raw) && raw > 0) return { min: Math.round(raw * 0.8), max: Math.round(raw * 1.2) };
  const m = typeof raw === 'string' ? WORDS_RANGE.exec(raw) : null;
  const min = Number(m?.[1]);
  const max = Number(m?.[2]);
  if (m && min > 0 && min <= max) return { min, max };
  r.report(r.entryLine(entry), `front matter: \`words\` must be a number of words (800) or a range written "1200-2000" with the smaller number first, found ${JSON.stringify(raw ?? null)}`);
  return undefined;
}
