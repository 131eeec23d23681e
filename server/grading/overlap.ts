// The overlap finder: which parts of an answer were copied word for word from the document.
//
// The rule, precisely:
// 1. Both texts are cut into tokens at white space. Each piece loses the punctuation around it
//    (quotes, brackets, `.,;:!?`, backticks, `*`); a piece left without any letter or digit is no
//    token at all (a dash, a bullet). Tokens are compared case-folded, after Unicode NFKC, with
//    typographic apostrophes made straight: "Timer," and "timer" are the same token.
// 2. Some tokens are *code*: commands, paths, flags, identifiers and the like, which a candidate is
//    right to copy exactly. A token is code when its shape says so (it contains one of
//    / \ _ = < > { } [ ] ( ) $ @ # ~ * | % & + ^ `, a dot or a colon between two characters, starts with
//    a dot or a dash, mixes lower and upper case as in `OnCalendar`, mixes letters and digits as in
//    `ipv4`, is written in capitals as in `PATH`, or was typed between backticks), or when the
//    document uses it only inside code (`systemctl`, `daemon-reload`), never in its prose.
// 3. A copied run is a stretch of consecutive answer tokens equal to consecutive document tokens
//    (the longest such stretch, from any place in the document). It is reported when it holds at
//    least MIN_COPIED_WORDS tokens that are not code: code tokens may sit inside a run but do not
//    count towards its length. Runs that overlap or touch in the answer are merged.
// 4. The share of copied words is the number of non-code tokens inside reported runs over the
//    number of non-code tokens in the answer.

export const MIN_COPIED_WORDS = 6;

import type { OverlapReport } from '../contract/grading-evidence.js';
export type { CopiedRun, OverlapReport } from '../contract/grading-evidence.js';

export interface TextToken {
  /** The comparable form: case-folded, NFKC, straight apostrophes. */
  norm: string;
  /** Character offsets of the token in its text, punctuation around it left out. */
  start: number;
  end: number;
  /** The shape of the token says it is code (see the rule above). */
  codeShape: boolean;
}

const LEADING = /^["'“”‘’«»‹›([{<*`]+/u;
const TRAILING = /["'“”‘’«»‹›)\]}>.,;:!?*`…]+$/u;
const CODE_CHARS = /[/\\_=<>{}[\]()$@#~*|%&+^`]/u;
const INNER_DOT_OR_COLON = /[^.:][.:][^.:]/u;
const HAS_LETTER = /\p{L}/u;
const HAS_DIGIT = /\p{N}/u;

export function normalizeToken(core: string): string {
  // The acute accent goes first: NFKC turns it into a space and a combining accent.
  return core.replace(/´/gu, "'").normalize('NFKC').toLowerCase().replace(/[’‘`]/gu, "'");
}

/** Whether the shape of a token (punctuation around it already removed) says it is code. */
export function looksLikeCode(core: string, raw: string = core): boolean {
  // Between backticks, even inside brackets or quotes: "(`top`)" is code as much as "`top`".
  if (/^["'“”‘’«»‹›([{<*]*`.*`["'“”‘’«»‹›)\]}>.,;:!?*…]*$/su.test(raw) && raw.length > 1) return true;
  if (CODE_CHARS.test(core)) return true;
  if (INNER_DOT_OR_COLON.test(core)) return true;
  if (core.startsWith('.') || core.startsWith('-')) return true;
  if (/\p{Ll}\p{Lu}/u.test(core)) return true;
  if (HAS_LETTER.test(core) && HAS_DIGIT.test(core)) return true;
  if (core.length >= 2 && HAS_LETTER.test(core) && core === core.toUpperCase() && core !== core.toLowerCase()) return true;
  return false;
}

/** Cuts a text into tokens (rule 1). `inCode(offset)` marks tokens typeset as code in a document. */
export function tokenize(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  for (const m of text.matchAll(/\S+/gu)) {
    const raw = m[0];
    const lead = LEADING.exec(raw)?.[0].length ?? 0;
    const rest = raw.slice(lead);
    const trail = TRAILING.exec(rest)?.[0].length ?? 0;
    const core = rest.slice(0, rest.length - trail);
    if (!/[\p{L}\p{N}]/u.test(core)) continue;
    const start = m.index + lead;
    tokens.push({ norm: normalizeToken(core), start, end: start + core.length, codeShape: looksLikeCode(core, raw) });
  }
  return tokens;
}

/** The document prepared once for many answers: its tokens and the words it uses only as code. */
export interface DocumentIndex {
  tokens: string[];
  /** Positions of each token in `tokens`. */
  positions: Map<string, number[]>;
  /** Tokens the document uses only inside code spans or blocks. */
  codeOnly: Set<string>;
}

/** One stretch of document text, and whether it is typeset as code. */
export interface DocumentPiece {
  text: string;
  code: boolean;
}

export function indexDocument(pieces: DocumentPiece[]): DocumentIndex {
  const tokens: string[] = [];
  const inProse = new Set<string>();
  const inCode = new Set<string>();
  for (const piece of pieces) {
    for (const t of tokenize(piece.text)) {
      tokens.push(t.norm);
      (piece.code ? inCode : inProse).add(t.norm);
    }
  }
  const positions = new Map<string, number[]>();
  tokens.forEach((norm, i) => {
    const list = positions.get(norm);
    if (list) list.push(i);
    else positions.set(norm, [i]);
  });
  const codeOnly = new Set([...inCode].filter((norm) => !inProse.has(norm)));
  return { tokens, positions, codeOnly };
}

/** The copied runs of an answer (rules 2 to 4). */
export function findCopiedRuns(answer: string, doc: DocumentIndex, minWords = MIN_COPIED_WORDS): OverlapReport {
  const tokens = tokenize(answer);
  const isCode = tokens.map((t) => t.codeShape || doc.codeOnly.has(t.norm));
  // prefix[i] = non-code tokens among tokens[0..i-1]: the prose length of any stretch in O(1).
  const prefix = [0];
  for (let i = 0; i < tokens.length; i++) prefix.push(prefix[i]! + (isCode[i] ? 0 : 1));
  const proseWords = prefix[tokens.length]!;

  // Every maximal common stretch: it starts where the previous tokens differ (or at either text's start).
  const spans: [number, number][] = [];
  for (let i = 0; i < tokens.length; i++) {
    const starts = doc.positions.get(tokens[i]!.norm);
    if (!starts) continue;
    for (const j of starts) {
      if (i > 0 && j > 0 && tokens[i - 1]!.norm === doc.tokens[j - 1]) continue;
      let k = 1;
      while (i + k < tokens.length && j + k < doc.tokens.length && tokens[i + k]!.norm === doc.tokens[j + k]) k++;
      if (prefix[i + k]! - prefix[i]! >= minWords) spans.push([i, i + k]);
    }
  }

  // Merge stretches that overlap or touch in the answer.
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([span[0], span[1]]);
  }

  const runs = merged.map(([from, to]) => {
    const start = tokens[from]!.start;
    const end = tokens[to - 1]!.end;
    return { start, end, text: answer.slice(start, end), words: prefix[to]! - prefix[from]! };
  });
  const copiedWords = runs.reduce((n, r) => n + r.words, 0);
  return { runs, copiedWords, proseWords, share: proseWords === 0 ? 0 : copiedWords / proseWords };
}
