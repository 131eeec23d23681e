import { describe, expect, it } from 'vitest';
import { CommitPacer, FAST_SAVES_PER_S, MIN_COMMIT_PERIOD_MS } from '../../../server/exam/commit-pacing.js';

// The answer writer spaces its commits only while saves come fast; a room saving at an ordinary
// pace (1,000 candidates, a save every 2 s each) never waits.

/**
 * The writer's side, as answer-store.ts feeds it: saves arrive at `perMs` a millisecond for
 * `durationMs`; when a commit is done, every save arrived since the last batch is the next batch,
 * which waits as the pacer asks and commits in `commitMs`. Returns the waits and the clock at the end.
 */
function drive(pacer: CommitPacer, perMs: number, durationMs: number, { from = 0, commitMs = 0.5 } = {}): { waits: number[]; batches: number; end: number } {
  const waits: number[] = [];
  let clock = from;
  let taken = 0;
  let batches = 0;
  const arrived = (t: number) => Math.floor((t - from) * perMs);
  while (clock < from + durationMs) {
    const size = arrived(clock) - taken;
    if (size <= 0) {
      clock = from + (taken + 1) / perMs;
      continue;
    }
    taken += size;
    batches++;
    const wait = pacer.waitBefore(size, clock);
    waits.push(wait);
    clock += wait;
    pacer.started(clock);
    clock += commitMs;
  }
  return { waits, batches, end: clock };
}

describe('CommitPacer', () => {
  it('never waits at 500 saves a second, the 1,000-candidate room', () => {
    const { waits } = drive(new CommitPacer(), 0.5, 4_000);
    expect(waits.every((w) => w === 0)).toBe(true);
  });

  it('waits for the rest of the period once saves arrive faster than the threshold', () => {
    const pacer = new CommitPacer();
    // 4,000 saves a second: the first window (250 ms) commits at once, every 0.5 ms.
    const first = drive(pacer, 4, 250);
    expect(first.waits.every((w) => w === 0)).toBe(true);
    expect(first.batches).toBeGreaterThan(400);
    // Then at most one commit per period, each with the saves of the period.
    const { waits, batches } = drive(pacer, 4, 1_000, { from: first.end });
    expect(waits.filter((w) => w > 0).length).toBeGreaterThan(batches * 0.9);
    expect(Math.max(...waits)).toBeLessThanOrEqual(MIN_COMMIT_PERIOD_MS);
    expect(batches).toBeLessThanOrEqual(1_000 / MIN_COMMIT_PERIOD_MS + 1);
  });

  it('waits only for what is left of the period since the last commit started', () => {
    const pacer = new CommitPacer(4, 1_000);
    const { end } = drive(pacer, 10, 300); // 10,000 saves a second: fast.
    pacer.started(end);
    expect(pacer.waitBefore(10, end + 1)).toBe(3);
    expect(pacer.waitBefore(10, end + 3.5)).toBe(0.5);
  });

  it('does not wait after a commit that took longer than the period (a slow disk)', () => {
    const pacer = new CommitPacer(4, 1_000);
    const { end } = drive(pacer, 10, 300);
    pacer.started(end);
    expect(pacer.waitBefore(10, end + 1)).toBeGreaterThan(0);
    expect(pacer.waitBefore(50, end + 12)).toBe(0);
  });

  it('stops waiting when the rate falls back under the threshold', () => {
    const pacer = new CommitPacer();
    const fast = drive(pacer, 4, 600);
    expect(fast.waits.at(-1)).toBeGreaterThan(0);
    // Then a save every 2 ms, 500 a second: paced until the window ends (the rate is not known
    // before), then at once.
    const { waits } = drive(pacer, 0.5, 1_000, { from: fast.end });
    expect(waits.slice(0, 5).every((w) => w > 0)).toBe(true);
    expect(waits.slice(200).every((w) => w === 0)).toBe(true);
    expect(FAST_SAVES_PER_S).toBeGreaterThan(500);
  });
});
