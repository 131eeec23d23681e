import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, loginCandidate, openSession, startSession, type TestApp } from '../../helpers/build-app.js';
import { SocketInbox } from '../../helpers/socket.js';
import { socketPath } from '../../../server/contract/protocol-version.js';
import { SAVE_GRACE_MS } from '../../../server/exam/timing.js';
import { HEARTBEAT_ANSWER_AFTER_MS } from '../../../server/live/kiosk-socket.js';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => {
  await t.close();
});

async function kiosk(app: TestApp['app'], cookie: string) {
  let inbox: SocketInbox | undefined;
  // Listen from the first frame: the server sends the clock as soon as the socket opens.
  await app.injectWS(socketPath(), { headers: { cookie } }, { onInit: (socket) => void (inbox = new SocketInbox(socket)) });
  return inbox!;
}

async function runningExam(count = 2) {
  const opened = await openSession(t.app, count);
  const logins = [];
  for (const c of opened.session.candidates) logins.push(await loginCandidate(t.app, opened.session.code, c.code));
  await startSession(t.app, opened.adminLogin, opened.session.id);
  const questionIds: string[] = t.app.packs.questions('devops-title-qp').map((q) => q.question.id);
  return { ...opened, logins, questionIds };
}

function storedAnswer(candidateId: number, questionId: string) {
  return t.app.db.$client.prepare('SELECT text, revision FROM answers WHERE candidate_id = ? AND question_id = ?').get(candidateId, questionId) as { text: string; revision: number } | undefined;
}

