import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { buildApp } from '../../../server/app.js';
import { buildTestApp, loginCandidate, startSession, bundledContentDir, type TestApp } from '../../helpers/build-app.js';
import { kioskSocket, loginAll, post, staffSocket, supervisedRoom } from '../proctor/helpers.js';
import { eventTime, MAX_QUEUED_MS } from '../../../server/live/event-time.js';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => {
  await t.close();
});

type Row = { id: number; candidateId: number | null; kind: string; detail: string; at: number };
const rows = (sessionId: number) =>
  t.app.db.$client.prepare('SELECT id, candidate_id AS candidateId, kind, detail, at FROM supervision_events WHERE session_id = ? ORDER BY id').all(sessionId) as Row[];
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('SupervisionLog', () => {
  it('writes the events of one turn together, and tells the dashboards only once they are stored', async () => {
    const room = await supervisedRoom(t.app, 3);
    const ids = room.session.candidates.map((c) => c.id);
    const heard: { candidateId: number; kind: string; storedThen: number }[] = [];
    t.app.hub.events.on('supervision', (sessionId, candidateId, kind) => {
      heard.push({ candidateId, kind, storedThen: rows(sessionId).length });
    });
    const at = Date.now();
    for (const id of ids) {
      t.app.supervision.record(room.session.id, id, 'focus-lost', {}, at);
      t.app.supervision.record(room.session.id, id, 'paste', { length: 12, source: 'outside' }, at + 1);
    }
    // Queued, not yet written nor announced.
    expect(rows(room.session.id)).toHaveLength(0);
    expect(heard).toHaveLength(0);
    await nextTurn();
    const stored = rows(room.session.id);
    expect(stored.map((r) => [r.candidateId, r.kind, r.at])).toEqual(ids.flatMap((id) => [[id, 'focus-lost', at], [id, 'paste', at + 1]]));
    expect(JSON.parse(stored[1]!.detail)).toEqual({ length: 12, source: 'outside' });
    // Every announcement came after the whole batch was committed, in the order received.
    expect(heard.map((h) => [h.candidateId, h.kind])).toEqual(ids.flatMap((id) => [[id, 'focus-lost'], [id, 'paste']]));
    expect(heard.every((h) => h.storedThen === ids.length * 2)).toBe(true);
  });

  it('writes at once on flush()', async () => {
    const room = await supervisedRoom(t.app, 1);
    t.app.supervision.record(room.session.id, room.session.candidates[0]!.id, 'copy', { length: 3 });
    t.app.supervision.flush();
    expect(rows(room.session.id).map((r) => r.kind)).toEqual(['copy']);
  });

  it('dates an event a kiosk kept while offline when it happened, and keeps the time it was received', async () => {
    const room = await supervisedRoom(t.app, 1);
    const candidateId = room.session.candidates[0]!.id;
    const loggedInAt = Date.now();
    await loginAll(t.app, room);
    const receivedAt = loggedInAt + 60_000;
    t.app.supervision.record(room.session.id, candidateId, 'focus-lost', { queuedMs: 30_000 }, receivedAt);
    // Queued longer than the candidate has been logged in: dated at the first login, no earlier.
    t.app.supervision.record(room.session.id, candidateId, 'page-hidden', { queuedMs: 3_600_000 }, receivedAt);
    // Not a usable wait: dated on receipt, the detail kept as sent.
    t.app.supervision.record(room.session.id, candidateId, 'copy', { queuedMs: -5, length: 2 }, receivedAt);
    t.app.supervision.record(room.session.id, candidateId, 'reload', { queuedMs: 'soon' }, receivedAt);
    t.app.supervision.record(room.session.id, candidateId, 'paste', { length: 1 }, receivedAt);
    t.app.supervision.flush();
    const stored = rows(room.session.id).map((r) => ({ kind: r.kind, at: r.at, detail: JSON.parse(r.detail) as Record<string, unknown> }));
    const firstLogin = t.app.db.$client.prepare('SELECT MIN(created_at) FROM auth_sessions WHERE candidate_id = ?').pluck().get(candidateId) as number;
    expect(firstLogin).toBeGreaterThanOrEqual(loggedInAt);
    expect(stored).toEqual([
      { kind: 'focus-lost', at: receivedAt - 30_000, detail: { queuedMs: 30_000, receivedAt } },
      { kind: 'page-hidden', at: firstLogin, detail: { queuedMs: 3_600_000, receivedAt } },
      { kind: 'copy', at: receivedAt, detail: { queuedMs: -5, length: 2, receivedAt } },
      { kind: 'reload', at: receivedAt, detail: { queuedMs: 'soon', receivedAt } },
      { kind: 'paste', at: receivedAt, detail: { length: 1 } },
    ]);
  });

  it('shows a queued kiosk event on the dashboard with the time it happened', async () => {
    const room = await supervisedRoom(t.app, 1);
    const [login] = await loginAll(t.app, room);
    await startSession(t.app, room.adminLogin, room.session.id);
    const dash = await staffSocket(t.app, room.proctorLogin.cookie);
    await dash.subscribe(room.session.id);
    // The login is at least this old once the kiosk sends its outbox below.
    await new Promise((r) => setTimeout(r, 300));
    const kiosk = await kioskSocket(t.app, login!.cookie);
    const sentAt = Date.now();
    kiosk.send({ type: 'supervision', kind: 'fullscreen-left', detail: { queuedMs: 250 } });
    const item = (await dash.delta('feed', (d) => d.item.kind === 'fullscreen-left')).item;
    const receivedAt = item.detail['receivedAt'] as number;
    expect(receivedAt).toBeGreaterThanOrEqual(sentAt);
    expect(item.at).toBe(receivedAt - 250);
    expect(rows(room.session.id).map((r) => r.at)).toEqual([item.at]);
  });

  it('checks an acknowledgement at once, writes it with the batch and announces it once', async () => {
    const room = await supervisedRoom(t.app, 2);
    const [a, b] = room.session.candidates;
    const sent = await post(t.app, room.proctorLogin, `/api/sessions/${room.session.id}/messages`, { text: 'Ten minutes left.', candidateId: a!.id });
    expect(sent.statusCode).toBe(200);
    const messageId = sent.json<{ id: number }>().id;
    const changed: [number | null, string][] = [];
    t.app.hub.events.on('changed', (_s, candidateId, what) => changed.push([candidateId, what]));
    const stored = () => t.app.db.$client.prepare('SELECT candidate_id FROM message_acknowledgements WHERE message_id = ?').pluck().all(messageId);
    // Not this candidate's message, or no such message: refused now, nothing queued.
    expect(t.app.supervision.acknowledgeMessage(room.session.id, b!.id, messageId)).toBe(false);
    expect(t.app.supervision.acknowledgeMessage(room.session.id, a!.id, messageId + 100)).toBe(false);
    expect(t.app.supervision.acknowledgeMessage(room.session.id, a!.id, messageId)).toBe(true);
    expect(t.app.supervision.acknowledgeMessage(room.session.id, a!.id, messageId)).toBe(true);
    expect(stored()).toEqual([]);
    await nextTurn();
    expect(stored()).toEqual([a!.id]);
    expect(changed.filter(([, what]) => what === 'message-acknowledged')).toEqual([[a!.id, 'message-acknowledged']]);
  });

  it('keeps the rest of a batch when one event cannot be stored', async () => {
    const room = await supervisedRoom(t.app, 1);
    const candidateId = room.session.candidates[0]!.id;
    t.app.supervision.record(room.session.id, candidateId, 'focus-lost', {});
    // No such session: the foreign key refuses this row, and the whole transaction with it.
    t.app.supervision.record(room.session.id + 1000, candidateId, 'copy', {});
    t.app.supervision.record(room.session.id, candidateId, 'focus-back', { awayMs: 10 });
    t.app.supervision.flush();
    expect(rows(room.session.id).map((r) => r.kind)).toEqual(['focus-lost', 'focus-back']);
  });

  it('records a second-workstation login with the room’s other events', async () => {
    const room = await supervisedRoom(t.app, 1);
    const [login] = await loginAll(t.app, room);
    const kiosk = await kioskSocket(t.app, login!.cookie);
    await kiosk.next('clock');
    const second = await t.app.inject({ method: 'POST', url: '/api/candidate/login', payload: { sessionCode: room.session.code, candidateCode: room.session.candidates[0]!.code, workstation: 'PC-99' } });
    expect(second.statusCode).toBe(409);
    await nextTurn();
    expect(rows(room.session.id).map((r) => [r.kind, JSON.parse(r.detail)])).toEqual([['second-login', { workstation: 'PC-99', connectedOn: room.session.candidates[0]!.workstation }]]);
  });
});

