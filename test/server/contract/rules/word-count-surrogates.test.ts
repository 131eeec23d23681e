// The word counter's reading of characters outside the basic plane (surrogate pairs) and of the
// characters around the surrogate range, where the scanner takes its own path instead of the
// regex's: an astral letter must count wherever it stands, a lone surrogate must never glue to
// or swallow the character next to it. Each expectation is the regex rule's own answer
// (`/[\p{L}\p{N}]/u` reading one code point at a time).
import { describe, expect, it, vi } from 'vitest';
import { countAnswerWords } from '../../../../server/contract/rules/word-count.js';

// Mathematical bold A (U+1D400, a letter), a CJK extension B ideograph (U+20000, a letter), an
// emoji (U+1F600, neither a letter nor a digit) and a mathematical digit (U+1D7CE).
const MATH_A = '\u{1D400}';
const CJK_B = '\u{20000}';
const EMOJI = '\u{1F600}';
const MATH_ZERO = '\u{1D7CE}';

describe('countAnswerWords outside the basic plane', () => {
  it('counts an astral letter as a word at the start, in the middle and at the end of an answer', () => {
    expect(countAnswerWords(`${MATH_A} a b`)).toBe(3);
    expect(countAnswerWords(`a ${MATH_A} b`)).toBe(3);
    expect(countAnswerWords(`a b ${MATH_A}`)).toBe(3);
    expect(countAnswerWords(`a b ${CJK_B}`)).toBe(3);
    expect(countAnswerWords(`${CJK_B}`)).toBe(1);
    expect(countAnswerWords(`${MATH_ZERO}`)).toBe(1);
  });

  it('keeps a word going through astral letters, which never split it in two', () => {
    expect(countAnswerWords(`ab${MATH_A}cd`)).toBe(1);
    expect(countAnswerWords(`${CJK_B}${CJK_B}${CJK_B}`)).toBe(1);
    expect(countAnswerWords(`mot-${MATH_A}`)).toBe(1);
    expect(countAnswerWords(`${MATH_A}’${CJK_B}`)).toBe(1);
  });

  it('ends a word at an emoji wherever it stands, and an emoji alone is no word', () => {
    expect(countAnswerWords(`${EMOJI}mot`)).toBe(1);
    expect(countAnswerWords(`un${EMOJI}deux`)).toBe(2);
    expect(countAnswerWords(`mot ${EMOJI}`)).toBe(1);
    expect(countAnswerWords(`mot${EMOJI}`)).toBe(1);
    expect(countAnswerWords(EMOJI)).toBe(0);
  });

  it('reads a lone high surrogate at the end of an answer as no character, after a word or alone', () => {
    expect(countAnswerWords('mot\ud835')).toBe(1);
    expect(countAnswerWords('mot \ud835')).toBe(1);
    expect(countAnswerWords(`${MATH_A}\ud835`)).toBe(1);
  });

  it('reads a lone low surrogate as no character, and it ends the word before it', () => {
    expect(countAnswerWords('\udc00mot')).toBe(1);
    expect(countAnswerWords('mot\udc00')).toBe(1);
    expect(countAnswerWords('un\udc00deux')).toBe(2);
    expect(countAnswerWords('\udc00\udc00')).toBe(0);
    expect(countAnswerWords(`\udc00${MATH_A}`)).toBe(1);
  });

  it('never glues a lone low surrogate to the accented letter or ideograph before it', () => {
    expect(countAnswerWords('é\udc00')).toBe(1);
    expect(countAnswerWords('é\udc00b')).toBe(2);
    expect(countAnswerWords('中\udfff文')).toBe(2);
  });

  it('never lets a lone high surrogate swallow the letter after it, from either side of the surrogate range', () => {
    // U+FF21 (fullwidth A) and U+FB01 (the fi ligature) are letters above the surrogates.
    expect(countAnswerWords('\ud835\uff21')).toBe(1);
    expect(countAnswerWords('\ud835\ufb01x')).toBe(1);
    expect(countAnswerWords('\ud835é')).toBe(1);
    expect(countAnswerWords('\ud835a')).toBe(1);
    expect(countAnswerWords('\ud835\ud835')).toBe(0);
  });

  it('counts letters and digits above the surrogate range as words, and private-use signs as none', () => {
    expect(countAnswerWords('\uff21\uff11 \ufb01')).toBe(2);
    expect(countAnswerWords('\ue000')).toBe(0);
    expect(countAnswerWords('a\ue000b')).toBe(2);
  });

  it('reads the first character past ASCII like any non-letter, ending a word', () => {
    expect(countAnswerWords('a\u0080b')).toBe(2);
    expect(countAnswerWords('\u00aa')).toBe(1);
  });

  it('gives the same answer for a character seen for the first time and seen again', () => {
    // The per-character memory must only remember, never change an answer: the same text counted
    // twice, and a letter and a non-letter met in either order.
    const text = 'ŷ‰ŷ ‰ ŷŷ';
    expect(countAnswerWords(text)).toBe(3);
    expect(countAnswerWords(text)).toBe(3);
    expect(countAnswerWords('‱ƺ ‱')).toBe(1);
    expect(countAnswerWords('ƺ‱ ƺ')).toBe(2);
  });

  it('classifies a character met for the first time from the rule itself, not only from memory', async () => {
    // The per-character memory lives as long as the module: in a long-lived test process every
    // character above might be remembered already, and a fault in the first classification would
    // go unseen. A fresh copy of the module starts with an empty memory.
    vi.resetModules();
    const fresh = await import('../../../../server/contract/rules/word-count.js');
    expect(fresh.countAnswerWords('délai—dépassé ‰ ƺ')).toBe(3);
    expect(fresh.countAnswerWords('—é')).toBe(1);
    // The ASCII table and its joiners are built when the module loads: pinned on the fresh copy.
    expect(fresh.countAnswerWords("l'unité a,b x y pg_dump 06:30 -")).toBe(7);
  });
});
