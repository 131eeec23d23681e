import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, createStaff, loginCandidate, loginStaff, startSession, type TestApp } from '../../helpers/build-app.js';
import { kioskSocket, loginAll, post, staffSocket, supervisedRoom } from './helpers.js';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => {
  await t.close();
});

type Room = Awaited<ReturnType<typeof supervisedRoom>>;

/** A running session whose candidates are logged in, with their kiosk sockets open. */
async function runningRoom(count = 2) {
  const room = await supervisedRoom(t.app, count);
  const logins = await loginAll(t.app, room);
  await startSession(t.app, room.adminLogin, room.session.id);
  const kiosks = [];
  for (const login of logins) {
    const kiosk = await kioskSocket(t.app, login.cookie);
    await kiosk.next('clock');
    kiosks.push(kiosk);
  }
  return { ...room, logins, kiosks };
}

const url = (room: Room, candidateIndex: number, action: string) => `/api/sessions/${room.session.id}/candidates/${room.session.candidates[candidateIndex]!.id}/${action}`;
const cid = (room: Room, i: number) => room.session.candidates[i]!.id;

function auditRows(sessionId: number, action: string) {
  return t.app.db.$client.prepare('SELECT actor_kind AS actorKind, actor_id AS actorId, at, detail FROM audit_log WHERE session_id = ? AND action = ? ORDER BY id').all(sessionId, action) as {
    actorKind: string;
    actorId: number;
    at: number;
    detail: string;
  }[];
}

