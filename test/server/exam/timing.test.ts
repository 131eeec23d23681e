import { describe, expect, it } from 'vitest';
import { classifySave, deadlineAt, isPaused, pausedMs, SAVE_GRACE_MS, timeLeftMs, type CandidateTiming } from '../../../server/exam/timing.js';

const MIN = 60_000;
const T0 = 1_800_000_000_000;

function timing(over: Partial<CandidateTiming> = {}): CandidateTiming {
  return { startedAt: T0, durationMs: 30 * MIN, pauses: [], extraMs: 0, ...over };
}

describe('timing rules', () => {
  it('has no deadline before the start and shows the full time with extras', () => {
    const t = timing({ startedAt: null, extraMs: 10 * MIN });
    expect(deadlineAt(t, T0)).toBeNull();
    expect(timeLeftMs(t, T0)).toBe(40 * MIN);
  });

  it('puts the deadline at start + duration', () => {
    expect(deadlineAt(timing(), T0 + 5 * MIN)).toBe(T0 + 30 * MIN);
    expect(timeLeftMs(timing(), T0 + 5 * MIN)).toBe(25 * MIN);
  });

  it('adds extra time to that candidate only', () => {
    expect(deadlineAt(timing({ extraMs: 10 * MIN }), T0)).toBe(T0 + 40 * MIN);
  });

  it('freezes the time left during a pause and moves the deadline by its length afterwards', () => {
    const open = timing({ pauses: [{ startedAt: T0 + 10 * MIN, endedAt: null }] });
    expect(timeLeftMs(open, T0 + 10 * MIN)).toBe(20 * MIN);
    expect(timeLeftMs(open, T0 + 17 * MIN)).toBe(20 * MIN);
    expect(isPaused(open.pauses, T0 + 17 * MIN)).toBe(true);
    const closed = timing({ pauses: [{ startedAt: T0 + 10 * MIN, endedAt: T0 + 17 * MIN }] });
    expect(deadlineAt(closed, T0 + 20 * MIN)).toBe(T0 + 37 * MIN);
    expect(isPaused(closed.pauses, T0 + 20 * MIN)).toBe(false);
  });

  it('counts overlapping room and candidate pauses once', () => {
    // Room pause 10..20, candidate pause 15..25 -> paused 10..25 = 15 minutes, not 20.
    const pauses = [
      { startedAt: T0 + 10 * MIN, endedAt: T0 + 20 * MIN },
      { startedAt: T0 + 15 * MIN, endedAt: T0 + 25 * MIN },
      { startedAt: T0 + 40 * MIN, endedAt: T0 + 41 * MIN },
    ];
    expect(pausedMs(pauses, T0 + 60 * MIN)).toBe(16 * MIN);
    expect(pausedMs(pauses, T0 + 12 * MIN)).toBe(2 * MIN);
  });

  it('combines start, pauses and extra time into one deadline', () => {
    const t = timing({ extraMs: 10 * MIN, pauses: [{ startedAt: T0 + 5 * MIN, endedAt: T0 + 8 * MIN }] });
    expect(deadlineAt(t, T0 + 20 * MIN)).toBe(T0 + 43 * MIN);
  });

  it('accepts saves up to the deadline, keeps those in the grace, and calls later ones late', () => {
    const t = timing();
    const deadline = T0 + 30 * MIN;
    expect(classifySave(t, deadline)).toBe('on-time');
    expect(classifySave(t, deadline + 1)).toBe('in-grace');
    expect(classifySave(t, deadline + SAVE_GRACE_MS)).toBe('in-grace');
    expect(classifySave(t, deadline + SAVE_GRACE_MS + 1)).toBe('late');
  });

  it('does not call a save late while the candidate is paused past the original deadline', () => {
    const t = timing({ pauses: [{ startedAt: T0 + 29 * MIN, endedAt: null }] });
    expect(classifySave(t, T0 + 45 * MIN)).toBe('on-time');
  });
});
