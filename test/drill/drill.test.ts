import { describe, expect, it } from 'vitest';
import { runDrill, runKillSuite } from './drill.js';

// The quick versions of `npm run drill` (issue 10, item 3), bounded in time: loopback only.

describe('the recovery drill', () => {
  // SKIPPED until the kiosk keeps a second copy (issue 10, item 1, built on another branch): a
  // kiosk forgets an answer once the server acknowledges it, so text acknowledged after the
  // restored backup was taken, on a question the candidate has finished, is sent again by no one.
  // The assertion stays strict: with that change merged, remove `.skip`.
  it.skip('30 kiosks: server killed, data folder deleted, newest backup restored, every character typed is on the server', { timeout: 240_000 }, async () => {
    const result = await runDrill({ kiosks: 30, killWindowMs: [2000, 5000], afterMs: 2000, charsPerQuestion: 20 });
    console.log(`drill: typed ${result.typedChars}, on the server ${result.serverChars}, restart to every kiosk saved ${result.resumeMs} ms, backup ${result.backupAgeMs} ms old`);
    expect(result.integrity).toBe('ok');
    expect(result.differing).toEqual([]);
    expect(result.serverChars).toBe(result.typedChars);
    expect(result.typedChars).toBeGreaterThan(0);
  });
});

describe('the kill suite', () => {
  it('10 SIGKILLs at random moments with 20 typing candidates: every acknowledged save is on the server at its revision, the file intact', { timeout: 600_000 }, async () => {
    const result = await runKillSuite({ kills: 10, candidates: 20 });
    expect(result.integrity).toBe('ok');
    expect(result.ackedSaves).toBeGreaterThan(100);
    expect(result.lost).toEqual([]);
  });
});
