import { quickCheck, type LecternDb } from './open-database.js';
import { DatabaseDamagedError } from './start-failure.js';
import { writeProbeOnce } from './write-probe.js';

/**
 * Start-up's checks of the server's database: sound (SQLite's quick check of every page, so a
 * damaged file is found before a candidate's save reaches the damage) and writable (the write
 * probe: a full disk or a read-only folder shows now, not at the first save). Throws SQLite's
 * error, which server/db/start-failure.ts words.
 */
export function checkDatabaseAtStart(db: LecternDb): void {
  const problem = quickCheck(db);
  if (problem) throw new DatabaseDamagedError(problem);
  writeProbeOnce(db);
}
