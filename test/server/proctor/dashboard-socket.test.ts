import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, createStaff, loginCandidate, loginStaff, openSession, startSession, type TestApp } from '../../helpers/build-app.js';
import { kioskSocket, loginAll, post, staffSocket, supervisedRoom } from './helpers.js';
import { tileState } from '../../../server/contract/rules/tiles.js';
import { OFFLINE_AFTER_MS } from '../../../server/live/live-hub.js';
import { frameText } from '../../helpers/frame-text.js';
import { DASHBOARD_BATCH_MS } from '../../../server/proctor/dashboard-broadcaster.js';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => {
  await t.close();
});

describe('the dashboard socket', () => {
  it('sends a proctor of the session a snapshot with one tile per candidate', async () => {
    const room = await supervisedRoom(t.app, 3);
    const dash = await staffSocket(t.app, room.proctorLogin.cookie);
    const snapshot = await dash.subscribe(room.session.id);
    expect(snapshot.session).toMatchObject({ id: room.session.id, code: room.session.code, room: 'B12', state: 'waiting' });
    expect(snapshot.tiles.map((tile) => [tile.workstation, tile.code])).toEqual(room.session.candidates.map((c) => [c.workstation, c.code]));
    expect(snapshot.questions.length).toBeGreaterThan(0);
    for (const tile of snapshot.tiles) {
      expect(tile.loggedIn).toBe(false);
      expect(tileState(tile, 'waiting', tile.clock.timeLeftMs)).toBe('not-logged-in');
      expect(tile.clock.timeLeftMs).toBe(60 * 60_000);
    }
  });

  it('refuses a proctor of another session, and sends them nothing of it', async () => {
    const room = await supervisedRoom(t.app, 2);
    const other = await supervisedRoom(t.app, 1);
    const dash = await staffSocket(t.app, other.proctorLogin.cookie);
    dash.send({ type: 'subscribe', sessionId: room.session.id });
    const error = await dash.next('error');
    expect(error.code).toBe('not-your-session');
    const [login] = await loginAll(t.app, room);
    const kiosk = await kioskSocket(t.app, login!.cookie);
    kiosk.send({ type: 'supervision', kind: 'copy', detail: { length: 4 } });
    await new Promise((r) => setTimeout(r, 150));
    expect(dash.received()).toEqual([]);
  });

  it('closes a corrector’s socket: the live view needs the proctor or admin role', async () => {
    const corrector = await createStaff(t.app, 'corrector');
    const login = await loginStaff(t.app, corrector.username, corrector.password);
    const dash = await staffSocket(t.app, login.cookie);
    const error = await dash.next('error');
    expect(error.code).toBe('forbidden');
    await new Promise<void>((resolve) => (dash.socket.readyState === dash.socket.CLOSED ? resolve() : dash.socket.once('close', () => resolve())));
  });

  it('answers a candidate who sends a proctor command on the kiosk socket with an error, and changes nothing', async () => {
    const room = await supervisedRoom(t.app, 1);
    const [login] = await loginAll(t.app, room);
    const kiosk = await kioskSocket(t.app, login!.cookie);
    await kiosk.next('clock');
    kiosk.send({ type: 'subscribe', sessionId: room.session.id });
    expect((await kiosk.next('error')).code).toBe('bad-message');
    kiosk.send({ type: 'lock', candidateId: room.session.candidates[0]!.id });
    expect((await kiosk.next('error')).code).toBe('bad-message');
    expect(t.app.exam.candidate(room.session.candidates[0]!.id)!.lockedAt).toBeNull();
  });

  it('refuses a kiosk message on the staff socket', async () => {
    const room = await supervisedRoom(t.app, 1);
    const dash = await staffSocket(t.app, room.proctorLogin.cookie);
    dash.send({ type: 'save', questionId: 'q1', revision: 1, text: 'x' });
    expect((await dash.next('error')).code).toBe('bad-message');
  });

  it('shows a kiosk connecting, its activity, and the words of each acknowledged save', async () => {
    const room = await supervisedRoom(t.app, 2);
    await startSession(t.app, room.adminLogin, room.session.id);
    const dash = await staffSocket(t.app, room.proctorLogin.cookie);
    await dash.subscribe(room.session.id);
    const candidateId = room.session.candidates[0]!.id;
    const login = await loginCandidate(t.app, room.session.code, room.session.candidates[0]!.code, room.session.candidates[0]!.workstation);
    const kiosk = await kioskSocket(t.app, login.cookie);
    const connected = await dash.delta('presence', (d) => d.candidateId === candidateId && d.connected);
    expect(connected.loggedIn).toBe(true);
    kiosk.send({ type: 'heartbeat', activity: 'typing' });
    expect((await dash.delta('presence', (d) => d.candidateId === candidateId && d.activity === 'typing')).connected).toBe(true);
    const questionId = t.app.packs.questions('devops-title-qp')[0]!.question.id;
    kiosk.send({ type: 'save', questionId, revision: 1, text: 'The timer starts the backup unit every night.' });
    const words = await dash.delta('words', (d) => d.candidateId === candidateId);
    expect(words).toMatchObject({ questionId, words: 8 });
    const loggedIn = await dash.delta('feed', (d) => d.item.kind === 'candidate.logged-in');
    expect(loggedIn.item.candidateId).toBe(candidateId);
  });

  it('shows each supervision event in the feed within a second, stored with the server’s time', async () => {
    const room = await supervisedRoom(t.app, 1);
    const [login] = await loginAll(t.app, room);
    await startSession(t.app, room.adminLogin, room.session.id);
    const dash = await staffSocket(t.app, room.proctorLogin.cookie);
    await dash.subscribe(room.session.id);
    const kiosk = await kioskSocket(t.app, login!.cookie);
    const kinds = [
      ['focus-lost', {}],
      ['focus-back', { awayMs: 4200 }],
      ['page-hidden', {}],
      ['fullscreen-left', {}],
      ['paste', { length: 120, source: 'outside' }],
      ['copy', { length: 12 }],
      ['context-menu', { on: 'document' }],
      ['blocked-shortcut', { shortcut: 'Ctrl+P' }],
      ['reload', {}],
    ] as const;
    for (const [kind, detail] of kinds) {
      const sentAt = Date.now();
      kiosk.send({ type: 'supervision', kind, detail });
      const item = (await dash.delta('feed', (d) => d.item.kind === kind, 1000)).item;
      expect(item).toMatchObject({ candidateId: login && room.session.candidates[0]!.id, source: 'kiosk', detail });
      expect(item.at).toBeGreaterThanOrEqual(sentAt);
      expect(Date.now() - sentAt).toBeLessThan(1000);
    }
    const stored = t.app.db.$client.prepare('SELECT kind, at FROM supervision_events WHERE session_id = ? ORDER BY id').all(room.session.id) as { kind: string; at: number }[];
    expect(stored.map((e) => e.kind)).toEqual(kinds.map(([k]) => k));
    const again = await staffSocket(t.app, room.proctorLogin.cookie);
    const tile = (await again.subscribe(room.session.id)).tiles[0]!;
    expect(tile.events).toMatchObject({ 'focus-lost': 1, paste: 1, 'blocked-shortcut': 1, reload: 1 });
  });

  it('reports a login of the same candidate from a second workstation', async () => {
    const room = await supervisedRoom(t.app, 1);
    const [login] = await loginAll(t.app, room);
    await startSession(t.app, room.adminLogin, room.session.id);
    const dash = await staffSocket(t.app, room.proctorLogin.cookie);
    await dash.subscribe(room.session.id);
    const kiosk = await kioskSocket(t.app, login!.cookie);
    await kiosk.next('clock');
    await expect(loginCandidate(t.app, room.session.code, room.session.candidates[0]!.code, 'PC-99')).rejects.toThrow(/409/);
    const item = (await dash.delta('feed', (d) => d.item.kind === 'second-login')).item;
    expect(item).toMatchObject({ source: 'server', detail: { workstation: 'PC-99' } });
  });

  it('shows a closed kiosk offline at once and records the lost connection and its return', async () => {
    const room = await supervisedRoom(t.app, 1);
    const [login] = await loginAll(t.app, room);
    await startSession(t.app, room.adminLogin, room.session.id);
    const candidateId = room.session.candidates[0]!.id;
    const kiosk = await kioskSocket(t.app, login!.cookie);
    await kiosk.next('clock');
    const dash = await staffSocket(t.app, room.proctorLogin.cookie);
    await dash.subscribe(room.session.id);
    t.app.proctor.watch.check();
    kiosk.socket.terminate();
    expect(await dash.delta('presence', (d) => d.candidateId === candidateId && !d.connected)).toBeTruthy();
    t.app.proctor.watch.check();
    const lost = (await dash.delta('feed', (d) => d.item.kind === 'connection-lost')).item;
    expect(lost).toMatchObject({ candidateId, source: 'server', detail: { cause: 'socket-closed' } });
    await kioskSocket(t.app, login!.cookie);
    await dash.delta('presence', (d) => d.candidateId === candidateId && d.connected);
    t.app.proctor.watch.check();
    const back = (await dash.delta('feed', (d) => d.item.kind === 'connection-back')).item;
    expect(back.detail['offlineMs']).toBeGreaterThanOrEqual(0);
  });

  it('shows a kiosk whose heartbeat stopped offline within 5 seconds of its last heartbeat', async () => {
    const room = await supervisedRoom(t.app, 1);
    const [login] = await loginAll(t.app, room);
    await startSession(t.app, room.adminLogin, room.session.id);
    const candidateId = room.session.candidates[0]!.id;
    const dash = await staffSocket(t.app, room.proctorLogin.cookie);
    await dash.subscribe(room.session.id);
    const kiosk = await kioskSocket(t.app, login!.cookie);
    kiosk.send({ type: 'heartbeat', activity: 'typing' });
    await dash.delta('presence', (d) => d.candidateId === candidateId && d.activity === 'typing');
    const lastHeartbeat = t.app.hub.presence.get(candidateId)!.lastHeartbeatAt;
    // The socket stays open but says nothing, as behind a pulled cable.
    const offline = await dash.delta('presence', (d) => d.candidateId === candidateId && !d.connected, 7000);
    const shownAfter = Date.now() - lastHeartbeat;
    expect(offline.connected).toBe(false);
    expect(shownAfter).toBeGreaterThanOrEqual(OFFLINE_AFTER_MS);
    expect(shownAfter).toBeLessThanOrEqual(5000 + 100);
    expect((await dash.delta('feed', (d) => d.item.kind === 'connection-lost')).item.detail['cause']).toBe('heartbeat-stopped');
    kiosk.send({ type: 'heartbeat', activity: 'reading' });
    expect((await dash.delta('presence', (d) => d.candidateId === candidateId && d.connected)).activity).toBe('reading');
  }, 15_000);

  it('sends every tile and the header when the room starts, pauses and resumes', async () => {
    const room = await supervisedRoom(t.app, 2);
    const dash = await staffSocket(t.app, room.proctorLogin.cookie);
    await dash.subscribe(room.session.id);
    expect((await post(t.app, room.proctorLogin, `/api/sessions/${room.session.id}/start`)).statusCode).toBe(200);
    const started = await dash.delta('room');
    expect(started.session.state).toBe('running');
    expect(started.tiles).toHaveLength(2);
    expect((await dash.delta('feed', (d) => d.item.kind === 'session.started')).item.by).toMatch(/proctor/);
    await post(t.app, room.proctorLogin, `/api/sessions/${room.session.id}/pause`);
    const paused = await dash.delta('room');
    expect(paused.session.state).toBe('paused');
    expect(paused.tiles.every((tile) => tile.clock.paused)).toBe(true);
  });

  it('lets an admin watch any session', async () => {
    const opened = await openSession(t.app, 1);
    const dash = await staffSocket(t.app, opened.adminLogin.cookie);
    const snapshot = await dash.subscribe(opened.session.id);
    expect(snapshot.tiles).toHaveLength(1);
  });

  it('answers a ping with the server’s time', async () => {
    const room = await supervisedRoom(t.app, 1);
    const dash = await staffSocket(t.app, room.proctorLogin.cookie);
    dash.send({ type: 'ping', sentAt: 42 });
    const pong = await dash.next('pong');
    expect(pong.sentAt).toBe(42);
    expect(Math.abs(pong.serverNow - Date.now())).toBeLessThan(1000);
  });

  // Issue 15: a session's deltas are serialized once for all its dashboards.
  it('sends every dashboard of a session the same frame, and a new dashboard nothing its snapshot showed', async () => {
    const room = await supervisedRoom(t.app, 1);
    const dashboards = [await staffSocket(t.app, room.proctorLogin.cookie), await staffSocket(t.app, room.proctorLogin.cookie)];
    for (const dash of dashboards) await dash.subscribe(room.session.id);
    const frames = dashboards.map((dash) => {
      const texts: string[] = [];
      dash.socket.on('message', (data, isBinary) => {
        expect(isBinary).toBe(false);
        texts.push(frameText(data));
      });
      return texts;
    });
    const { broadcaster } = t.app.proctor;
    const feed = (id: string) => ({ type: 'feed' as const, item: { id, at: Date.now(), candidateId: room.session.candidates[0]!.id, source: 'server' as const, kind: 'connection-lost', detail: {} } });
    broadcaster.push(room.session.id, feed('before'));
    // A dashboard subscribing while that delta gathers: its snapshot is read after the delta's event.
    const late: string[] = [];
    broadcaster.subscribe(room.session.id, { send: (frame) => late.push(frame.toString('utf8')) });
    broadcaster.push(room.session.id, feed('after'));
    for (const dash of dashboards) await dash.delta('feed', (d) => d.item.id === 'after');
    expect(frames[0]!.length).toBeGreaterThan(0);
    expect(frames[1]).toEqual(frames[0]);
    const ids = (texts: string[]) => texts.flatMap((text) => (JSON.parse(text) as { deltas: { item?: { id: string } }[] }).deltas.flatMap((d) => (d.item ? [d.item.id] : [])));
    expect(ids(frames[0]!)).toEqual(['before', 'after']);
    expect(ids(late)).toEqual(['after']);
  });

  // Issue 13, item 7: what a proctor reads does not wait DASHBOARD_BATCH_MS behind the words.
  it('sends a feed line at the end of the turn, with the words gathered so far, and lets words alone wait', async () => {
    const room = await supervisedRoom(t.app, 1);
    const { broadcaster } = t.app.proctor;
    const frames: string[] = [];
    broadcaster.subscribe(room.session.id, { send: (frame) => frames.push(frame.toString('utf8')) });
    const candidateId = room.session.candidates[0]!.id;
    const words = { type: 'words' as const, candidateId, questionId: 'q1', words: 12, savedAt: Date.now() };
    const turn = () => new Promise((resolve) => setImmediate(resolve));
    broadcaster.push(room.session.id, words);
    await turn();
    expect(frames).toEqual([]);
    broadcaster.push(room.session.id, { type: 'feed', item: { id: 'now', at: Date.now(), candidateId, source: 'kiosk', kind: 'focus-lost', detail: {} } });
    await turn();
    expect(frames).toHaveLength(1);
    expect((JSON.parse(frames[0]!) as { deltas: { type: string }[] }).deltas.map((d) => d.type)).toEqual(['words', 'feed']);
    broadcaster.push(room.session.id, { ...words, words: 13 });
    await turn();
    expect(frames).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, DASHBOARD_BATCH_MS + 20));
    expect(frames).toHaveLength(2);
  });
});
