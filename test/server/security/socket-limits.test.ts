// The token bucket and the supervision allowance, exactly: burst, refill, and what is held back.
import { describe, expect, it } from 'vitest';
import { MessageRateLimiter, TokenBucket } from '../../../server/live/socket-limits.js';
import { SupervisionAllowance } from '../../../server/live/supervision-allowance.js';

describe('TokenBucket', () => {
  it('gives the burst at once, then one token per 1/perSecond, never more than the burst', () => {
    const bucket = new TokenBucket({ burst: 3, perSecond: 2 }, 0);
    expect([bucket.take(0), bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([true, true, true, false]);
    expect(bucket.take(499)).toBe(false);
    expect(bucket.take(500)).toBe(true);
    expect(bucket.take(500)).toBe(false);
    // A long pause refills up to the burst only.
    expect([bucket.take(60_000), bucket.take(60_000), bucket.take(60_000), bucket.take(60_000)]).toEqual([true, true, true, false]);
  });

  it('ignores a clock that goes backwards instead of adding tokens', () => {
    const bucket = new TokenBucket({ burst: 1, perSecond: 1 }, 10_000);
    expect(bucket.take(10_000)).toBe(true);
    expect(bucket.take(0)).toBe(false);
  });
});

describe('MessageRateLimiter', () => {
  it('keeps one bucket per message type', () => {
    const limiter = new MessageRateLimiter({ save: { burst: 1, perSecond: 1 }, heartbeat: { burst: 2, perSecond: 1 } });
    expect([limiter.allow('save', 0), limiter.allow('save', 0)]).toEqual([true, false]);
    expect([limiter.allow('heartbeat', 0), limiter.allow('heartbeat', 0), limiter.allow('heartbeat', 0)]).toEqual([true, true, false]);
  });
});

describe('SupervisionAllowance', () => {
  it('admits the burst, then counts per kind, and hands the counts over once held long enough', () => {
    const allowance = new SupervisionAllowance({ burst: 2, perSecond: 1 }, 30_000);
    expect([allowance.admit(1, 7, 'paste', 0), allowance.admit(1, 7, 'paste', 0), allowance.admit(1, 7, 'paste', 0), allowance.admit(1, 7, 'copy', 10)]).toEqual([true, true, false, false]);
    expect(allowance.admit(1, 8, 'paste', 10)).toBe(true); // another candidate has their own burst
    expect(allowance.holding).toBe(true);
    expect(allowance.due(29_999)).toEqual([]);
    expect(allowance.due(30_000)).toEqual([{ sessionId: 1, candidateId: 7, kind: 'paste', count: 1, firstAt: 0, lastAt: 0 }]);
    expect(allowance.due(30_000, true)).toEqual([{ sessionId: 1, candidateId: 7, kind: 'copy', count: 1, firstAt: 10, lastAt: 10 }]);
    expect(allowance.holding).toBe(false);
  });
});
