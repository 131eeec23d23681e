import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, startSession, type TestApp } from '../../helpers/build-app.js';
import { kioskSocket, loginAll, post, supervisedRoom } from './helpers.js';
import type { SessionReport } from '../../../server/proctor/report.js';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => {
  await t.close();
});

/** A session that ran: 3 candidates, one absent, a pause, extra time, an incident, events, a message. */
async function sessionThatRan() {
  const room = await supervisedRoom(t.app, 3);
  const sid = room.session.id;
  const [c1, c2, c3] = room.session.candidates;
  const logins = await loginAll(t.app, { session: { code: room.session.code, candidates: [c1!, c2!] } });
  await post(t.app, room.proctorLogin, `/api/sessions/${sid}/candidates/${c1!.id}/extra-time`, { minutes: 10, kind: 'accommodation', reason: 'Tiers-temps' });
  await post(t.app, room.proctorLogin, `/api/sessions/${sid}/candidates/${c3!.id}/absent`);
  await startSession(t.app, room.adminLogin, sid);
  const kiosk = await kioskSocket(t.app, logins[0]!.cookie);
  await kiosk.next('clock');
  const q = t.app.packs.questions('devops-title-qp')[0]!.question.id;
  kiosk.send({ type: 'save', questionId: q, revision: 1, text: 'Seven words are written in this answer.' });
  await kiosk.next('saved');
  kiosk.send({ type: 'supervision', kind: 'focus-lost' });
  kiosk.send({ type: 'supervision', kind: 'focus-back', detail: { awayMs: 12_000 } });
  kiosk.send({ type: 'supervision', kind: 'paste', detail: { length: 80, source: 'outside' } });
  kiosk.send({ type: 'supervision', kind: 'paste', detail: { length: 20, source: 'document' } });
  kiosk.send({ type: 'supervision', kind: 'blocked-shortcut', detail: { shortcut: 'Ctrl+P' } });
  // Queued by the kiosk while it was offline: dated when it happened, its arrival kept.
  kiosk.send({ type: 'supervision', kind: 'copy', detail: { queuedMs: 1500 } });
  await new Promise((r) => setTimeout(r, 100));
  await post(t.app, room.proctorLogin, `/api/sessions/${sid}/pause`);
  await post(t.app, room.proctorLogin, `/api/sessions/${sid}/resume`);
  await post(t.app, room.proctorLogin, `/api/sessions/${sid}/candidates/${c2!.id}/extra-time`, { minutes: 3, kind: 'incident', reason: 'Écran figé; redémarré' });
  await post(t.app, room.proctorLogin, `/api/sessions/${sid}/incidents`, { text: '=HYPERLINK("http://x") "quoted"; second line\nthird', candidateId: c2!.id });
  await post(t.app, room.proctorLogin, `/api/sessions/${sid}/messages`, { text: 'Cinq minutes.' });
  kiosk.send({ type: 'acknowledge-message', messageId: 1 });
  await new Promise((r) => setTimeout(r, 100));
  await post(t.app, room.proctorLogin, `/api/sessions/${sid}/end`);
  return { room, sid, c1: c1!, c2: c2!, c3: c3! };
}

