// The word count the server stores with every save (the scanner in word-count.ts), on the cases
// where a scanner differs most easily from the rule: joiners, apostrophes, accents, surrogates.
import { describe, expect, it } from 'vitest';
import { countAnswerWords } from '../../../../server/contract/rules/word-count.js';

describe('countAnswerWords', () => {
  it('counts nothing in an empty or blank answer', () => {
    expect(countAnswerWords('')).toBe(0);
    expect(countAnswerWords(' \n\t ')).toBe(0);
    expect(countAnswerWords('... -- //')).toBe(0);
  });

  it('keeps a word going through each joiner, but never starts one with a joiner', () => {
    expect(countAnswerWords("don't list-timers pg_dump backup.timer /etc/x 06:30")).toBe(6);
    expect(countAnswerWords("' - _ . / : a")).toBe(1);
    expect(countAnswerWords('a,b;c!d')).toBe(4);
    expect(countAnswerWords('a b')).toBe(2);
  });

  it('reads the typographic apostrophe as a joiner', () => {
    expect(countAnswerWords('l’unité s’exécute')).toBe(2);
    expect(countAnswerWords('’ a')).toBe(1);
  });

  it('counts accented and non-Latin words like plain ones, and ends a word at a non-letter', () => {
    expect(countAnswerWords('délai dépassé à 3h')).toBe(4);
    expect(countAnswerWords('été—hiver')).toBe(2);
    expect(countAnswerWords('中文 ж ٣')).toBe(3);
    expect(countAnswerWords('«mot»')).toBe(1);
    // The same accented letter seen again is classified from memory, with the same answer.
    expect(countAnswerWords('é é é—é')).toBe(4);
    expect(countAnswerWords('—— — —')).toBe(0);
  });

  it('reads a surrogate pair as one character, a letter or not', () => {
    expect(countAnswerWords('𝐀𝐁 𝟙')).toBe(2);
    expect(countAnswerWords('😀a😀b')).toBe(2);
    expect(countAnswerWords('😀 😀')).toBe(0);
    expect(countAnswerWords('a\ud800b')).toBe(2);
    expect(countAnswerWords('a\udc00b')).toBe(2);
    expect(countAnswerWords('\ud835')).toBe(0);
    expect(countAnswerWords('\ud835\ud835\udc00')).toBe(1);
  });

  it('reads the pairs at both ends of the surrogate ranges', () => {
    // U+10000 (first high, first low surrogate) is a letter, U+1D7FF (last low) a digit.
    expect(countAnswerWords('\ud800\udc00')).toBe(1);
    expect(countAnswerWords('\ud835\udfff')).toBe(1);
    expect(countAnswerWords('\udbff\udfff')).toBe(0);
  });
});
