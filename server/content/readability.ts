// Readability figures for English documents, printed by `npm run content:check` so an author
// sees when a document drifts from the level it is written for.
//
// Formulas (both count words, sentences and syllables):
//  - Flesch reading ease (R. Flesch, "A new readability yardstick", Journal of Applied
//    Psychology 32(3), 1948, pp. 221-233):
//      206.835 - 1.015 x (words / sentences) - 84.6 x (syllables / words)
//    higher is easier; plain English is about 60-70, technical documentation often 30-50.
//  - Flesch-Kincaid grade level (J. P. Kincaid et al., "Derivation of new readability formulas
//    for Navy enlisted personnel", Research Branch Report 8-75, 1975):
//      0.39 x (words / sentences) + 11.8 x (syllables / words) - 15.59
//    roughly the US school grade needed to follow the text.
// They measure sentence and word length only, not vocabulary or ideas: a figure far from the
// expected band is a reason to look at the text again, not a verdict on its CEFR level.

import { countWords } from './markdown-text.js';

export interface Readability {
  words: number;
  sentences: number;
  syllables: number;
  fleschReadingEase: number;
  fleschKincaidGrade: number;
}

/**
 * Figures for some running text, one block (paragraph, list item, callout) per line, as
 * `markdownRunningText` gives it: each block ends a sentence even without a full stop, so that
 * a list item is not glued to the next one.
 */
export function readability(prose: string): Readability {
  let words = 0;
  let sentences = 0;
  let syllables = 0;
  for (const block of prose.split('\n')) {
    for (const sentence of block.split(/[.!?]+(?=\s|$)/)) {
      const n = countWords(sentence);
      if (n === 0) continue;
      sentences++;
      words += n;
      for (const piece of sentence.split(/\s+/)) syllables += pieceSyllables(piece);
    }
  }
  const wps = sentences ? words / sentences : 0;
  const spw = words ? syllables / words : 0;
  return {
    words,
    sentences,
    syllables,
    fleschReadingEase: round1(206.835 - 1.015 * wps - 84.6 * spw),
    fleschKincaidGrade: round1(0.39 * wps + 11.8 * spw - 15.59),
  };
}

/** Syllables of a whitespace-separated piece: "systemctl" is one word; "24" is read as one syllable. */
function pieceSyllables(piece: string): number {
  if (!/[\p{L}\p{N}]/u.test(piece)) return 0;
  const letterRuns = piece.toLowerCase().match(/[a-z]+/g);
  if (!letterRuns) return 1;
  return Math.max(1, letterRuns.reduce((n, w) => n + englishSyllables(w), 0));
}

/**
 * The usual vowel-group estimate: count groups of vowels after dropping a final "-e", "-es" or
 * "-ed" that adds no syllable ("time", "files", "named"), but keeping those that do: "-le(s)"
 * after a consonant ("table"), "-es" after a hissing sound ("boxes", "pages"), "-ed" after t or
 * d ("started").
 */
export function englishSyllables(word: string): number {
  let w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w.length === 0) return 0;
  if (w.length <= 3) return 1;
  const sounded = /[^aeiouy]les?$/.test(w) || /(?:[sxzcg]|ch|sh)es$/.test(w) || /[td]ed$/.test(w);
  if (!sounded) w = w.replace(/(?:es|ed|e)$/, '');
  w = w.replace(/^y/, '');
  const groups = w.match(/[aeiouy]+/g);
  return Math.max(1, groups ? groups.length : 0);
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
