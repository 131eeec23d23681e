import { describe, expect, it } from 'vitest';
import { judgeMark } from '../../../server/grading/marking.js';

const stored = { revision: 3, updatedAt: 1_000, mark: { keyPoints: { kp1: 'found', kp2: 'partly' }, interpretation: 'correct', comment: 'ok' } };

describe('the revision rule of marks', () => {
  it('writes a first mark and a newer revision', () => {
    expect(judgeMark(undefined, 1, stored.mark)).toBeNull();
    expect(judgeMark(stored, 4, { ...stored.mark, comment: 'changed' })).toBeNull();
  });

  it('never overwrites with an older revision and names the newer one held', () => {
    expect(judgeMark(stored, 2, { ...stored.mark, comment: 'older' })).toEqual({ outcome: 'stale', revision: 3, updatedAt: 1_000 });
  });

  it('acknowledges the same revision with the same judgements again, whatever the order of their keys', () => {
    const reordered = { comment: 'ok', interpretation: 'correct', keyPoints: { kp2: 'partly', kp1: 'found' } };
    expect(judgeMark(stored, 3, reordered)).toEqual({ outcome: 'duplicate', revision: 3, updatedAt: 1_000 });
  });

  it('keeps the first of two different marks sent with the same revision', () => {
    expect(judgeMark(stored, 3, { ...stored.mark, keyPoints: { kp1: 'missing', kp2: 'partly' } })).toEqual({ outcome: 'conflict', revision: 3, updatedAt: 1_000 });
  });
});
