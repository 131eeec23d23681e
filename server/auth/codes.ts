import { randomInt } from 'node:crypto';

// Codes are read off a printed slip and typed by a nervous candidate: no 0/O, 1/I/L, no U/V
// mix-ups, case-insensitive, and a hyphen in the middle that is optional when typing.
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTWXYZ23456789';

function randomCode(length: number): string {
  let code = '';
  for (let i = 0; i < length; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** 8 characters from 29: about 39 bits, far beyond guessing under the login rate limit. */
export function newCandidateCode(): string {
  return randomCode(8);
}

export function newSessionCode(): string {
  return randomCode(6);
}

/** "abcd-efgh " -> "ABCDEFGH". */
export function normalizeCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s\-_.]/g, '');
}

/** True when every character can be part of a code, so a typo is told apart from a wrong code. */
export function isWellFormedCode(normalized: string, length: number): boolean {
  return normalized.length === length && [...normalized].every((c) => CODE_ALPHABET.includes(c));
}

/** How a code is printed: in two halves. */
export function formatCode(code: string): string {
  return code.length > 4 ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}