describe('the session report (procès-verbal)', () => {
  it('holds the session, proctors, times, attendance, extra time, incidents, supervision summary and the audit digest at closing', async () => {
    const { room, sid, c1, c2, c3 } = await sessionThatRan();
    const response = await t.app.inject({ method: 'GET', url: `/api/sessions/${sid}/report`, headers: room.proctorLogin.headers });
    expect(response.statusCode).toBe(200);
    const r = response.json<SessionReport>();
    expect(r.session).toMatchObject({ code: room.session.code, room: 'B12', state: 'ended', packId: 'devops-title-qp' });
    expect(r.session.startedAt).not.toBeNull();
    expect(r.session.endedAt).not.toBeNull();
    expect(r.proctors).toEqual([{ name: `proctor ${room.proctor.username}`, username: room.proctor.username }]);
    expect(r.pauses).toHaveLength(1);
    expect(r.pauses[0]).toMatchObject({ candidateId: null });
    expect(r.pauses[0]!.endedAt).not.toBeNull();
    expect(r.totals).toMatchObject({ candidates: 3, present: 2, absent: 1 });
    const byId = new Map(r.candidates.map((c) => [c.candidateId, c]));
    expect(byId.get(c1.id)).toMatchObject({ present: true, answered: 1, words: 7, extraMs: 600_000, focusAwayMs: 12_000, pastes: { document: 1, ownAnswer: 0, outside: 1, outsideChars: 80 } });
    expect(byId.get(c1.id)!.events).toMatchObject({ 'focus-lost': 1, 'blocked-shortcut': 1 });
    expect(byId.get(c3.id)).toMatchObject({ present: false });
    expect(byId.get(c3.id)!.absentMarkedAt).not.toBeNull();
    expect(r.extensions.map((e) => [e.candidateId, e.kind, e.reason])).toEqual([
      [c1.id, 'accommodation', 'Tiers-temps'],
      [c2.id, 'incident', 'Écran figé; redémarré'],
    ]);
    expect(r.incidents).toHaveLength(1);
    expect(r.messages[0]).toMatchObject({ text: 'Cinq minutes.', acknowledged: 1, recipients: 2 });
    const closing = t.app.db.$client.prepare("SELECT hash FROM audit_log WHERE session_id = ? AND action = 'session.ended'").get(sid) as { hash: string };
    expect(r.audit).toMatchObject({ closingDigest: closing.hash, intact: true });
    expect(r.actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['candidate.extra-time', 'candidate.marked-absent', 'session.started', 'session.paused', 'session.resumed', 'incident.recorded', 'message.sent', 'session.ended']),
    );
  });

  it('prints as a French or English page with an external stylesheet and no inline script or style', async () => {
    const { room, sid } = await sessionThatRan();
    for (const [lang, title] of [
      ['fr', 'Procès-verbal de session'],
      ['en', 'Session report'],
    ] as const) {
      const response = await t.app.inject({ method: 'GET', url: `/proctor/sessions/${sid}/report?lang=${lang}`, headers: room.proctorLogin.headers });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/text\/html/);
      expect(response.headers['content-security-policy']).toMatch(/script-src 'self'/);
      const page = response.body;
      expect(page).toContain(`<html lang="${lang}"`);
      expect(page).toContain(title);
      expect(page).toContain('<link rel="stylesheet" href="/proctor/assets/print.css">');
      expect(page).not.toMatch(/<script(?![^>]*\bsrc=)/);
      expect(page).not.toMatch(/\sstyle=/);
      // Free text is escaped, never markup.
      expect(page).toContain('=HYPERLINK(&quot;http://x&quot;)');
      // The head, whole, as the command that checks a database or a backup against it (issue 10).
      expect(page).toMatch(/npm run audit:verify -- --head [0-9a-f]{64}</);
    }
    const css = await t.app.inject({ method: 'GET', url: '/proctor/assets/print.css' });
    expect(css.headers['content-type']).toMatch(/text\/css/);
    expect(css.body).toContain('@media print');
  });

  it('exports CSV with a byte-order mark, ";" separators and formulas made inert', async () => {
    const { room, sid } = await sessionThatRan();
    const candidates = await t.app.inject({ method: 'GET', url: `/api/sessions/${sid}/report.csv?lang=fr`, headers: room.proctorLogin.headers });
    expect(candidates.statusCode).toBe(200);
    expect(candidates.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(candidates.headers['content-disposition']).toMatch(/attachment; filename="lectern-.*-report\.csv"/);
    const raw = candidates.rawPayload;
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = candidates.body.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(4);
    expect(lines[0]!.split(';').slice(0, 5)).toEqual(['Session', 'Salle', 'Poste', 'Code candidat', 'Présence']);
    expect(lines[1]!.split(';')[4]).toBe('Présent');
    expect(lines[3]!.split(';')[4]).toBe('Absent');

    const english = await t.app.inject({ method: 'GET', url: `/api/sessions/${sid}/report.csv?lang=en`, headers: room.proctorLogin.headers });
    expect(english.body.replace(/^\uFEFF/, '').split('\r\n')[0]!.startsWith('Session;Room;Workstation;Candidate code;Attendance')).toBe(true);

    const incidents = await t.app.inject({ method: 'GET', url: `/api/sessions/${sid}/incidents.csv`, headers: room.proctorLogin.headers });
    expect(incidents.body).toContain(`"'=HYPERLINK(""http://x"") ""quoted""; second line\nthird"`);

    const events = await t.app.inject({ method: 'GET', url: `/api/sessions/${sid}/events.csv?lang=en`, headers: room.proctorLogin.headers });
    expect(events.body).toContain('Blocked shortcut;shortcut=Ctrl+P');
    expect(events.body).toMatch(/queuedMs=1500, receivedAt=\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
    expect(events.body).toContain('Exam ended');
  });
});

describe('login slips', () => {
  it('print one slip per candidate with the session code, candidate code, workstation and the kiosk URL as a QR code', async () => {
    const room = await supervisedRoom(t.app, 4);
    const response = await t.app.inject({ method: 'GET', url: `/proctor/sessions/${room.session.id}/slips?lang=fr`, headers: { ...room.proctorLogin.headers, host: 'lectern.lan:8080' } });
    expect(response.statusCode).toBe(200);
    const page = response.body;
    expect(page.match(/<article class="slip">/g)).toHaveLength(4);
    for (const c of room.session.candidates) {
      expect(page).toContain(c.code);
      expect(page).toContain(c.workstation);
    }
    expect(page.split(room.session.code).length - 1).toBeGreaterThanOrEqual(4);
    // Each slip's address names its workstation (issue 13, item 4).
    for (const c of room.session.candidates) expect(page).toContain(`<code>http://lectern.lan:8080/?workstation=${encodeURIComponent(c.workstation)}</code>`);
    const qr = /<img src="data:image\/svg\+xml;base64,([^"]+)"/.exec(page);
    expect(qr).not.toBeNull();
    expect(Buffer.from(qr![1]!, 'base64').toString()).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(page).not.toMatch(/\sstyle=/);
    const english = await t.app.inject({ method: 'GET', url: `/proctor/sessions/${room.session.id}/slips?lang=en`, headers: room.proctorLogin.headers });
    expect(english.body).toContain('Candidate code');
  });

  it('are refused to candidates', async () => {
    const room = await supervisedRoom(t.app, 1);
    const [login] = await loginAll(t.app, room);
    expect((await t.app.inject({ method: 'GET', url: `/proctor/sessions/${room.session.id}/slips`, headers: login!.headers })).statusCode).toBe(403);
  });
});
