// Backups while a session runs: one every interval (default one minute), and one as each session
// ends. The scheduler looks at the sessions every few seconds rather than hooking into the exam's
// services, so it only needs to know which sessions are under way; a backup never overlaps
// another, and the server's stop waits for the one under way.
import { takeBackup, type BackupOutcome, type BackupTargets } from './take-backup.js';
import type { BackupReason } from './backup-files.js';

export interface BackupSchedule {
  databaseFile: string;
  targets: BackupTargets;
  intervalMs: number;
  /** The ids of the sessions under way (running or paused). */
  activeSessions: () => number[];
  onBackup: (outcome: BackupOutcome) => void;
  onError: (message: string) => void;
  /** How often the sessions are looked at; a session's end is backed up within this. */
  pollMs?: number;
}

export interface BackupScheduler {
  /** Waits for a backup under way, and takes no more. */
  stop(): Promise<void>;
}

export function startBackupScheduler(s: BackupSchedule): BackupScheduler {
  let running: Promise<void> | null = null;
  let lastAt = 0;
  let stopped = false;
  let active = new Set<number>();

  const backup = (reason: BackupReason) => {
    lastAt = Date.now();
    running = takeBackup(s.databaseFile, s.targets, reason)
      .then((outcome) => s.onBackup(outcome))
      .catch((err: unknown) => s.onError(err instanceof Error ? err.message : String(err)))
      .finally(() => (running = null));
  };

  const tick = () => {
    if (stopped || running) return;
    let now: Set<number>;
    try {
      now = new Set(s.activeSessions());
    } catch (err) {
      s.onError(err instanceof Error ? err.message : String(err));
      return;
    }
    const ended = [...active].some((id) => !now.has(id));
    active = now;
    if (ended) backup('session-end');
    else if (now.size > 0 && Date.now() - lastAt >= s.intervalMs) backup('interval');
  };

  const timer = setInterval(tick, Math.max(50, Math.min(s.pollMs ?? 5000, s.intervalMs)));
  timer.unref();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
