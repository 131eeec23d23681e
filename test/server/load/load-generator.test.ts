import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSteady, runStorm } from '../../load/scenarios.js';
import { countLost } from '../../load/targets.js';

// The load generator and the ceiling on a small load over real sockets on 127.0.0.1: every
// save is acknowledged and found in the database afterwards. The figures are the benchmark's
// business (npm run bench), not this test's.

describe('load generator', () => {
  it('drives Lectern: 20 kiosks and a dashboard, every save acknowledged and none lost', async () => {
    const r = await runSteady('lectern', { mode: 'tsx', agents: 2, candidates: 20, dashboards: 1, intervalMs: [300, 600], warmupS: 1, measureS: 3 });
    expect(r.ack.count).toBeGreaterThan(50);
    expect(r.errors, JSON.stringify(r.errorKinds)).toBe(0);
    expect(r.unacked).toBe(0);
    expect(r.lostChecked).toBeGreaterThan(20);
    expect(r.lost).toBe(0);
    expect(r.loopLag).not.toBeNull();
    expect(r.rssMb).toBeGreaterThan(0);
    // Where the staff live view exists, the dashboard saw the saves.
    if (r.dashboardsConnected > 0) expect(r.event.count).toBeGreaterThan(0);
  }, 90_000);

  it('starts a room: each kiosk that logged in during the storm opens its sealed paper at the start, measured from the start request', async () => {
    const r = await runStorm({ mode: 'tsx', agents: 1, typing: 5, logins: 10, spreadS: 1, afterStartS: 2, intervalMs: [300, 600] });
    expect(r.errors, JSON.stringify(r.errorKinds)).toBe(0);
    expect(r.login.count).toBe(10);
    expect(r.attemptAfterStart.count).toBe(10);
    // Each kiosk measured from its own session's start request (no 'paper-fetched-at-start' error above).
    expect(r.examShownFromStart.count).toBe(10);
    expect(r.examShownFromStart.p50).toBeGreaterThan(0);
    expect(r.lost).toBe(0);
  }, 90_000);

  it('drives the ceiling server the same way', async () => {
    const r = await runSteady('ceiling', { mode: 'tsx', agents: 1, candidates: 20, intervalMs: [300, 600], warmupS: 1, measureS: 3 });
    expect(r.ack.count).toBeGreaterThan(50);
    expect(r.errors, JSON.stringify(r.errorKinds)).toBe(0);
    expect(r.unacked).toBe(0);
    expect(r.lostChecked).toBeGreaterThan(20);
    expect(r.lost).toBe(0);
  }, 60_000);
});

describe('countLost', () => {
  it('counts an acknowledged revision the database does not hold as lost', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lectern-lost-'));
    try {
      const file = join(dir, 'answers.sqlite');
      const db = new Database(file);
      db.exec('CREATE TABLE answers (candidate_id INTEGER, question_id TEXT, revision INTEGER)');
      db.prepare('INSERT INTO answers VALUES (?, ?, ?)').run(1, 'q1', 5);
      db.prepare('INSERT INTO answers VALUES (?, ?, ?)').run(2, 'q1', 3);
      db.close();
      // (1, q1, 4): held at a later revision; (2, q1, 4): only 3 stored; (3, q2, 1): missing.
      const report = countLost(file, ['q1', 'q2'], Int32Array.from([1, 0, 4, 2, 0, 4, 3, 1, 1]));
      expect(report.checked).toBe(3);
      expect(report.lost).toBe(2);
      expect(report.examples.map((e) => e.candidateId)).toEqual([2, 3]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
