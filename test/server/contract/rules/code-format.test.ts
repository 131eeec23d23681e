// Login codes as a candidate types them off a printed slip: what is ignored, what is refused, and why.
import { describe, expect, it } from 'vitest';
import { CANDIDATE_CODE_LENGTH, checkCode, CODE_ALPHABET, formatCode, isWellFormedCode, normalizeCode, SESSION_CODE_LENGTH } from '../../../../server/contract/rules/code-format.js';

describe('login codes', () => {
  it('has six-character session codes and eight-character candidate codes from an alphabet without look-alikes', () => {
    expect(SESSION_CODE_LENGTH).toBe(6);
    expect(CANDIDATE_CODE_LENGTH).toBe(8);
    expect(CODE_ALPHABET).toBe('ABCDEFGHJKMNPQRSTWXYZ23456789');
  });

  it('ignores spaces, tabs, hyphens, underscores and dots wherever they are typed', () => {
    expect(normalizeCode(' ab\tcd-ef_gh.\n')).toBe('ABCDEFGH');
    expect(normalizeCode('a--b  c')).toBe('ABC');
  });

  it('prints a code of five or more characters in two halves after the fourth, a shorter one whole', () => {
    expect(formatCode('abcde')).toBe('ABCD-E');
    expect(formatCode('abcd')).toBe('ABCD');
    expect(formatCode('a-b')).toBe('AB');
  });

  it('says a code is empty before anything else', () => {
    expect(checkCode(' - ', 8)).toEqual({ kind: 'empty' });
  });

  it('names each impossible character once, in the order typed, before checking the length', () => {
    expect(checkCode('O0O1', 8)).toEqual({ kind: 'characters', characters: 'O 0 1' });
    expect(checkCode('ABCDEFGHJ', 8)).toEqual({ kind: 'length', expected: 8, actual: 9 });
    expect(checkCode('abcd-efg', 8)).toEqual({ kind: 'length', expected: 8, actual: 7 });
  });

  it('accepts a code of the right length, typed in any case and with its hyphen', () => {
    expect(checkCode('abcd-efgh', 8)).toBeNull();
    expect(checkCode('ABCDEF', 6)).toBeNull();
    expect(isWellFormedCode('ABCDEF', 6)).toBe(true);
    expect(isWellFormedCode('ABCDEF', 8)).toBe(false);
  });
});
