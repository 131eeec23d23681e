import { describe, expect, it } from 'vitest';
import { newCandidateCode } from '../../../server/auth/codes.js';
import { CODE_ALPHABET, formatCode, isWellFormedCode, normalizeCode } from '../../../server/contract/rules/code-format.js';

describe('candidate codes', () => {
  it('never use characters a person confuses', () => {
    for (const c of '0O1IL') expect(CODE_ALPHABET).not.toContain(c);
    const codes = new Set(Array.from({ length: 2000 }, newCandidateCode));
    expect(codes.size).toBe(2000);
    for (const code of codes) expect(isWellFormedCode(code, 8)).toBe(true);
  });

  it('are read case-insensitively, with or without the hyphen', () => {
    expect(normalizeCode(' abcd-efgh ')).toBe('ABCDEFGH');
    expect(normalizeCode('abcd efgh')).toBe('ABCDEFGH');
    expect(formatCode('ABCDEFGH')).toBe('ABCD-EFGH');
    expect(formatCode('abcd efgh')).toBe('ABCD-EFGH');
    expect(formatCode('abc-def')).toBe('ABCD-EF');
  });

  it('tell a typo (a character that cannot be in a code) from a wrong code', () => {
    expect(isWellFormedCode('ABCDEFG0', 8)).toBe(false);
    expect(isWellFormedCode('ABCDEFG', 8)).toBe(false);
    expect(isWellFormedCode('ABCDEFGH', 8)).toBe(true);
  });
});
