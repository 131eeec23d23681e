// Restores a backup into a data folder: only a file SQLite finds intact (and, when its manifest
// is beside it, the very file the manifest describes), and never under a running server.
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { isSealed, unseal } from '../../common/sealed-file.js';
import { basename, dirname, join } from 'node:path';
import { runningServer } from '../data-lock.js';
import { listBackups, sha256OfFile } from './backup-files.js';
import { inspectDatabaseFile } from './inspect.js';

export type RestoreRefusal =
  | { reason: 'missing'; file: string }
  | { reason: 'damaged'; file: string; problem: string }
  | { reason: 'altered'; file: string }
  | { reason: 'server-running'; dataDir: string; pid: number }
  | { reason: 'needs-key'; file: string }
  | { reason: 'bad-key' | 'wrong-key'; file: string }
  | { reason: 'sealed-damaged'; file: string };

export type RestoreResult = { ok: true; databaseFile: string; auditHead: string | null; replaced: string | null } | { ok: false; refusal: RestoreRefusal };

export const databaseFileName = 'lectern.sqlite';

/** The manifest's hash, when the file sits in a backups folder beside its manifest. */
async function alteredSinceManifest(file: string): Promise<boolean> {
  const listed = listBackups(dirname(file)).find((b) => b.file === basename(file));
  return listed !== undefined && listed.sha256 !== (await sha256OfFile(file));
}

/** The manifest's hash of the database inside a sealed file: what the opened copy must match. */
function sealedManifestSha(file: string): string | undefined {
  return listBackups(dirname(file)).find((b) => b.file === basename(file))?.sha256;
}

/**
 * A sealed backup opened with the coordinator's key into a file beside the target; the file to
 * restore from, or why not. The opened copy must match the manifest's hash of the database.
 */
async function openSealed(file: string, target: string, identity: string | undefined): Promise<{ ok: true; plain: string } | { ok: false; refusal: RestoreRefusal }> {
  if (identity === undefined) return { ok: false, refusal: { reason: 'needs-key', file } };
  const opened = await unseal(readFileSync(file), identity);
  if (!opened.ok) {
    const reason = opened.why === 'bad-key' ? 'bad-key' : opened.why === 'wrong-key' ? 'wrong-key' : 'sealed-damaged';
    return { ok: false, refusal: { reason, file } };
  }
  const plain = `${target}.opened.part`;
  writeFileSync(plain, opened.bytes);
  const expected = sealedManifestSha(file);
  if (expected !== undefined && expected !== (await sha256OfFile(plain))) {
    rmSync(plain, { force: true });
    return { ok: false, refusal: { reason: 'altered', file } };
  }
  return { ok: true, plain };
}

export async function restoreBackup(file: string, dataDir: string, options: { identity?: string } = {}): Promise<RestoreResult> {
  if (!existsSync(file)) return { ok: false, refusal: { reason: 'missing', file } };
  const pid = runningServer(dataDir);
  if (pid !== null) return { ok: false, refusal: { reason: 'server-running', dataDir, pid } };
  mkdirSync(dataDir, { recursive: true });
  const target = join(dataDir, databaseFileName);
  if (isSealed(readFileSync(file).subarray(0, 64))) {
    const opened = await openSealed(file, target, options.identity);
    if (!opened.ok) return opened;
    try {
      const result = await restoreBackup(opened.plain, dataDir);
      return result.ok ? result : { ok: false, refusal: { ...result.refusal, file } as RestoreRefusal };
    } finally {
      rmSync(opened.plain, { force: true });
    }
  }
  const inspection = inspectDatabaseFile(file);
  if (!inspection.intact) return { ok: false, refusal: { reason: 'damaged', file, problem: inspection.problem ?? '' } };
  if (await alteredSinceManifest(file)) return { ok: false, refusal: { reason: 'altered', file } };
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
