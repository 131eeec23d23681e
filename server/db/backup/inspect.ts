// What a database file holds, read without changing it: whether SQLite finds it intact, and the
// head of its audit chain (the digest a backup's manifest and a session report record).
import Database from 'better-sqlite3';

export interface FileInspection {
  /** `PRAGMA integrity_check` answered "ok". */
  intact: boolean;
  /** The first problem SQLite reports, when not intact. */
  problem: string | null;
  /** The hash of the newest audit row; null on an empty log or a file that is not Lectern's. */
  auditHead: string | null;
}

interface IntegrityRow {
  integrity_check: string;
}

/** Opens the file read-only: a file that is not a database, or a damaged one, is reported, not thrown. */
export function inspectDatabaseFile(file: string): FileInspection {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const rows = db.prepare<[], IntegrityRow>('PRAGMA integrity_check').all();
    const intact = rows.length === 1 && rows[0]!.integrity_check === 'ok';
    return { intact, problem: intact ? null : (rows[0]?.integrity_check ?? 'no answer'), auditHead: intact ? auditHeadOf(db) : null };
  } catch (err) {
    return { intact: false, problem: err instanceof Error ? err.message : String(err), auditHead: null };
  } finally {
    db?.close();
  }
}

function auditHeadOf(db: Database.Database): string | null {
  const table = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'").get();
  if (!table) return null;
  return db.prepare<[], { hash: string }>('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get()?.hash ?? null;
}
