import { describe, expect, it } from 'vitest';
import { whyNotNow, type CandidateNow } from '../../../server/exam/may-act.js';
import { SAVE_GRACE_MS } from '../../../server/exam/timing.js';

const timing = { startedAt: 0, durationMs: 60_000, pauses: [], extraMs: 0 };
const writing: CandidateNow = { state: 'running', lockedAt: null, submittedAt: null, absentAt: null, timing };

describe('whyNotNow', () => {
  it('lets a candidate who is writing save, submit and be controlled', () => {
    for (const act of ['save', 'submit', 'be-controlled'] as const) expect(whyNotNow(act, writing, 1_000)).toBeNull();
  });

  it('refuses a save before the start, then on a locked workstation, before anything else', () => {
    expect(whyNotNow('save', { ...writing, state: 'waiting', lockedAt: 5 }, 1_000)).toBe('not-started');
    expect(whyNotNow('save', { ...writing, lockedAt: 5, submittedAt: 6 }, 1_000)).toBe('locked');
  });

  it('keeps a save aside after the submission, after the end, and past the deadline and its grace', () => {
    expect(whyNotNow('save', { ...writing, state: 'ended', submittedAt: 6 }, 1_000)).toBe('submitted');
    expect(whyNotNow('save', { ...writing, state: 'ended' }, 1_000)).toBe('ended');
    expect(whyNotNow('save', writing, 60_000 + SAVE_GRACE_MS)).toBeNull();
    expect(whyNotNow('save', writing, 60_000 + SAVE_GRACE_MS + 1)).toBe('late');
  });

  it('takes a save during a pause: the clock is frozen, the keystrokes are kept', () => {
    const paused = { ...writing, state: 'paused' as const, timing: { ...timing, pauses: [{ startedAt: 30_000, endedAt: null }] } };
    expect(whyNotNow('save', paused, 500_000)).toBeNull();
  });

  it('refuses a submission before the start and on a locked workstation, and takes it past the deadline', () => {
    expect(whyNotNow('submit', { ...writing, state: 'waiting' }, 1_000)).toBe('not-started');
    expect(whyNotNow('submit', { ...writing, lockedAt: 5 }, 1_000)).toBe('locked');
    expect(whyNotNow('submit', writing, 10 * 60_000)).toBeNull();
  });

  it('refuses a control on a candidate marked absent or who has submitted', () => {
    expect(whyNotNow('be-controlled', { ...writing, absentAt: 5, submittedAt: 6 }, 1_000)).toBe('absent');
    expect(whyNotNow('be-controlled', { ...writing, submittedAt: 6 }, 1_000)).toBe('submitted');
    expect(whyNotNow('be-controlled', { ...writing, lockedAt: 5 }, 1_000)).toBeNull();
  });
});
