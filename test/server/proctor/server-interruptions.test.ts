import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { buildTestApp, loginCandidate, startSession, type TestApp } from '../../helpers/build-app.js';
import { renderReportPage } from '../../../server/proctor/report-page.js';
import { supervisedRoom } from './helpers.js';

// Issue 13, item 4: a server that stopped without closing (a crash, a power cut) is noticed at the
// next start, from its last heartbeat; every running session records the interruption, with the
// time each writing candidate's clock ran on, and the report prints it as an incident.

const dataDir = mkdtempSync(join(tmpdir(), 'lectern-interrupt-'));
const apps: TestApp[] = [];
afterAll(async () => {
  for (const a of apps) await a.app.close().catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('server interruptions', { timeout: 90_000 }, () => {
  it('records a crash as an incident in the running session, with each writing candidate’s lost time', async () => {
    const first = await buildTestApp({ dataDir });
    apps.push(first);
    const room = await supervisedRoom(first.app, 3);
    await startSession(first.app, room.adminLogin, room.session.id);
    const [a, b] = room.session.candidates;
    await loginCandidate(first.app, room.session.code, a!.code, a!.workstation);
    await loginCandidate(first.app, room.session.code, b!.code, b!.workstation);
    await first.app.close();
    // The crash: the run is left as if it never stopped, its last heartbeat 3 minutes ago.
    const lastBeat = Date.now() - 180_000;
    const file = new Database(join(dataDir, 'lectern.sqlite'));
    file.prepare('UPDATE server_runs SET stopped_at = NULL, last_beat_at = ?').run(lastBeat);
    file.close();

    const second = await buildTestApp({ dataDir });
    apps.push(second);
    const report = second.app.proctor.reports.build(room.session.id);
    expect(report.interruptions).toHaveLength(1);
    const [cut] = report.interruptions;
    expect(cut!.from).toBe(lastBeat);
    expect(cut!.to - lastBeat).toBeGreaterThanOrEqual(180_000);
    expect(cut!.paused).toBe(false);
    // The third candidate never came: still writing in the server's eyes (not absent before the end).
    expect(cut!.candidates.map((c) => c.candidateId).sort()).toEqual(room.session.candidates.map((c) => c.id).sort());
    for (const c of cut!.candidates) expect(c.lostMs).toBe(cut!.to - cut!.from);
    const page = renderReportPage(report, 'fr');
    expect(page).toMatch(/Serveur interrompu de \d\d:\d\d:\d\d à \d\d:\d\d:\d\d \(3(,\d)? min\)/);
    expect(page).toContain('Temps de composition écoulé pendant l’interruption');

    // The candidate panel offers it as incident time.
    const offers = second.app.proctor.lostTime.offers(room.session.id, a!.id, 'fr').periods;
    expect(offers).toHaveLength(1);
    expect(offers[0]).toMatchObject({ kind: 'interrupted', from: lastBeat, to: cut!.to, granted: false });
    expect(offers[0]!.reason).toMatch(/^serveur interrompu de /);

    // A clean stop and start records nothing more.
    await second.app.close();
    const third = await buildTestApp({ dataDir });
    apps.push(third);
    expect(third.app.proctor.reports.build(room.session.id).interruptions).toHaveLength(1);
  });
});
