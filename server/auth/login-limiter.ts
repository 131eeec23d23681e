// The arithmetic of login throttling, without storage or clock: what a count of failures costs.
// A throttle never locks for good. Past a few free failures each further one doubles the wait,
// up to a ceiling; the count is forgotten once a whole window passes without a failure, and a
// success clears it (for the keys one person owns: a staff account).

export interface ThrottleRule {
  /** Failures allowed before any wait. */
  freeFailures: number;
  /** The wait after the first failure past the free ones; each further failure doubles it. */
  firstDelayMs: number;
  /** The longest wait, however many failures. */
  maxDelayMs: number;
  /** Failures are forgotten once this long has passed since the last one. */
  windowMs: number;
}

/** A key's failures as stored. */
export interface FailureCount {
  failures: number;
  firstFailureAt: number;
  lastFailureAt: number;
}

/** The failures that still count at `now`: none once the window has passed since the last. */
export function currentFailures(count: FailureCount | undefined, rule: ThrottleRule, now: number): number {
  if (!count) return 0;
  return now - count.lastFailureAt < rule.windowMs ? count.failures : 0;
}

/** The wait that `failures` failures impose after the last of them. */
export function delayAfter(failures: number, rule: ThrottleRule): number {
  if (failures < rule.freeFailures) return 0;
  const doublings = failures - rule.freeFailures;
  // 2^31 ms is 24 days: past that the ceiling applies anyway, and the power stays finite.
  if (doublings > 30) return rule.maxDelayMs;
  return Math.min(rule.maxDelayMs, rule.firstDelayMs * 2 ** doublings);
}

/** Milliseconds before the key may try again, 0 when it may now. */
export function waitMs(count: FailureCount | undefined, rule: ThrottleRule, now: number): number {
  const failures = currentFailures(count, rule, now);
  if (failures === 0 || !count) return 0;
  return Math.max(0, count.lastFailureAt + delayAfter(failures, rule) - now);
}

/** The count after one more failure at `now` (a count past its window starts again at one). */
export function withFailure(count: FailureCount | undefined, rule: ThrottleRule, now: number): FailureCount {
  const failures = currentFailures(count, rule, now);
  if (failures === 0 || !count) return { failures: 1, firstFailureAt: now, lastFailureAt: now };
  return { failures: failures + 1, firstFailureAt: count.firstFailureAt, lastFailureAt: now };
}

/** Whole minutes, rounded up and at least one: what the messages say. */
export function minutesOf(ms: number): number {
  return Math.max(1, Math.ceil(ms / 60_000));
}

export interface ThrottleRules {
  /** A staff account: slowed progressively, never locked (30 s, 1 min, 2 min... up to 15 min). */
  account: ThrottleRule;
  /**
   * An address: only its failures are slowed (the answer to a wrong code or password is held
   * back); a correct login from it is never refused, since a whole room may share one address.
   */
  address: ThrottleRule;
  /** A candidate code typed in a session: a correct code never fails, so waiting costs only a wrong one. */
  candidateCode: ThrottleRule;
  /** Wrong codes in one session: counted for the proctor to see, never refused nor slowed. */
  session: ThrottleRule;
  /** The longest an answer to a failure is held back, below the server's request timeout. */
  maxHoldMs: number;
}

export const defaultThrottleRules: ThrottleRules = {
  account: { freeFailures: 5, firstDelayMs: 30_000, maxDelayMs: 15 * 60_000, windowMs: 60 * 60_000 },
  address: { freeFailures: 30, firstDelayMs: 250, maxDelayMs: 5_000, windowMs: 10 * 60_000 },
  candidateCode: { freeFailures: 3, firstDelayMs: 60_000, maxDelayMs: 10 * 60_000, windowMs: 30 * 60_000 },
  session: { freeFailures: Number.MAX_SAFE_INTEGER, firstDelayMs: 0, maxDelayMs: 0, windowMs: 60 * 60_000 },
  maxHoldMs: 20_000,
};
