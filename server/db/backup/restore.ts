// Restores a backup into a data folder: only a file SQLite finds intact (and, when its manifest
// is beside it, the very file the manifest describes), and never under a running server.
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { runningServer } from '../data-lock.js';
import { listBackups, sha256OfFile } from './backup-files.js';
import { inspectDatabaseFile } from './inspect.js';

export type RestoreRefusal =
  | { reason: 'missing'; file: string }
  | { reason: 'damaged'; file: string; problem: string }
  | { reason: 'altered'; file: string }
  | { reason: 'server-running'; dataDir: string; pid: number };

export type RestoreResult = { ok: true; databaseFile: string; auditHead: string | null; replaced: string | null } | { ok: false; refusal: RestoreRefusal };

export const databaseFileName = 'lectern.sqlite';

/** The manifest's hash, when the file sits in a backups folder beside its manifest. */
async function alteredSinceManifest(file: string): Promise<boolean> {
  const listed = listBackups(dirname(file)).find((b) => b.file === basename(file));
  return listed !== undefined && listed.sha256 !== (await sha256OfFile(file));
}

export async function restoreBackup(file: string, dataDir: string): Promise<RestoreResult> {
  if (!existsSync(file)) return { ok: false, refusal: { reason: 'missing', file } };
  const pid = runningServer(dataDir);
  if (pid !== null) return { ok: false, refusal: { reason: 'server-running', dataDir, pid } };
  const inspection = inspectDatabaseFile(file);
  if (!inspection.intact) return { ok: false, refusal: { reason: 'damaged', file, problem: inspection.problem ?? '' } };
  if (await alteredSinceManifest(file)) return { ok: false, refusal: { reason: 'altered', file } };
  mkdirSync(dataDir, { recursive: true });
  const target = join(dataDir, databaseFileName);
  // The database being replaced is kept aside, never deleted: it may hold what the backup lacks.
  let replaced: string | null = null;
  if (existsSync(target)) {
    replaced = `${target}.replaced-${Date.now()}`;
    renameSync(target, replaced);
    for (const suffix of ['-wal', '-shm']) if (existsSync(target + suffix)) renameSync(target + suffix, replaced + suffix);
  }
  copyFileSync(file, `${target}.part`);
  renameSync(`${target}.part`, target);
  rmSync(`${target}-wal`, { force: true });
  rmSync(`${target}-shm`, { force: true });
  return { ok: true, databaseFile: target, auditHead: inspection.auditHead, replaced };
}