const count = (table: string) => (t.app.db.$client.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('pause and resume one candidate', () => {
  it('freezes that candidate’s clock only, then restores it, each step audited with who and when', async () => {
    const room = await runningRoom(2);
    const before = Date.now();
    const paused = await post(t.app, room.proctorLogin, url(room, 0, 'pause'), { reason: 'Keyboard broken' });
    expect(paused.statusCode).toBe(200);
    const clock = (await room.kiosks[0]!.next('clock')).clock;
    expect(clock.paused).toBe(true);
    expect(room.kiosks[1]!.pending().filter((m) => m.type === 'clock')).toEqual([]);
    expect(t.app.exam.clockView(t.app.exam.session(room.session.id)!, cid(room, 1)).paused).toBe(false);
    const [row] = auditRows(room.session.id, 'candidate.paused');
    expect(row).toMatchObject({ actorKind: 'account', actorId: room.proctor.id });
    expect(row!.at).toBeGreaterThanOrEqual(before);
    expect(JSON.parse(row!.detail)).toEqual({ candidateId: cid(room, 0), reason: 'Keyboard broken' });

    const again = await post(t.app, room.proctorLogin, url(room, 0, 'pause'));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('already-paused');

    await new Promise((r) => setTimeout(r, 300));
    expect((await post(t.app, room.proctorLogin, url(room, 0, 'resume'))).statusCode).toBe(200);
    const resumed = (await room.kiosks[0]!.next('clock')).clock;
    expect(resumed.paused).toBe(false);
    // The paused time is given back: the deadline moved by the length of the pause.
    expect(resumed.deadlineAt! - clock.deadlineAt!).toBeGreaterThanOrEqual(250);
    expect(auditRows(room.session.id, 'candidate.resumed')).toHaveLength(1);
    expect((await post(t.app, room.proctorLogin, url(room, 0, 'resume'))).json().error.code).toBe('not-paused');
  });

  it('refuses to pause a candidate before the start', async () => {
    const room = await supervisedRoom(t.app, 1);
    const response = await post(t.app, room.proctorLogin, url(room, 0, 'pause'));
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toMatch(/while the session runs/);
  });
});

describe('extra time', () => {
  it('moves one candidate’s deadline by exactly the extension, and nobody else’s', async () => {
    const room = await runningRoom(2);
    const session = () => t.app.exam.session(room.session.id)!;
    const otherBefore = t.app.exam.clockView(session(), cid(room, 1)).deadlineAt;
    const before = t.app.exam.clockView(session(), cid(room, 0)).deadlineAt!;
    const response = await post(t.app, room.proctorLogin, url(room, 0, 'extra-time'), { minutes: 10, kind: 'accommodation', reason: 'One third more time' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ ok: true, durationMs: 600_000, totalExtraMs: 600_000, deadlineAt: before + 600_000 });
    const clock = (await room.kiosks[0]!.next('clock')).clock;
    expect(clock.deadlineAt).toBe(before + 600_000);
    expect(clock.extraMs).toBe(600_000);
    expect(t.app.exam.clockView(session(), cid(room, 1)).deadlineAt).toBe(otherBefore);
    expect(room.kiosks[1]!.pending().filter((m) => m.type === 'clock')).toEqual([]);
    expect(JSON.parse(auditRows(room.session.id, 'candidate.extra-time')[0]!.detail)).toMatchObject({ candidateId: cid(room, 0), durationMs: 600_000, kind: 'accommodation' });
  });

  it.each([
    [{ minutes: -5, kind: 'incident', reason: 'x' }, 'bad-duration', /positive/],
    [{ minutes: 0, kind: 'incident', reason: 'x' }, 'bad-duration', /positive/],
    [{ minutes: 241, kind: 'incident', reason: 'x' }, 'bad-duration', /at most 240 minutes/],
    [{ minutes: 1e9, kind: 'accommodation' }, 'bad-duration', /at most 240/],
    [{ minutes: 5, kind: 'incident' }, 'reason-required', /reason/],
    [{ minutes: 5, kind: 'incident', reason: '   ' }, 'reason-required', /reason/],
    [{ minutes: 'ten', kind: 'incident', reason: 'x' }, 'invalid-request', /minutes/],
    [{ minutes: 5, kind: 'bonus', reason: 'x' }, 'invalid-request', /kind/],
    [{ minutes: 5, kind: 'incident', reason: 'x', extra: 1 }, 'invalid-request', /./],
  ])('refuses %j with a clear error and changes nothing', async (body, code, message) => {
    const room = await runningRoom(1);
    const response = await post(t.app, room.proctorLogin, url(room, 0, 'extra-time'), body);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe(code);
    expect(response.json().error.message).toMatch(message);
    expect(count('time_extensions')).toBe(0);
    expect(auditRows(room.session.id, 'candidate.extra-time')).toEqual([]);
  });

  it('refuses an extension that would take the total beyond 240 minutes', async () => {
    const room = await runningRoom(1);
    expect((await post(t.app, room.proctorLogin, url(room, 0, 'extra-time'), { minutes: 200, kind: 'accommodation' })).statusCode).toBe(200);
    const response = await post(t.app, room.proctorLogin, url(room, 0, 'extra-time'), { minutes: 45, kind: 'incident', reason: 'Power cut' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'too-much-extra' });
    expect(count('time_extensions')).toBe(1);
  });
});

describe('moving a candidate to another workstation', () => {
  it('logs the old kiosk out at once and resumes on the new one with every saved answer', async () => {
    const room = await runningRoom(2);
    const questions = t.app.packs.questions('devops-title-qp').map((q) => q.question.id);
    const kiosk = room.kiosks[0]!;
    for (const [i, q] of questions.slice(0, 3).entries()) {
      kiosk.send({ type: 'save', questionId: q, revision: 1, text: `Answer ${i + 1}: the timer runs the unit.` });
      await kiosk.next('saved');
    }
    const closed = new Promise<number>((resolve) => kiosk.socket.once('close', (code) => resolve(code)));
    const response = await post(t.app, room.proctorLogin, url(room, 0, 'move'), { workstation: 'PC-SPARE' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ok: true, from: 'PC-01', to: 'PC-SPARE' });
    expect(await kiosk.next('logged-out')).toMatchObject({ reason: 'moved' });
    expect(await closed).toBe(4001);
    // The old workstation's login is revoked.
    expect((await t.app.inject({ method: 'GET', url: '/api/attempt', headers: { cookie: room.logins[0]!.cookie } })).statusCode).toBe(401);
    const login = await loginCandidate(t.app, room.session.code, room.session.candidates[0]!.code, 'PC-SPARE');
    const attempt = (await t.app.inject({ method: 'GET', url: '/api/attempt', headers: { cookie: login.cookie } })).json();
    expect(attempt.candidate.workstation).toBe('PC-SPARE');
    expect(attempt.answers.map((a: { text: string }) => a.text)).toEqual([1, 2, 3].map((n) => `Answer ${n}: the timer runs the unit.`));
    expect(JSON.parse(auditRows(room.session.id, 'candidate.moved')[0]!.detail)).toEqual({ candidateId: cid(room, 0), from: 'PC-01', to: 'PC-SPARE' });
  });

  it('refuses a workstation already in use, its own workstation, and an empty name, changing nothing', async () => {
    const room = await runningRoom(2);
    const inUse = await post(t.app, room.proctorLogin, url(room, 0, 'move'), { workstation: 'pc-02' });
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().error).toMatchObject({ code: 'workstation-in-use', candidateId: cid(room, 1) });
    expect(inUse.json().error.message).toContain(room.session.candidates[1]!.code);
    expect((await post(t.app, room.proctorLogin, url(room, 0, 'move'), { workstation: 'PC-01' })).json().error.code).toBe('same-workstation');
    expect((await post(t.app, room.proctorLogin, url(room, 0, 'move'), { workstation: '  ' })).json().error.code).toBe('bad-workstation');
    expect(t.app.exam.candidate(cid(room, 0))!.workstation).toBe('PC-01');
    expect(room.kiosks[0]!.socket.readyState).toBe(room.kiosks[0]!.socket.OPEN);
    expect(auditRows(room.session.id, 'candidate.moved')).toEqual([]);
  });
});

