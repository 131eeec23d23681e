// Backups hold every candidate's data: they follow the backups' retention period
// (LECTERN_RETAIN_BACKUPS_DAYS), so that a purge does not live on for long in an old copy. The
// server applies it at each backup it takes; `npm run purge` applies it too, for the days when
// no session runs and no backup is taken.
import { backupsBeyondRule, defaultRotation, rotateBackups, type RotationRule } from '../db/backup/backup-files.js';
import { DAY_MS, type RetentionPolicy } from './retention-policy.js';

/** The backups' rotation (counts) with their retention period (age). */
export function backupRotation(policy: RetentionPolicy): RotationRule {
  return { ...defaultRotation, maxAgeMs: policy.backups * DAY_MS };
}

/** In each folder, the backups the policy no longer allows: deleted, or only listed for a dry run. */
export function expireBackups(dirs: readonly string[], policy: RetentionPolicy, dryRun: boolean, now = Date.now()): { dir: string; files: string[] }[] {
  const rule = backupRotation(policy);
  return dirs.map((dir) => ({ dir, files: dryRun ? backupsBeyondRule(dir, rule, now).map((b) => b.file) : rotateBackups(dir, rule, now) }));
}
