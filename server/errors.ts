// Errors a person can act on. Routes throw `userError(...)`; the error handler turns it into
// { error: { code, message } } with the status. The code is stable (clients translate it),
// the message is plain English for API users and logs.

export class UserError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'UserError';
  }
}

export function userError(statusCode: number, code: string, message: string, extra: Record<string, unknown> = {}): UserError {
  return new UserError(statusCode, code, message, extra);
}

// The body's schema (and the extra fields it carries) is the contract's.
export type { ErrorBody } from './contract/errors.js';