describe('locking a workstation', () => {
  it('tells the kiosk, refuses its saves while locked, and unlocks', async () => {
    const room = await runningRoom(1);
    const kiosk = room.kiosks[0]!;
    expect((await post(t.app, room.proctorLogin, url(room, 0, 'lock'))).statusCode).toBe(200);
    expect(await kiosk.next('locked')).toEqual({ type: 'locked', locked: true });
    const questionId = t.app.packs.questions('devops-title-qp')[0]!.question.id;
    kiosk.send({ type: 'save', questionId, revision: 1, text: 'typed while locked' });
    expect((await kiosk.next('save-refused')).reason).toBe('locked');
    expect((await post(t.app, room.proctorLogin, url(room, 0, 'lock'))).json().error.code).toBe('already-locked');
    expect((await post(t.app, room.proctorLogin, url(room, 0, 'unlock'))).statusCode).toBe(200);
    expect(await kiosk.next('locked')).toEqual({ type: 'locked', locked: false });
    expect(auditRows(room.session.id, 'candidate.locked')).toHaveLength(1);
    expect(auditRows(room.session.id, 'candidate.unlocked')).toHaveLength(1);
  });
});

describe('messages', () => {
  it('reaches every kiosk, or one, and the acknowledgement reaches the proctor', async () => {
    const room = await runningRoom(2);
    const dash = await staffSocket(t.app, room.proctorLogin.cookie);
    await dash.subscribe(room.session.id);
    const toAll = await post(t.app, room.proctorLogin, `/api/sessions/${room.session.id}/messages`, { text: 'Ten minutes left: check your answers.' });
    expect(toAll.statusCode).toBe(200);
    expect(toAll.json()).toMatchObject({ candidateId: null, recipients: 2, acknowledgements: [] });
    for (const kiosk of room.kiosks) expect((await kiosk.next('message')).message).toMatchObject({ text: 'Ten minutes left: check your answers.', toAll: true, acknowledgedAt: null });
    const toOne = await post(t.app, room.proctorLogin, `/api/sessions/${room.session.id}/messages`, { text: 'Please sit up straight.', candidateId: cid(room, 1) });
    expect((await room.kiosks[1]!.next('message')).message).toMatchObject({ toAll: false });
    expect(room.kiosks[0]!.pending().filter((m) => m.type === 'message')).toEqual([]);
    expect((await dash.delta('message', (d) => d.message.id === toOne.json().id)).message.recipients).toBe(1);

    room.kiosks[0]!.send({ type: 'acknowledge-message', messageId: toAll.json().id });
    const ack = await dash.delta('message-ack');
    expect(ack).toMatchObject({ messageId: toAll.json().id, candidateId: cid(room, 0) });
    expect((await dash.delta('tile', (d) => d.tile.candidateId === cid(room, 0))).tile.unacknowledged).toBe(0);
    const listed = (await t.app.inject({ method: 'GET', url: `/api/sessions/${room.session.id}/messages`, headers: room.proctorLogin.headers })).json();
    expect(listed[0].acknowledgements).toEqual([{ candidateId: cid(room, 0), at: ack.at }]);
    expect(auditRows(room.session.id, 'message.sent')).toHaveLength(2);
  });

  it('refuses a message over 2,000 characters, saying how long it was, and sends nothing', async () => {
    const room = await runningRoom(1);
    const response = await post(t.app, room.proctorLogin, `/api/sessions/${room.session.id}/messages`, { text: 'é'.repeat(2001) });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'message-too-long' });
    expect(response.json().error.message).toMatch(/at most 2,000 characters.*2,001/);
    expect(count('proctor_messages')).toBe(0);
    expect(room.kiosks[0]!.pending().filter((m) => m.type === 'message')).toEqual([]);
    expect((await post(t.app, room.proctorLogin, `/api/sessions/${room.session.id}/messages`, { text: 'é'.repeat(2000) })).statusCode).toBe(200);
    expect((await post(t.app, room.proctorLogin, `/api/sessions/${room.session.id}/messages`, { text: '  ' })).json().error.code).toBe('empty-message');
  });

  it('refuses a candidate of another session', async () => {
    const room = await runningRoom(1);
    const other = await supervisedRoom(t.app, 1);
    const response = await post(t.app, room.proctorLogin, `/api/sessions/${room.session.id}/messages`, { text: 'Hello', candidateId: other.session.candidates[0]!.id });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('unknown-candidate');
  });
});

