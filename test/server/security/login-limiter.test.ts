// The arithmetic of the login throttles, exactly: these tests are what a mutation run of
// login-limiter.ts is measured against, so each boundary is checked on both sides.
import { describe, expect, it } from 'vitest';
import { currentFailures, defaultThrottleRules, delayAfter, minutesOf, waitMs, withFailure, type FailureCount, type ThrottleRule } from '../../../server/auth/login-limiter.js';

const rule: ThrottleRule = { freeFailures: 3, firstDelayMs: 1_000, maxDelayMs: 10_000, windowMs: 60_000 };

/** `n` failures, the last at `last`. */
const count = (n: number, last: number, first = last - 1): FailureCount => ({ failures: n, firstFailureAt: first, lastFailureAt: last });

describe('the window', () => {
  it('counts failures until a whole window has passed since the last one, then forgets them', () => {
    expect(currentFailures(count(4, 100_000), rule, 100_000)).toBe(4);
    expect(currentFailures(count(4, 100_000), rule, 159_999)).toBe(4);
    expect(currentFailures(count(4, 100_000), rule, 160_000)).toBe(0);
    expect(currentFailures(undefined, rule, 100_000)).toBe(0);
  });

  it('starts a count again at one after the window, with a new first failure', () => {
    expect(withFailure(count(7, 100_000, 50_000), rule, 160_000)).toEqual({ failures: 1, firstFailureAt: 160_000, lastFailureAt: 160_000 });
    expect(withFailure(count(7, 100_000, 50_000), rule, 159_999)).toEqual({ failures: 8, firstFailureAt: 50_000, lastFailureAt: 159_999 });
    expect(withFailure(undefined, rule, 5)).toEqual({ failures: 1, firstFailureAt: 5, lastFailureAt: 5 });
  });

  it('lets the key try at once when its failures have expired, however many there were', () => {
    expect(waitMs(count(50, 100_000), rule, 160_000)).toBe(0);
    expect(waitMs(count(50, 100_000), rule, 159_999)).toBe(0); // the longest wait (10 s) has passed
    expect(waitMs(count(50, 100_000), rule, 109_999)).toBe(1);
  });
});

describe('progressive delays', () => {
  it('costs nothing for the free failures, then the first delay, doubling with each further failure', () => {
    expect([0, 1, 2].map((n) => delayAfter(n, rule))).toEqual([0, 0, 0]);
    expect([3, 4, 5, 6].map((n) => delayAfter(n, rule))).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it('never waits longer than the ceiling, even after a huge number of failures', () => {
    expect(delayAfter(7, rule)).toBe(10_000);
    expect(delayAfter(33, rule)).toBe(10_000);
    expect(delayAfter(34, rule)).toBe(10_000);
    expect(delayAfter(10_000, rule)).toBe(10_000);
    expect(Number.isFinite(delayAfter(Number.MAX_SAFE_INTEGER, rule))).toBe(true);
  });

  it('counts the wait from the last failure, to the millisecond', () => {
    expect(waitMs(count(2, 100_000), rule, 100_000)).toBe(0);
    expect(waitMs(count(3, 100_000), rule, 100_000)).toBe(1_000);
    expect(waitMs(count(3, 100_000), rule, 100_400)).toBe(600);
    expect(waitMs(count(3, 100_000), rule, 101_000)).toBe(0);
    expect(waitMs(count(4, 100_000), rule, 100_500)).toBe(1_500);
    expect(waitMs(count(9, 100_000), rule, 100_000)).toBe(10_000);
  });

  it('grows the staff account wait 30 s, 1, 2, 4, 8 min, then stays at 15 min: slower, never locked', () => {
    const staff = defaultThrottleRules.account;
    expect([4, 5, 6, 7, 8, 9, 10, 11, 40].map((n) => delayAfter(n, staff))).toEqual([0, 30_000, 60_000, 120_000, 240_000, 480_000, 900_000, 900_000, 900_000]);
    expect(waitMs(count(40, 0), staff, 900_000)).toBe(0);
  });
});

describe('a success', () => {
  it('clears the count (the service deletes the row): nothing stored is nothing to wait for', () => {
    expect(waitMs(undefined, rule, 0)).toBe(0);
    expect(currentFailures(undefined, rule, 0)).toBe(0);
  });
});

describe('minutes in the messages', () => {
  it('rounds up to whole minutes, at least one', () => {
    expect(minutesOf(1)).toBe(1);
    expect(minutesOf(60_000)).toBe(1);
    expect(minutesOf(60_001)).toBe(2);
    expect(minutesOf(0)).toBe(1);
    expect(minutesOf(15 * 60_000)).toBe(15);
  });
});

describe('rules far from the defaults', () => {
  it('stops doubling after 30 doublings, so the wait stays finite whatever the ceiling', () => {
    const wide: ThrottleRule = { freeFailures: 1, firstDelayMs: 1, maxDelayMs: Number.MAX_SAFE_INTEGER, windowMs: Number.MAX_SAFE_INTEGER };
    expect(delayAfter(1 + 30, wide)).toBe(2 ** 30);
    expect(delayAfter(1 + 31, wide)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('lets a key try at once when its window has passed, even when the rule’s wait is longer than the window', () => {
    const short: ThrottleRule = { freeFailures: 0, firstDelayMs: 10_000, maxDelayMs: 10_000, windowMs: 1_000 };
    expect(waitMs(count(1, 100_000), short, 100_999)).toBe(9_001);
    expect(waitMs(count(1, 100_000), short, 101_000)).toBe(0);
  });
});
