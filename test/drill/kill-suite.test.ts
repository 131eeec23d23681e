import { describe, expect, it } from 'vitest';
import { runKillSuite } from './drill.js';

// The quick kill suite of `npm run drill -- --kills 200` (issue 10, Tests), bounded in time: loopback only.
// A file of its own so that it runs beside the recovery drill rather than after it.

describe('the kill suite', () => {
  it('10 SIGKILLs at random moments with 20 typing candidates: every acknowledged save is on the server at its revision, the file intact; a restore onto the running server refused', { timeout: 600_000 }, async () => {
    const result = await runKillSuite({ kills: 10, candidates: 20 });
    expect(result.restoreRefusedWhileRunning).toBe(true);
    expect(result.integrity).toBe('ok');
    expect(result.ackedSaves).toBeGreaterThan(100);
    expect(result.lost).toEqual([]);
  });
});