describe('marking a candidate absent', () => {
  it('refuses their login afterwards, and can be undone', async () => {
    const room = await supervisedRoom(t.app, 2);
    expect((await post(t.app, room.proctorLogin, url(room, 1, 'absent'))).statusCode).toBe(200);
    const login = await t.app.inject({ method: 'POST', url: '/api/candidate/login', payload: { sessionCode: room.session.code, candidateCode: room.session.candidates[1]!.code } });
    expect(login.statusCode).toBe(403);
    expect(login.json().error.code).toBe('absent');
    expect(auditRows(room.session.id, 'candidate.marked-absent')).toHaveLength(1);
    expect((await post(t.app, room.proctorLogin, url(room, 1, 'absent'), { absent: false })).statusCode).toBe(200);
    await loginCandidate(t.app, room.session.code, room.session.candidates[1]!.code);
  });

  it('refuses to mark absent a candidate who is connected', async () => {
    const room = await runningRoom(1);
    const response = await post(t.app, room.proctorLogin, url(room, 0, 'absent'));
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('connected');
    expect(t.app.exam.candidate(cid(room, 0))!.absentAt).toBeNull();
  });
});

describe('incidents', () => {
  it('records the time, the candidate and the text, and lists them', async () => {
    const room = await runningRoom(1);
    const at = Date.now() - 60_000;
    const response = await post(t.app, room.proctorLogin, `/api/sessions/${room.session.id}/incidents`, { text: 'Fire alarm test for 2 minutes.', candidateId: cid(room, 0), at });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ at, candidateId: cid(room, 0), text: 'Fire alarm test for 2 minutes.', by: expect.stringMatching(/proctor/) });
    const list = (await t.app.inject({ method: 'GET', url: `/api/sessions/${room.session.id}/incidents`, headers: room.proctorLogin.headers })).json();
    expect(list).toHaveLength(1);
    expect(auditRows(room.session.id, 'incident.recorded')).toHaveLength(1);
    expect((await post(t.app, room.proctorLogin, `/api/sessions/${room.session.id}/incidents`, { text: '' })).json().error.code).toBe('empty-incident');
    expect((await post(t.app, room.proctorLogin, `/api/sessions/${room.session.id}/incidents`, { text: 'x', at: Date.now() + 3600_000 })).json().error.code).toBe('incident-in-future');
  });
});

