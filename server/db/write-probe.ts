// Whether the database can still take a write: a row of a few pages written and removed in one
// committed transaction. A trivial SELECT answers on a full disk or a read-only folder, and then
// every save fails; this probe fails with them (SQLITE_FULL, SQLITE_READONLY...).
import type { LecternDb } from './open-database.js';

/** A few pages: a full database has no room for them, even when it still has room for a tiny row. */
const FILLER_BYTES = 16 * 1024;

export type ProbeFailure = { ok: false; code: string; message: string };

/** Runs the probe; never throws. */
export function probeWrite(db: LecternDb, now = Date.now()): { ok: true } | ProbeFailure {
  try {
    writeProbeOnce(db, now);
    return { ok: true };
  } catch (err) {
    const e = err as { code?: unknown; message?: unknown };
    return { ok: false, code: typeof e.code === 'string' ? e.code : 'UNKNOWN', message: String(e.message ?? err) };
  }
}

/** The probe itself; throws SQLite's error (start-up reports it: server/db/start-failure.ts). */
export function writeProbeOnce(db: LecternDb, now = Date.now()): void {
  const sqlite = db.$client;
  // BEGIN IMMEDIATE (open-database.ts): the probe waits its turn behind the answer writer.
  sqlite.transaction(() => {
    sqlite.prepare('INSERT INTO write_probe (at, filler) VALUES (?, zeroblob(?))').run(now, FILLER_BYTES);
    sqlite.prepare('DELETE FROM write_probe').run();
  })();
}
