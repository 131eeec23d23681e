import { describe, expect, it } from 'vitest';
import { countAnswerWords } from '../../../server/contract/rules/word-count.js';
import { countWords } from '../../../server/contract/rules/revision.js';

// The store counts the words of every save with a scanner; the rule is revision.ts countWords.

const pieces = [
  'a', 'Z', '7', ' ', '  ', '\n', '\t', "'", '’', '-', '_', '.', '/', ':', ',', ';', '!', '?', '(', ')', '"', '«', '»',
  'é', 'à', 'Ç', 'ß', 'œ', 'Ω', 'ж', '中', '文', '٣', '½', '²', 'e\u0301', '\u00a0', '\u2014', '\u2026',
  '😀', '𝐀', '𝟙', '\ud800', '\udc00', 'systemd.timer', "don't", 'l’unité', 'https://example.org/a_b', '3.14', '--', '...',
];

function randomText(length: number, seed: number): string {
  let x = seed;
  const next = () => ((x = (x * 1103515245 + 12345) & 0x7fffffff), x);
  let text = '';
  while (text.length < length) text += pieces[next() % pieces.length];
  return text;
}

describe('countAnswerWords', () => {
  it('counts like countWords on plain, French, joined and unusual text', () => {
    for (const text of ['', ' ', 'one', 'one two', "l'unité systemd.timer s’exécute à 3:00", '-a', 'a-', '...', '’a’', 'a’b', '😀a😀', '𝐀𝐁 𝟙', 'e\u0301t\u00e9']) {
      expect(countAnswerWords(text), JSON.stringify(text)).toBe(countWords(text));
    }
  });

  it('counts like countWords on thousands of random texts', () => {
    for (let seed = 1; seed <= 3000; seed++) {
      const text = randomText(1 + (seed % 300), seed);
      expect(countAnswerWords(text), JSON.stringify(text)).toBe(countWords(text));
    }
  });

  it('counts a 50,000-character answer like countWords', () => {
    const text = randomText(50_000, 42);
    expect(countAnswerWords(text)).toBe(countWords(text));
  });
});
