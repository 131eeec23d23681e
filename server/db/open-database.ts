import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { migrationsDir } from '../paths.js';
import * as accounts from './schema/accounts.js';
import * as examSessions from './schema/exam-sessions.js';
import * as answers from './schema/answers.js';
import * as supervision from './schema/supervision.js';
import * as audit from './schema/audit.js';
import * as retention from './schema/retention.js';
import * as grading from './schema/grading.js';
import * as health from './schema/health.js';
import * as fallback from './schema/fallback.js';

export const schema = { ...accounts, ...examSessions, ...answers, ...supervision, ...audit, ...retention, ...grading, ...health, ...fallback };
export type LecternDb = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/**
 * Opens (and creates) the SQLite file, sets the pragmas and applies pending migrations.
 *
 * - WAL: readers (dashboards, grading) never block the writer (autosave).
 * - synchronous=FULL: in WAL mode NORMAL may lose the last commits on power loss; an
 *   acknowledged answer must survive that, so every commit is fsynced before we acknowledge.
 * - busy_timeout: the backup command or an admin CLI may hold the file for a moment.
 * - wal_autocheckpoint=0: checkpoints are the checkpointer thread's (server/db/checkpointer.ts);
 *   whoever opens the file without it (a CLI, a test) leaves a log that the next close or the
 *   server's checkpointer copies back.
 */
export function openDatabase(file: string): LecternDb {
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // The WAL checkpointer thread checkpoints (server/db/wal-checkpointer.ts), not this connection's commits.
  sqlite.pragma('wal_autocheckpoint = 0');
  writeTransactionsImmediately(sqlite);
  const db: LecternDb = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: migrationsDir });
  return db;
}

/**
 * Makes `connection.transaction(fn)()` begin with BEGIN IMMEDIATE instead of BEGIN (deferred).
 * The answer writer (server/exam/answer-writer.ts) writes from its own connection at the same
 * time as this one. A deferred transaction that reads and then writes (a submission reads the
 * answers, then marks the candidate) fails at once with SQLITE_BUSY if the writer commits in
 * between, whatever the busy timeout; an immediate one takes the write lock first, waiting for
 * the writer's commit (a few milliseconds) if it must. Every transaction here writes, so none
 * loses anything by taking the lock at its start. `.deferred`, `.immediate` and `.exclusive`
 * stay available as better-sqlite3 documents them.
 */
function writeTransactionsImmediately(connection: Database.Database): void {
  const transaction = connection.transaction.bind(connection);
  // Each variant carries the others as properties (better-sqlite3 defines them on all four).
  // eslint-disable-next-line @typescript-eslint/unbound-method -- better-sqlite3's variants are plain functions (not methods of the transaction); `.immediate` is returned as is so it keeps its sibling variants as properties.
  connection.transaction = ((fn: (...args: never[]) => unknown) => transaction(fn).immediate) as Database.Database['transaction'];
}

/**
 * Opens a database file to read it only, without migrating it: a backup or a copy examined by a
 * command (`npm run audit:verify -- --file <backup>`) stays exactly as it was.
 */
export function openDatabaseReadOnly(file: string): LecternDb {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  return drizzle(sqlite, { schema });
}

interface QuickCheckRow {
  quick_check: string;
}

/**
 * At start-up: SQLite's quick check of every page (a damaged file is found before a candidate's
 * save reaches the damage). Returns the first problem, or null when the file is sound.
 */
export function quickCheck(db: LecternDb): string | null {
  const rows = db.$client.prepare<[], QuickCheckRow>('PRAGMA quick_check').all();
  return rows.length === 1 && rows[0]!.quick_check === 'ok' ? null : (rows[0]?.quick_check ?? 'no answer');
}
