// The backups folder: one `lectern-<time>.sqlite` per backup and its manifest
// `lectern-<time>.json`. A file without a manifest is one being written (or left by a crash)
// and never counts; a manifest is written last, once the copy is checked.
import { createHash } from 'node:crypto';
import { createReadStream, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export type BackupReason = 'interval' | 'session-end' | 'on-demand';

export interface BackupManifest {
  /** The backup's file name, beside the manifest. */
  file: string;
  /** When the copy was taken (ms since the epoch), and the same as ISO text for a person. */
  takenAt: number;
  takenAtText: string;
  reason: BackupReason;
  bytes: number;
  sha256: string;
  /** `PRAGMA integrity_check` answered "ok" on the copy. */
  integrity: 'ok';
  /** The hash of the newest audit row in the copy: `npm run audit:verify -- --head <it>`. */
  auditHead: string | null;
  /** Set when the file is sealed for the coordinator: the sealed file's own hash (`sha256` stays the database's). */
  sealedSha256?: string;
}

// A backup sealed for the coordinator (server/common/sealed-file.ts) ends in `.sqlite.age`.
const NAME = /^lectern-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)\.sqlite(\.age)?$/;

/** `lectern-2026-12-01T13-45-00-123Z`: sorts by time, and is a valid file name everywhere (no colon). */
export function backupBaseName(at: number): string {
  return `lectern-${new Date(at).toISOString().replace(/[:.]/g, '-')}`;
}

export function manifestFileOf(dir: string, backupFile: string): string {
  return join(dir, backupFile.replace(/\.sqlite(\.age)?$/, '.json'));
}

export function sha256OfFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}

function readManifest(dir: string, file: string): BackupManifest | null {
  try {
    const parsed: unknown = JSON.parse(readFileSync(manifestFileOf(dir, file), 'utf8'));
    if (typeof parsed !== 'object' || parsed === null) return null;
    const m = parsed as Partial<BackupManifest>;
    return m.file === file && m.integrity === 'ok' && typeof m.sha256 === 'string' && typeof m.takenAt === 'number' ? (m as BackupManifest) : null;
  } catch {
    return null;
  }
}

/** The checked backups of a folder (those with a manifest), newest first. */
export function listBackups(dir: string): (BackupManifest & { path: string })[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => NAME.test(n))
    .map((n) => {
      const m = readManifest(dir, n);
      return m ? { ...m, path: join(dir, n) } : null;
    })
    .filter((m) => m !== null)
    .sort((a, b) => b.takenAt - a.takenAt);
}

export interface RotationRule {
  /** The newest backups kept, whatever their reason. */
  keepLatest: number;
  /** Backups taken at a session's end are kept this many more (the state each session ended in). */
  keepSessionEnds: number;
  /**
   * The backups' retention period (LECTERN_RETAIN_BACKUPS_DAYS, docs/privacy.md): a backup holds
   * everything, so one older than this goes even when the counts above would keep it; otherwise a
   * purge would live on in an old copy. The newest checked backup stays whatever its age.
   */
  maxAgeMs?: number;
}

export const defaultRotation: RotationRule = { keepLatest: 60, keepSessionEnds: 50 };

/**
 * The checked backups the rule does not keep, oldest last. The newest checked backup is always
 * kept (keepLatest is at least 1, and age never removes it): a rotation can never leave a folder
 * without a good backup. Files without a manifest are never listed: one may be a backup being written.
 */
export function backupsBeyondRule(dir: string, rule: RotationRule = defaultRotation, now = Date.now()): (BackupManifest & { path: string })[] {
  const all = listBackups(dir);
  const keep = new Set(all.slice(0, Math.max(1, rule.keepLatest)).map((b) => b.file));
  for (const b of all.filter((x) => x.reason === 'session-end').slice(0, rule.keepSessionEnds)) keep.add(b.file);
  if (rule.maxAgeMs !== undefined) {
    const oldest = now - rule.maxAgeMs;
    for (const b of all.slice(1)) if (b.takenAt < oldest) keep.delete(b.file);
  }
  return all.filter((b) => !keep.has(b.file));
}

/** Deletes the checked backups the rule does not keep (see backupsBeyondRule), and returns their names. */
export function rotateBackups(dir: string, rule: RotationRule = defaultRotation, now = Date.now()): string[] {
  const removed: string[] = [];
  for (const b of backupsBeyondRule(dir, rule, now)) {
    rmSync(manifestFileOf(dir, b.file), { force: true });
    rmSync(b.path, { force: true });
    removed.push(b.file);
  }
  return removed;
}
