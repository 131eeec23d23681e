// Issue 14, item 2, on real WebSockets: one kiosk cannot flood the supervision table nor hold
// hundreds of sockets, and every message type has its rate.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { buildTestApp, loginCandidate, type TestApp } from '../../helpers/build-app.js';
import { kioskSocket, staffSocket, supervisedRoom } from '../proctor/helpers.js';
import { MAX_KIOSK_SOCKETS, MAX_STAFF_SOCKETS_PER_LOGIN, POLICY_CLOSE_CODE, TOO_MANY_SOCKETS_CLOSE_CODE, staffMessageRates } from '../../../server/contract/socket-limits.js';
import { supervisionKinds } from '../../../server/contract/kiosk-protocol.js';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => {
  await t.close();
});

const closed = (socket: WebSocket) => new Promise<{ code: number; ms: number }>((resolve) => {
  const at = Date.now();
  socket.once('close', (code) => resolve({ code, ms: Date.now() - at }));
});

type Row = { kind: string; detail: string };
const rowsOf = (candidateId: number) => t.app.db.$client.prepare('SELECT kind, detail FROM supervision_events WHERE candidate_id = ?').all(candidateId) as Row[];

describe('supervision events from one kiosk', () => {
  it('stores a burst one by one, then counts: 20,000 events in a few seconds become a few dozen rows that still add up', async () => {
    const room = await supervisedRoom(t.app, 1);
    const candidate = room.session.candidates[0]!;
    const login = await loginCandidate(t.app, room.session.code, candidate.code, candidate.workstation);
    const kiosk = await kioskSocket(t.app, login.cookie);
    const started = Date.now();
    for (let i = 0; i < 20_000; i++) kiosk.send({ type: 'supervision', kind: supervisionKinds[i % supervisionKinds.length], detail: { n: i } });
    // Messages are handled in order: the answer to a bad one means all before it were handled.
    kiosk.send({ type: 'nonsense' });
    await kiosk.next('error', 30_000);
    const sentMs = Date.now() - started;
    t.app.supervision.flush();
    const rows = rowsOf(candidate.id);
    const represented = rows.reduce((n, r) => n + (JSON.parse(r.detail).coalesced ?? 1), 0);
    const coalescedRows = rows.filter((r) => JSON.parse(r.detail).coalesced !== undefined);
    console.info(`20,000 supervision events in ${sentMs} ms: ${rows.length} rows stored (${coalescedRows.length} of them counts), standing for ${represented} events`);
    expect(represented).toBe(20_000);
    expect(rows.length).toBeLessThanOrEqual(60 + 2 + supervisionKinds.length);
    expect(coalescedRows.length).toBe(supervisionKinds.length);
  }, 60_000);
});

describe('sockets per login', () => {
  it('keeps at most MAX_KIOSK_SOCKETS open for one candidate out of 300, closing the oldest with the code the kiosk reconnects on', async () => {
    const room = await supervisedRoom(t.app, 1);
    const candidate = room.session.candidates[0]!;
    const login = await loginCandidate(t.app, room.session.code, candidate.code, candidate.workstation);
    const closes: Promise<{ code: number }>[] = [];
    const sockets: WebSocket[] = [];
    for (let i = 0; i < 300; i++) {
      const k = await kioskSocket(t.app, login.cookie);
      sockets.push(k.socket);
      closes.push(closed(k.socket));
    }
    const results = await Promise.all(closes.slice(0, 300 - MAX_KIOSK_SOCKETS));
    expect(results.every((r) => r.code === TOO_MANY_SOCKETS_CLOSE_CODE)).toBe(true);
    const open = sockets.filter((s) => s.readyState === s.OPEN);
    expect(open).toEqual(sockets.slice(-MAX_KIOSK_SOCKETS));
    // The server side forgets a socket once its close handshake is over: a moment after the client's.
    for (let i = 0; i < 50 && t.app.hub.presence.get(candidate.id)?.sockets !== MAX_KIOSK_SOCKETS; i++) await new Promise((r) => setTimeout(r, 100));
    expect(t.app.hub.presence.get(candidate.id)?.sockets).toBe(MAX_KIOSK_SOCKETS);
  }, 60_000);

  it('caps the dashboards of one staff login too', async () => {
    const room = await supervisedRoom(t.app, 1);
    const sockets = [];
    for (let i = 0; i < MAX_STAFF_SOCKETS_PER_LOGIN + 2; i++) sockets.push(await staffSocket(t.app, room.proctorLogin.cookie));
    const first = await closed(sockets[0]!.socket);
    expect(first.code).toBe(TOO_MANY_SOCKETS_CLOSE_CODE);
    await closed(sockets[1]!.socket);
    expect(sockets.filter((s) => s.socket.readyState === s.socket.OPEN)).toHaveLength(MAX_STAFF_SOCKETS_PER_LOGIN);
  }, 60_000);
});

describe('message rates', () => {
  it('closes a kiosk socket that keeps sending what does not parse, after answering the first ones', async () => {
    const room = await supervisedRoom(t.app, 1);
    const candidate = room.session.candidates[0]!;
    const login = await loginCandidate(t.app, room.session.code, candidate.code, candidate.workstation);
    const kiosk = await kioskSocket(t.app, login.cookie);
    const end = closed(kiosk.socket);
    for (let i = 0; i < 200; i++) kiosk.socket.send('{not json');
    expect((await end).code).toBe(POLICY_CLOSE_CODE);
    expect(kiosk.pending().filter((m) => m.type === 'error').length).toBeGreaterThanOrEqual(20);
    expect(kiosk.pending().filter((m) => m.type === 'error').length).toBeLessThan(30);
  }, 60_000);

  it('answers a dashboard its burst of subscribes, then refuses the rest with rate-limited', async () => {
    const room = await supervisedRoom(t.app, 1);
    const dashboard = await staffSocket(t.app, room.proctorLogin.cookie);
    for (let i = 0; i < 40; i++) dashboard.send({ type: 'subscribe', sessionId: room.session.id });
    dashboard.send({ type: 'ping', sentAt: 1 });
    await dashboard.next('pong');
    const snapshots = [];
    for (;;) {
      try {
        snapshots.push(await dashboard.next('snapshot', 200));
      } catch {
        break;
      }
    }
    expect(snapshots.length).toBeGreaterThanOrEqual(staffMessageRates.subscribe.burst);
    expect(snapshots.length).toBeLessThanOrEqual(staffMessageRates.subscribe.burst + 2);
    const refused = await dashboard.next('error');
    expect(refused.code).toBe('rate-limited');
  }, 60_000);
});
