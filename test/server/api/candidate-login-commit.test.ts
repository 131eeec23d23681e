import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, loginCandidate, openSession, type TestApp } from '../../helpers/build-app.js';
import { kioskSocket } from '../proctor/helpers.js';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => {
  await t.close();
});

const sessionsOf = (candidateId: number) =>
  t.app.db.$client.prepare('SELECT created_at AS createdAt, revoked_at AS revokedAt FROM auth_sessions WHERE candidate_id = ? ORDER BY created_at, rowid').all(candidateId) as { createdAt: number; revokedAt: number | null }[];
const loginRows = (candidateId: number) =>
  t.app.db.$client.prepare("SELECT at, detail FROM audit_log WHERE action = 'candidate.logged-in' AND actor_id = ? ORDER BY id").all(candidateId) as { at: number; detail: string }[];
const me = (cookie: string) => t.app.inject({ url: '/api/auth/me', headers: { cookie } });

describe('a candidate login', () => {
  it('ends the earlier login, opens the new one and audits it at one instant', async () => {
    const { session } = await openSession(t.app, 1);
    const c = session.candidates[0]!;
    const first = await loginCandidate(t.app, session.code, c.code, c.workstation);
    const second = await loginCandidate(t.app, session.code, c.code, c.workstation);
    expect((await me(first.cookie)).statusCode).toBe(401);
    expect((await me(second.cookie)).statusCode).toBe(200);
    const [earlier, latest] = sessionsOf(c.id);
    const audited = loginRows(c.id);
    expect(audited).toHaveLength(2);
    expect(earlier!.revokedAt).toBe(latest!.createdAt);
    expect(latest!.revokedAt).toBeNull();
    expect(audited[1]!.at).toBe(latest!.createdAt);
    expect(JSON.parse(audited[1]!.detail)).toEqual({ workstation: c.workstation, address: '127.0.0.1' });
    expect(t.app.audit.verify()).toMatchObject({ ok: true });
  });

  it('changes nothing when its audit row cannot be written: the earlier login and its kiosk go on', async () => {
    const { session } = await openSession(t.app, 1);
    const c = session.candidates[0]!;
    const first = await loginCandidate(t.app, session.code, c.code, c.workstation);
    const kiosk = await kioskSocket(t.app, first.cookie);
    await kiosk.next('clock');
    // The last write of a login fails, as on a full disk.
    t.app.db.$client.exec(`CREATE TEMP TRIGGER refuse_login BEFORE INSERT ON audit_log WHEN NEW.action = 'candidate.logged-in'
      BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`);
    const before = sessionsOf(c.id);
    const refused = await t.app.inject({ method: 'POST', url: '/api/candidate/login', payload: { sessionCode: session.code, candidateCode: c.code, workstation: c.workstation } });
    expect(refused.statusCode).toBe(500);
    expect(refused.headers['set-cookie']).toBeUndefined();
    expect(sessionsOf(c.id)).toEqual(before);
    expect((await me(first.cookie)).statusCode).toBe(200);
    await new Promise((r) => setTimeout(r, 100));
    expect(kiosk.pending().map((m) => m.type)).not.toContain('logged-out');
    expect(kiosk.socket.readyState).toBe(kiosk.socket.OPEN);
  });
});
