// Login codes as people read and type them: shared by the server and the kiosk (no Node
// import here, so the client bundles this very file instead of a copy). Generation, which
// needs node:crypto, is in server/auth/codes.ts.

// Codes are read off a printed slip and typed by a nervous candidate: no 0/O, 1/I/L, no U/V
// mix-ups, case-insensitive, and a hyphen in the middle that is optional when typing.
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTWXYZ23456789';
export const SESSION_CODE_LENGTH = 6;
export const CANDIDATE_CODE_LENGTH = 8;

/** "abcd-efgh " -> "ABCDEFGH". */
export function normalizeCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s\-_.]/g, '');
}

/** How a code is printed on the slip: in two halves ("ABCD-EFGH", "ABCD-EF"). */
export function formatCode(code: string): string {
  const normalized = normalizeCode(code);
  return normalized.length > 4 ? `${normalized.slice(0, 4)}-${normalized.slice(4)}` : normalized;
}

export type CodeProblem = { kind: 'empty' } | { kind: 'length'; expected: number; actual: number } | { kind: 'characters'; characters: string };

/** What is wrong with a typed code, so a typo is told apart from a wrong code before asking the server. */
export function checkCode(typed: string, length: number): CodeProblem | null {
  const normalized = normalizeCode(typed);
  if (normalized.length === 0) return { kind: 'empty' };
  const wrong = [...new Set([...normalized].filter((c) => !CODE_ALPHABET.includes(c)))];
  if (wrong.length > 0) return { kind: 'characters', characters: wrong.join(' ') };
  if (normalized.length !== length) return { kind: 'length', expected: length, actual: normalized.length };
  return null;
}

/** True when every character can be part of a code and the length is right. */
export function isWellFormedCode(normalized: string, length: number): boolean {
  return checkCode(normalized, length) === null;
}
