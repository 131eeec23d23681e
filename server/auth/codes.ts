import { randomInt } from 'node:crypto';
import { CANDIDATE_CODE_LENGTH, CODE_ALPHABET, SESSION_CODE_LENGTH } from '../contract/rules/code-format.js';

// New codes, from the alphabet people can read without confusion (see code-format.ts).

function randomCode(length: number): string {
  let code = '';
  for (let i = 0; i < length; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** 8 characters from 29: about 39 bits, far beyond guessing under the login rate limit. */
export function newCandidateCode(): string {
  return randomCode(CANDIDATE_CODE_LENGTH);
}

export function newSessionCode(): string {
  return randomCode(SESSION_CODE_LENGTH);
}
