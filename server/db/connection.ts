import type Database from 'better-sqlite3';
import type { LecternDb } from './open-database.js';

// What the rest of the server may do with the connection itself, without reaching for its
// better-sqlite3 handle: group statements in a transaction, probe it, close it. Queries live in
// the repositories (`*.repo.ts`).

/**
 * A reusable transaction: every call runs `fn` between BEGIN IMMEDIATE and COMMIT (see
 * open-database.ts), or rolls back if it throws. `fn` must be synchronous: better-sqlite3 commits
 * when it returns, so an awaited statement would run after the commit.
 */
export function transaction<F extends (...args: never[]) => unknown>(db: LecternDb, fn: F): Database.Transaction<F> {
  return db.$client.transaction(fn);
}

/** Whether the database answers a trivial query: the health probe. */
export function databaseAnswers(db: LecternDb): boolean {
  try {
    db.$client.prepare<[], { ok: number }>('SELECT 1 AS ok').get();
    return true;
  } catch {
    return false;
  }
}

/** The file the connection opened: the WAL checkpointer opens its own connection on it. */
export function databaseFile(db: LecternDb): string {
  return db.$client.name;
}

export function closeDatabase(db: LecternDb): void {
  db.$client.close();
}