describe('eventTime', () => {
  it('believes a wait of at most MAX_QUEUED_MS, and never one before the floor', () => {
    const now = 10 * MAX_QUEUED_MS;
    expect(eventTime(now, 1_000, null)).toBe(now - 1_000);
    expect(eventTime(now, 1_000.4, null)).toBe(now - 1_000);
    expect(eventTime(now, MAX_QUEUED_MS * 4, null)).toBe(now - MAX_QUEUED_MS);
    expect(eventTime(now, 5_000, now - 2_000)).toBe(now - 2_000);
    expect(eventTime(now, 5_000, now - 9_000)).toBe(now - 5_000);
    // A floor in the future (clock trouble) never dates an event after its receipt.
    expect(eventTime(now, 5_000, now + 9_000)).toBe(now);
    for (const odd of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, '100', null, true]) expect(eventTime(now, odd, null)).toBe(now);
  });
});

describe('closing the server', () => {
  it('writes the events still queued before the database closes', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lectern-close-'));
    try {
      const app = await buildApp({ dataDir, contentDir: bundledContentDir });
      await app.ready();
      const pack = app.packs.get('devops-title-qp')!;
      const { session, candidates } = app.exam.createSession({ pack, candidates: [{}], actor: { kind: 'system' } });
      await loginCandidate(app, session.code, candidates[0]!.code);
      app.supervision.record(session.id, candidates[0]!.id, 'focus-lost', {});
      await app.close();
      const db = new Database(join(dataDir, 'lectern.sqlite'), { readonly: true });
      try {
        expect(db.prepare('SELECT kind FROM supervision_events WHERE session_id = ?').pluck().all(session.id)).toEqual(['focus-lost']);
      } finally {
        db.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
