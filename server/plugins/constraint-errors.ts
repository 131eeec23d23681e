import { UserError } from '../errors.js';

/**
 * A request that breaks one of the database's own rules (an id that names nothing, a value that
 * must be unique) is the request's fault, not the server's: it gets a 4xx a person can act on.
 * better-sqlite3 throws a SqliteError whose `code` names the constraint; the transaction has
 * rolled back, so nothing of the request was kept.
 */
export function constraintError(thrown: unknown): UserError | null {
  const code = sqliteCode(thrown);
  switch (code) {
    case 'SQLITE_CONSTRAINT_FOREIGNKEY':
      return new UserError(400, 'unknown-reference', 'The request names something that does not exist (an account, a session, a candidate): check the ids it sends.');
    case 'SQLITE_CONSTRAINT_UNIQUE':
    case 'SQLITE_CONSTRAINT_PRIMARYKEY':
      return new UserError(409, 'already-exists', 'This already exists: reload the page to see it.');
    case 'SQLITE_CONSTRAINT_NOTNULL':
    case 'SQLITE_CONSTRAINT_CHECK':
      return new UserError(400, 'invalid-request', 'The request is missing a value or has one out of range.');
    default:
      return null;
  }
}

/** The SQLite error code of an error or of its cause (drizzle may wrap the driver's error). */
function sqliteCode(err: unknown, depth = 0): string | null {
  if (typeof err !== 'object' || err === null || depth > 3) return null;
  if (err.constructor.name === 'SqliteError' && 'code' in err && typeof err.code === 'string') return err.code;
  return 'cause' in err ? sqliteCode(err.cause, depth + 1) : null;
}
