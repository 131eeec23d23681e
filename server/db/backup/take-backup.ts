// Takes one backup: the copy in a worker thread (backup-worker.ts), checked, hashed, named with
// its time and described by a manifest; then the same file into the second folder, if any; then
// the rotation. A copy that fails its check is deleted and reported: it never counts as a backup.
import { copyFileSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { seal, SEALED_SUFFIX } from '../../common/sealed-file.js';
import { join } from 'node:path';
import { startWorker, workerModule } from '../../start-worker.js';
import type { BackupWorkerData, BackupWorkerReply } from './backup-worker.js';
import { backupBaseName, manifestFileOf, rotateBackups, sha256OfFile, type BackupManifest, type BackupReason, type RotationRule } from './backup-files.js';
import { inspectDatabaseFile } from './inspect.js';

export interface BackupTargets {
  /** `<data>/backups`. */
  primary: string;
  /** `--backup-dir` / LECTERN_BACKUP_DIR: a USB key or a second disk. */
  secondary?: string | undefined;
  /**
   * LECTERN_SEAL_RECIPIENT: the coordinator's public key. The copy in the second folder leaves the
   * server's disk (a USB key can be lost), so it is sealed; `<data>/backups` stays plain.
   */
  sealTo?: string | undefined;
  rotation?: RotationRule;
}

export interface BackupOutcome {
  manifest: BackupManifest;
  /** The backup's path in each folder it reached. */
  written: string[];
  /** A second folder that could not take it (a USB key pulled out): said, not fatal. */
  secondaryError: string | null;
}

export class BackupFailedError extends Error {}

function copyInWorker(data: BackupWorkerData): Promise<BackupWorkerReply> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(workerModule('db/backup/backup-worker'), data);
    let replied = false;
    worker.once('message', (reply: BackupWorkerReply) => {
      replied = true;
      resolve(reply);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!replied) reject(new BackupFailedError(`the backup thread stopped (exit code ${code})`));
    });
  });
}

/** Writes text to `file` through a temporary name, so a reader never sees half of it. */
function writeAtomically(file: string, text: string): void {
  writeFileSync(`${file}.part`, text);
  renameSync(`${file}.part`, file);
}

export async function takeBackup(databaseFile: string, targets: BackupTargets, reason: BackupReason, now = Date.now()): Promise<BackupOutcome> {
  mkdirSync(targets.primary, { recursive: true });
  const name = `${backupBaseName(now)}.sqlite`;
  const final = join(targets.primary, name);
  const partial = `${final}.part`;
  rmSync(partial, { force: true });
  const reply = await copyInWorker({ source: databaseFile, destination: partial });
  if (!reply.ok || !reply.inspection.intact) {
    rmSync(partial, { force: true });
    throw new BackupFailedError(reply.ok ? `the copy failed its integrity check: ${reply.inspection.problem}` : reply.error);
  }
  renameSync(partial, final);
  const manifest: BackupManifest = {
    file: name,
    takenAt: now,
    takenAtText: new Date(now).toISOString(),
    reason,
    bytes: statSync(final).size,
    sha256: await sha256OfFile(final),
    integrity: 'ok',
    auditHead: reply.inspection.auditHead,
  };
  writeAtomically(manifestFileOf(targets.primary, name), JSON.stringify(manifest, null, 2) + '\n');
  rotateBackups(targets.primary, targets.rotation);
  const written = [final];
  let secondaryError: string | null = null;
  if (targets.secondary) {
    try {
      written.push(targets.sealTo ? await sealToSecondFolder(final, manifest, targets.secondary, targets.sealTo) : await copyToSecondFolder(final, manifest, targets.secondary));
      rotateBackups(targets.secondary, targets.rotation);
    } catch (err) {
      secondaryError = err instanceof Error ? err.message : String(err);
    }
  }
  return { manifest, written, secondaryError };
}

/** The checked file into the second folder, checked again there (a USB key can fail on write). */
async function copyToSecondFolder(file: string, manifest: BackupManifest, dir: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const target = join(dir, manifest.file);
  copyFileSync(file, `${target}.part`);
  const copied = await sha256OfFile(`${target}.part`);
  if (copied !== manifest.sha256 || !inspectDatabaseFile(`${target}.part`).intact) {
    rmSync(`${target}.part`, { force: true });
    throw new BackupFailedError(`the copy in ${dir} differs from the backup`);
  }
  renameSync(`${target}.part`, target);
  writeAtomically(manifestFileOf(dir, manifest.file), JSON.stringify(manifest, null, 2) + '\n');
  return target;
}

/** The checked file sealed for the coordinator into the second folder, read back and compared. */
async function sealToSecondFolder(file: string, manifest: BackupManifest, dir: string, recipient: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const sealed = await seal(readFileSync(file), recipient);
  const sealedSha256 = createHash('sha256').update(sealed).digest('hex');
  const name = `${manifest.file}${SEALED_SUFFIX}`;
  const target = join(dir, name);
  writeFileSync(`${target}.part`, sealed);
  if ((await sha256OfFile(`${target}.part`)) !== sealedSha256) {
    rmSync(`${target}.part`, { force: true });
    throw new BackupFailedError(`the sealed copy in ${dir} differs from what was written`);
  }
  renameSync(`${target}.part`, target);
  writeAtomically(manifestFileOf(dir, name), JSON.stringify({ ...manifest, file: name, bytes: sealed.length, sealedSha256 }, null, 2) + '\n');
  return target;
}