describe('autosave over /ws', () => {
  it('refuses the upgrade without a login', async () => {
    await expect(t.app.injectWS('/ws')).rejects.toThrow(/401/);
  });

  it('sends the clock on connect and acknowledges a save only once it is in the database', async () => {
    const { logins, questionIds, session } = await runningExam(1);
    const ws = await kiosk(t.app, logins[0]!.cookie);
    const clock = await ws.next('clock');
    expect(clock.clock.sessionState).toBe('running');
    ws.send({ type: 'save', questionId: questionIds[0], revision: 1, text: 'The timer unit activates the service.' });
    const saved = await ws.next('saved');
    expect(saved).toMatchObject({ questionId: questionIds[0], revision: 1 });
    expect(storedAnswer(session.candidates[0]!.id, questionIds[0]!)).toEqual({ text: 'The timer unit activates the service.', revision: 1 });
    ws.socket.terminate();
  });

  it('answers a heartbeat only when the kiosk has heard nothing for 2 s, so a live socket never looks silent', async () => {
    const { logins, questionIds } = await runningExam(1);
    const ws = await kiosk(t.app, logins[0]!.cookie);
    await ws.next('clock');
    ws.send({ type: 'save', questionId: questionIds[0], revision: 1, text: 'typing' });
    await ws.next('saved');
    // Just acknowledged a save: that message already proved the socket alive.
    ws.send({ type: 'heartbeat', activity: 'typing' });
    await expect(ws.next('heartbeat-ack', 500)).rejects.toThrow(/no "heartbeat-ack"/);
    // Quiet since then: the next heartbeat is answered, with the server's time.
    await new Promise((r) => setTimeout(r, HEARTBEAT_ANSWER_AFTER_MS));
    const before = Date.now();
    ws.send({ type: 'heartbeat', activity: 'reading' });
    const ack = await ws.next('heartbeat-ack');
    expect(ack.serverNow).toBeGreaterThanOrEqual(before);
    ws.socket.terminate();
  });

  it('never lets an older revision overwrite a newer one, and acknowledges a resent save', async () => {
    const { logins, questionIds, session } = await runningExam(1);
    const ws = await kiosk(t.app, logins[0]!.cookie);
    const q = questionIds[0]!;
    ws.send({ type: 'save', questionId: q, revision: 5, text: 'newer' });
    await ws.next('saved');
    ws.send({ type: 'save', questionId: q, revision: 3, text: 'older' });
    const stale = await ws.next('saved');
    expect(stale.revision).toBe(5);
    ws.send({ type: 'save', questionId: q, revision: 5, text: 'newer' });
    expect((await ws.next('saved')).revision).toBe(5);
    expect(storedAnswer(session.candidates[0]!.id, q)).toEqual({ text: 'newer', revision: 5 });
    ws.socket.terminate();
  });

  it('keeps a save after the deadline and its grace aside, flagged late, and tells the candidate', async () => {
    const { logins, questionIds, session } = await runningExam(1);
    const ws = await kiosk(t.app, logins[0]!.cookie);
    const q = questionIds[0]!;
    ws.send({ type: 'save', questionId: q, revision: 1, text: 'on time' });
    await ws.next('saved');
    // Move the start back so that the deadline and its grace are over.
    t.app.db.$client.prepare('UPDATE exam_sessions SET started_at = ? WHERE id = ?').run(Date.now() - 60 * 60_000 - SAVE_GRACE_MS - 1000, session.id);
    t.app.exam.forgetSaveContexts();
    ws.send({ type: 'save', questionId: q, revision: 2, text: 'too late' });
    const refused = await ws.next('save-refused');
    expect(refused.reason).toBe('late');
    expect(refused.message).toMatch(/kept and flagged as late/);
    expect(storedAnswer(session.candidates[0]!.id, q)).toEqual({ text: 'on time', revision: 1 });
    const late = t.app.db.$client.prepare('SELECT text, revision FROM late_saves WHERE candidate_id = ?').all(session.candidates[0]!.id);
    expect(late).toEqual([{ text: 'too late', revision: 2 }]);
    ws.socket.terminate();
  });

  it('accepts a save in flight within the grace after the deadline', async () => {
    const { logins, questionIds, session } = await runningExam(1);
    t.app.db.$client.prepare('UPDATE exam_sessions SET started_at = ? WHERE id = ?').run(Date.now() - 60 * 60_000 - 2000, session.id);
    t.app.exam.forgetSaveContexts();
    const ws = await kiosk(t.app, logins[0]!.cookie);
    ws.send({ type: 'save', questionId: questionIds[1], revision: 1, text: 'just in time' });
    expect((await ws.next('saved')).revision).toBe(1);
    ws.socket.terminate();
  });

  it('refuses saves before the start, after the end, for an unknown question, over 50,000 characters, and malformed messages', async () => {
    const opened = await openSession(t.app, 1);
    const login = await loginCandidate(t.app, opened.session.code, opened.session.candidates[0]!.code);
    const ws = await kiosk(t.app, login.cookie);
    const q = t.app.packs.questions('devops-title-qp')[0]!.question.id;
    ws.send({ type: 'save', questionId: q, revision: 1, text: 'early' });
    expect((await ws.next('save-refused')).reason).toBe('not-started');
    await startSession(t.app, opened.adminLogin, opened.session.id);
    ws.send({ type: 'save', questionId: 'q99', revision: 1, text: 'x' });
    expect((await ws.next('save-refused')).reason).toBe('unknown-question');
    ws.send({ type: 'save', questionId: q, revision: 1, text: 'x'.repeat(50_001) });
    expect((await ws.next('save-refused')).reason).toBe('too-long');
    ws.send({ type: 'save', questionId: q, revision: 1, text: 'x', extra: true });
    expect((await ws.next('error')).code).toBe('bad-message');
    ws.socket.send('{not json');
    expect((await ws.next('error')).message).toMatch(/not valid JSON/);
    ws.send({ type: 'end-session' });
    expect((await ws.next('error')).code).toBe('bad-message');
    const rows = t.app.db.$client.prepare('SELECT COUNT(*) AS n FROM answers').get() as { n: number };
    expect(rows.n).toBe(0);
    await t.app.inject({ method: 'POST', url: `/api/sessions/${opened.session.id}/end`, headers: opened.adminLogin.headers });
    await ws.next('submitted');
    ws.send({ type: 'save', questionId: q, revision: 2, text: 'after the end' });
    const refused = await ws.next('save-refused');
    expect(['ended', 'submitted']).toContain(refused.reason);
    expect((t.app.db.$client.prepare('SELECT COUNT(*) AS n FROM answers').get() as { n: number }).n).toBe(0);
    ws.socket.terminate();
  });

  it("keeps each candidate to their own attempt: a socket only ever writes its candidate's answers", async () => {
    const { logins, questionIds, session } = await runningExam(2);
    const a = await kiosk(t.app, logins[0]!.cookie);
    const b = await kiosk(t.app, logins[1]!.cookie);
    a.send({ type: 'save', questionId: questionIds[0], revision: 1, text: 'from A' });
    await a.next('saved');
    b.send({ type: 'save', questionId: questionIds[0], revision: 1, text: 'from B' });
    await b.next('saved');
    expect(storedAnswer(session.candidates[0]!.id, questionIds[0]!)!.text).toBe('from A');
    expect(storedAnswer(session.candidates[1]!.id, questionIds[0]!)!.text).toBe('from B');
    const viewA = (await t.app.inject({ url: '/api/attempt', headers: { cookie: logins[0]!.cookie } })).json();
    expect(viewA.answers.map((x: { text: string }) => x.text)).toEqual(['from A']);
    a.socket.terminate();
    b.socket.terminate();
  });

  it('pushes the new clock to every kiosk when the room is paused, freezing the time left', async () => {
    const { logins, adminLogin, session } = await runningExam(2);
    const a = await kiosk(t.app, logins[0]!.cookie);
    const b = await kiosk(t.app, logins[1]!.cookie);
    await a.next('clock');
    await b.next('clock');
    await t.app.inject({ method: 'POST', url: `/api/sessions/${session.id}/pause`, headers: adminLogin.headers });
    const [ca, cb] = [await a.next('clock'), await b.next('clock')];
    expect(ca.clock.paused).toBe(true);
    expect(cb.clock.sessionState).toBe('paused');
    await new Promise((r) => setTimeout(r, 300));
    const later = (await t.app.inject({ url: '/api/attempt', headers: { cookie: logins[0]!.cookie } })).json();
    expect(later.clock.timeLeftMs).toBe(ca.clock.timeLeftMs);
    a.socket.terminate();
    b.socket.terminate();
  });

  it('submits a candidate at the deadline on the server and sends the receipt', async () => {
    const { logins, session, questionIds } = await runningExam(1);
    const ws = await kiosk(t.app, logins[0]!.cookie);
    ws.send({ type: 'save', questionId: questionIds[0], revision: 1, text: 'final words' });
    await ws.next('saved');
    t.app.db.$client.prepare('UPDATE exam_sessions SET started_at = ? WHERE id = ?').run(Date.now() - 60 * 60_000 - SAVE_GRACE_MS - 100, session.id);
    const submitted = await ws.next('submitted', 3000);
    expect(submitted.receipt.kind).toBe('deadline');
    expect(submitted.receipt.answers).toEqual([{ questionId: questionIds[0], revision: 1, words: 2 }]);
    ws.socket.terminate();
  });

  it('ignores a kiosk that was logged out by a newer login, even before its socket has closed', async () => {
    const { logins, questionIds, session } = await runningExam(1);
    const old = await kiosk(t.app, logins[0]!.cookie);
    old.send({ type: 'save', questionId: questionIds[0], revision: 1, text: 'from the old kiosk' });
    await old.next('saved');
    // The same workstation logging in again (a restarted browser) replaces the old kiosk.
    await loginCandidate(t.app, session.code, session.candidates[0]!.code, session.candidates[0]!.workstation);
    expect((await old.next('logged-out')).reason).toBe('replaced');
    old.send({ type: 'save', questionId: questionIds[0], revision: 2, text: 'after the logout' });
    await new Promise((r) => setTimeout(r, 200));
    expect(old.pending().some((m) => m.type === 'saved')).toBe(false);
    expect(storedAnswer(session.candidates[0]!.id, questionIds[0]!)).toEqual({ text: 'from the old kiosk', revision: 1 });
  });

  it('survives a write the database refuses, acknowledges nothing, and takes the same save once it can write again', async () => {
    const { logins, questionIds, session } = await runningExam(1);
    const ws = await kiosk(t.app, logins[0]!.cookie);
    // A real SQLite failure on the answers table, as a full disk would give.
    t.app.db.$client.exec("CREATE TRIGGER refuse_answers BEFORE INSERT ON answers BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    ws.send({ type: 'save', questionId: questionIds[0], revision: 1, text: 'kept on the kiosk' });
    const error = await ws.next('error');
    expect(error.code).toBe('save-failed');
    expect(ws.pending().some((m) => m.type === 'saved')).toBe(false);
    expect(storedAnswer(session.candidates[0]!.id, questionIds[0]!)).toBeUndefined();
    t.app.db.$client.exec('DROP TRIGGER refuse_answers');
    ws.send({ type: 'save', questionId: questionIds[0], revision: 1, text: 'kept on the kiosk' });
    expect((await ws.next('saved')).revision).toBe(1);
    expect(storedAnswer(session.candidates[0]!.id, questionIds[0]!)).toEqual({ text: 'kept on the kiosk', revision: 1 });
  });
});
