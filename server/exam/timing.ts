// The timing rules. The server's clock is the only clock: every deadline a candidate or a
// proctor sees is computed here from the start, the pauses and the extra time.

export interface PauseInterval {
  startedAt: number;
  /** null while the pause is still running. */
  endedAt: number | null;
}

export interface CandidateTiming {
  /** When the proctor started the session; null before. */
  startedAt: number | null;
  durationMs: number;
  /** Pauses that apply to this candidate: the whole room's and their own. */
  pauses: PauseInterval[];
  /** Accommodation plus incident time. */
  extraMs: number;
}

/** Saves in flight when the deadline passes are still accepted for this long. */
export const SAVE_GRACE_MS = 10_000;

/**
 * Total paused time up to `now`. Room and individual pauses may overlap (a candidate paused
 * for an incident while the whole room is paused too): the union counts once.
 */
export function pausedMs(pauses: PauseInterval[], now: number): number {
  const intervals = pauses
    .map((p) => [p.startedAt, Math.min(p.endedAt ?? now, now)] as const)
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let curStart = -Infinity;
  let curEnd = -Infinity;
  for (const [s, e] of intervals) {
    if (s > curEnd) {
      if (curEnd > curStart) total += curEnd - curStart;
      curStart = s;
      curEnd = e;
    } else if (e > curEnd) {
      curEnd = e;
    }
  }
  if (curEnd > curStart) total += curEnd - curStart;
  return total;
}

export function isPaused(pauses: PauseInterval[], now: number): boolean {
  return pauses.some((p) => p.startedAt <= now && (p.endedAt === null || p.endedAt > now));
}

/**
 * The candidate's deadline as it stands at `now`. During a pause the deadline moves forward
 * with the clock, so the time left stays frozen. Returns null before the start.
 */
export function deadlineAt(t: CandidateTiming, now: number): number | null {
  if (t.startedAt === null) return null;
  return t.startedAt + t.durationMs + t.extraMs + pausedMs(t.pauses, now);
}

/** Milliseconds left, never negative; the full time (with extras) before the start. */
export function timeLeftMs(t: CandidateTiming, now: number): number {
  const deadline = deadlineAt(t, now);
  if (deadline === null) return t.durationMs + t.extraMs;
  return Math.max(0, deadline - now);
}

export type SaveTiming = 'on-time' | 'in-grace' | 'late';

/** Whether a save received at `receivedAt` counts. Saves in the grace window are kept as answers. */
export function classifySave(t: CandidateTiming, receivedAt: number): SaveTiming {
  const deadline = deadlineAt(t, receivedAt);
  if (deadline === null) return 'on-time';
  if (receivedAt <= deadline) return 'on-time';
  if (receivedAt <= deadline + SAVE_GRACE_MS) return 'in-grace';
  return 'late';
}