describe('who may use the controls', () => {
  const controls = (room: Room) => [
    [url(room, 0, 'pause'), {}],
    [url(room, 0, 'resume'), {}],
    [url(room, 0, 'extra-time'), { minutes: 5, kind: 'incident', reason: 'x' }],
    [url(room, 0, 'move'), { workstation: 'PC-77' }],
    [url(room, 0, 'lock'), {}],
    [url(room, 0, 'unlock'), {}],
    [url(room, 0, 'absent'), {}],
    [`/api/sessions/${room.session.id}/messages`, { text: 'hi' }],
    [`/api/sessions/${room.session.id}/incidents`, { text: 'hi' }],
    [`/api/sessions/${room.session.id}/seb-config-key`, { configKey: null }],
    [`/api/sessions/${room.session.id}/pause`, {}],
  ] as const;

  it('refuses a candidate sending a proctor command', async () => {
    const room = await runningRoom(1);
    for (const [path, body] of controls(room)) {
      const response = await post(t.app, room.logins[0]!, path, body);
      expect(response.statusCode, path).toBe(403);
      expect(response.json().error.code, path).toBe('forbidden');
    }
    expect(count('time_extensions') + count('proctor_messages') + count('incidents')).toBe(0);
  });

  it('refuses a proctor of another session, and changes nothing', async () => {
    const room = await runningRoom(1);
    const other = await supervisedRoom(t.app, 1);
    const auditBefore = count('audit_log');
    for (const [path, body] of controls(room)) {
      const response = await post(t.app, other.proctorLogin, path, body);
      expect(response.statusCode, path).toBe(403);
      expect(response.json().error.code, path).toBe('not-your-session');
    }
    for (const path of [`/api/sessions/${room.session.id}/dashboard`, `/api/sessions/${room.session.id}/report`, `/api/sessions/${room.session.id}/report.csv`, `/proctor/sessions/${room.session.id}/slips`]) {
      expect((await t.app.inject({ method: 'GET', url: path, headers: other.proctorLogin.headers })).statusCode, path).toBe(403);
    }
    expect(count('audit_log')).toBe(auditBefore);
    expect(t.app.exam.candidate(cid(room, 0))).toMatchObject({ lockedAt: null, absentAt: null, workstation: 'PC-01' });
  });

  it('refuses a corrector, a request without login, and one without its CSRF token', async () => {
    const room = await runningRoom(1);
    const corrector = await createStaff(t.app, 'corrector');
    const correctorLogin = await loginStaff(t.app, corrector.username, corrector.password);
    expect((await post(t.app, correctorLogin, url(room, 0, 'lock'))).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: url(room, 0, 'lock'), payload: {} })).statusCode).toBe(401);
    const noCsrf = await t.app.inject({ method: 'POST', url: url(room, 0, 'lock'), headers: { cookie: room.proctorLogin.cookie }, payload: {} });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe('bad-csrf-token');
    expect(t.app.exam.candidate(cid(room, 0))!.lockedAt).toBeNull();
  });

  it('answers an unknown candidate or session with 404', async () => {
    const room = await runningRoom(1);
    expect((await post(t.app, room.proctorLogin, `/api/sessions/${room.session.id}/candidates/99999/lock`)).json().error.code).toBe('unknown-candidate');
    expect((await post(t.app, room.adminLogin, `/api/sessions/99999/candidates/1/lock`)).json().error.code).toBe('unknown-session');
  });
});

describe('every screen shows the same time left', () => {
  it('sends every kiosk and the dashboard the same paused clock after a room pause', async () => {
    const room = await runningRoom(3);
    const dash = await staffSocket(t.app, room.proctorLogin.cookie);
    await dash.subscribe(room.session.id);
    expect((await post(t.app, room.proctorLogin, `/api/sessions/${room.session.id}/pause`)).statusCode).toBe(200);
    const clocks = await Promise.all(room.kiosks.map(async (k) => (await k.next('clock')).clock));
    const tiles = (await dash.delta('room')).tiles;
    for (const [i, clock] of clocks.entries()) {
      expect(clock.paused).toBe(true);
      const tile = tiles.find((x) => x.candidateId === cid(room, i))!;
      expect(tile.clock.paused).toBe(true);
      expect(Math.abs(tile.clock.timeLeftMs - clock.timeLeftMs)).toBeLessThan(50);
    }
  });
});
