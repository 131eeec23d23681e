import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commonPrefixLength } from '../../../client/kiosk/common-prefix.js';

/** The definition, one character at a time. */
function naive(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

describe('the common start of two texts', () => {
  it('is what comparing character by character says, for any two texts and for edits of one', () => {
    const piece = fc.constantFrom('a', 'é', '’', '\n', ' ', 'ab', '😀');
    const text = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(commonPrefixLength(a, b)).toBe(naive(a, b));
        expect(commonPrefixLength(b, a)).toBe(naive(a, b));
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(text, fc.nat(), fc.nat({ max: 4 }), text, (a, at, remove, insert) => {
        const cut = at % (a.length + 1);
        const b = a.slice(0, cut) + insert + a.slice(cut + remove);
        expect(commonPrefixLength(a, b)).toBe(naive(a, b));
      }),
      { numRuns: 500 },
    );
  });

  it('finds a key typed, erased or changed at the end and in the middle of a 50,000-character answer', () => {
    const answer = 'The timer starts the backup unit every night. '.repeat(1087);
    expect(commonPrefixLength(answer, `${answer}x`)).toBe(answer.length);
    expect(commonPrefixLength(answer, answer.slice(0, -1))).toBe(answer.length - 1);
    expect(commonPrefixLength(answer, answer)).toBe(answer.length);
    expect(commonPrefixLength(answer, `${answer.slice(0, 25_000)}X${answer.slice(25_001)}`)).toBe(25_000);
    expect(commonPrefixLength('', answer)).toBe(0);
  });
});
