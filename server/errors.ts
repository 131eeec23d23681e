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

export interface ErrorBody {
  error: { code: string; message: string; [extra: string]: unknown };
}
