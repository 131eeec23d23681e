// The pause rules that protect a candidate's time (issue 17): each test is one sentence of the rule,
// and each would fail if server/exam/timing.ts counted a pause wrongly by even one millisecond.
import { describe, expect, it } from 'vitest';
import { classifySave, deadlineAt, isPaused, pausedMs, SAVE_GRACE_MS, timeLeftMs, type CandidateTiming, type PauseInterval } from '../../../server/exam/timing.js';

const MIN = 60_000;
const T0 = 1_800_000_000_000;
const at = (minutes: number) => T0 + minutes * MIN;
const pause = (from: number, to: number | null): PauseInterval => ({ startedAt: at(from), endedAt: to === null ? null : at(to) });

function timing(over: Partial<CandidateTiming> = {}): CandidateTiming {
  return { startedAt: T0, durationMs: 30 * MIN, pauses: [], extraMs: 0, ...over };
}

describe('paused time', () => {
  it('counts a candidate pause inside a room pause once, in full', () => {
    // Room 10..30, candidate 15..20: paused 20 minutes, not 15 nor 25.
    expect(pausedMs([pause(10, 30), pause(15, 20)], at(40))).toBe(20 * MIN);
    expect(pausedMs([pause(15, 20), pause(10, 30)], at(40))).toBe(20 * MIN);
  });

  it('counts a room pause inside a candidate pause once, and the later pause after it too', () => {
    expect(pausedMs([pause(10, 30), pause(12, 14), pause(35, 36)], at(40))).toBe(21 * MIN);
  });

  it('reads pauses in any order (the database returns them unordered)', () => {
    const inOrder = [pause(2, 4), pause(3, 6), pause(10, 11), pause(20, 25)];
    const shuffled = [inOrder[3]!, inOrder[0]!, inOrder[2]!, inOrder[1]!];
    expect(pausedMs(shuffled, at(60))).toBe(10 * MIN);
    expect(pausedMs([...inOrder].reverse(), at(60))).toBe(10 * MIN);
  });

  it('counts two pauses that touch end to start as one stretch with no gap and no double count', () => {
    expect(pausedMs([pause(10, 15), pause(15, 20)], at(30))).toBe(10 * MIN);
  });

  it('counts a running pause up to now only, and nothing of a pause that starts later', () => {
    expect(pausedMs([pause(10, null)], at(13))).toBe(3 * MIN);
    expect(pausedMs([pause(10, 20)], at(5))).toBe(0);
    expect(pausedMs([pause(10, 20)], at(10))).toBe(0);
    expect(pausedMs([pause(10, 20), pause(30, null)], at(25))).toBe(10 * MIN);
  });

  it('counts a pause that ended after now only up to now', () => {
    expect(pausedMs([pause(10, 20)], at(12))).toBe(2 * MIN);
  });

  it('counts nothing when there is no pause', () => {
    expect(pausedMs([], at(60))).toBe(0);
  });

  it('ignores a pause of no length between two real ones', () => {
    expect(pausedMs([pause(5, 6), pause(8, 8), pause(9, 10)], at(20))).toBe(2 * MIN);
  });

  it('counts a single pause of one millisecond', () => {
    expect(pausedMs([{ startedAt: at(5), endedAt: at(5) + 1 }], at(20))).toBe(1);
  });
});

describe('is the candidate paused', () => {
  it('is paused from the exact instant a pause starts, and no longer at the instant it ends', () => {
    const pauses = [pause(10, 20)];
    expect(isPaused(pauses, at(10) - 1)).toBe(false);
    expect(isPaused(pauses, at(10))).toBe(true);
    expect(isPaused(pauses, at(20) - 1)).toBe(true);
    expect(isPaused(pauses, at(20))).toBe(false);
  });

  it('is paused when any one of several pauses covers now, and not in the gaps between them', () => {
    const pauses = [pause(30, null), pause(10, 12), pause(20, 22)];
    expect(isPaused(pauses, at(5))).toBe(false);
    expect(isPaused(pauses, at(11))).toBe(true);
    expect(isPaused(pauses, at(15))).toBe(false);
    expect(isPaused(pauses, at(21))).toBe(true);
    expect(isPaused(pauses, at(25))).toBe(false);
    expect(isPaused(pauses, at(31))).toBe(true);
  });

  it('is not paused with no pause at all', () => {
    expect(isPaused([], at(5))).toBe(false);
  });
});

describe('deadline and time left', () => {
  it('gives back the whole paused time after a candidate pause inside a room pause', () => {
    const t = timing({ pauses: [pause(10, 30), pause(15, 20)] });
    expect(deadlineAt(t, at(31))).toBe(at(50));
    expect(timeLeftMs(t, at(31))).toBe(19 * MIN);
  });

  it('shows no time left past the deadline, never a negative time', () => {
    expect(timeLeftMs(timing(), at(45))).toBe(0);
    expect(timeLeftMs(timing(), at(30))).toBe(0);
    expect(timeLeftMs(timing(), at(30) - 1)).toBe(1);
  });

  it('shows the full time with extras before the start, whatever the pauses', () => {
    expect(timeLeftMs(timing({ startedAt: null, extraMs: 5 * MIN, pauses: [pause(-10, null)] }), at(0))).toBe(35 * MIN);
  });
});

describe('saves near the deadline', () => {
  it('counts every save before the start as on time', () => {
    expect(classifySave(timing({ startedAt: null }), at(500))).toBe('on-time');
  });

  it('moves the grace window with the pauses and the extra time', () => {
    const t = timing({ extraMs: 2 * MIN, pauses: [pause(10, 13)] });
    const deadline = at(35);
    expect(classifySave(t, deadline)).toBe('on-time');
    expect(classifySave(t, deadline + 1)).toBe('in-grace');
    expect(classifySave(t, deadline + SAVE_GRACE_MS)).toBe('in-grace');
    expect(classifySave(t, deadline + SAVE_GRACE_MS + 1)).toBe('late');
  });

  it('keeps a grace of ten seconds', () => {
    expect(SAVE_GRACE_MS).toBe(10_000);
  });
});
