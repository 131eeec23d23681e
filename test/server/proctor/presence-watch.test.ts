import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/build-app.js';
import type { Presence } from '../../../server/live/live-hub.js';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => {
  await t.close();
});

const system = { kind: 'system' } as const;

/** A room of `count` candidates, created and (unless `state` is waiting) started by the system. */
function room(count: number, state: 'waiting' | 'running' | 'paused' = 'running') {
  const pack = t.app.packs.get('devops-title-qp')!;
  const { session, candidates } = t.app.exam.createSession({ pack, candidates: Array.from({ length: count }, (_, i) => ({ workstation: `PC-${i + 1}` })), actor: system });
  if (state !== 'waiting') t.app.exam.start(session.id, system);
  if (state === 'paused') t.app.exam.pause(session.id, system);
  return { sessionId: session.id, ids: candidates.map((c) => c.id) };
}

/** What the hub knows of a connected kiosk; the watch reads nothing else. */
function present(sessionId: number, candidateId: number, at: number): Presence {
  const p: Presence = { candidateId, sessionId, sockets: 1, workstation: null, lastHeartbeatAt: at, activity: 'reading', connectedAt: at };
  t.app.hub.presence.set(candidateId, p);
  return p;
}

type Row = { candidateId: number; kind: string; detail: string; at: number };
const events = () => t.app.db.$client.prepare('SELECT candidate_id AS candidateId, kind, detail, at FROM supervision_events ORDER BY id').all() as Row[];

describe('PresenceWatch', () => {
  it('records a whole room going offline in one check, and its return, for the candidates still writing', async () => {
    const main = room(300);
    const paused = room(40, 'paused');
    const waiting = room(30, 'waiting');
    const [submitted, absent, moved] = main.ids;
    t.app.exam.submit(submitted!, 'candidate');
    t.app.db.$client.prepare('UPDATE candidates SET absent_at = ? WHERE id = ?').run(Date.now(), absent);
    const t0 = Date.now();
    const presences = [main, paused, waiting].flatMap((r) => r.ids.map((id) => present(r.sessionId, id, t0)));
    const watch = t.app.proctor.watch;
    watch.stop();
    watch.check(t0);
    expect(events()).toHaveLength(0);
    watch.expectDisconnect(moved!);

    // A switch reboots: half the sockets close, the other half go silent.
    presences.forEach((p, i) => {
      if (i % 2 === 0) p.sockets = 0;
    });
    const lostAt = t0 + 5_000;
    watch.check(lostAt);
    await new Promise((resolve) => setImmediate(resolve));
    const lost = events();
    const writing = [...main.ids.filter((id) => id !== submitted && id !== absent && id !== moved), ...paused.ids];
    expect(lost.map((e) => e.candidateId).sort((a, b) => a - b)).toEqual(writing.sort((a, b) => a - b));
    const byId = new Map(presences.map((p) => [p.candidateId, p]));
    for (const e of lost) {
      expect(e.kind).toBe('connection-lost');
      expect(e.at).toBe(lostAt);
      const closed = byId.get(e.candidateId)!.sockets === 0;
      expect(JSON.parse(e.detail)).toEqual({ cause: closed ? 'socket-closed' : 'heartbeat-stopped', silentMs: 5_000 });
    }

    // The switch is back: every kiosk but the moved candidate's reconnects and beats again.
    const backAt = lostAt + 7_000;
    for (const p of presences) {
      if (p.candidateId === moved) continue;
      p.sockets = 1;
      p.lastHeartbeatAt = backAt;
    }
    watch.check(backAt);
    await new Promise((resolve) => setImmediate(resolve));
    const back = events().slice(lost.length);
    expect(back.map((e) => e.candidateId).sort((a, b) => a - b)).toEqual(writing);
    for (const e of back) {
      expect(e.kind).toBe('connection-back');
      expect(e.at).toBe(backAt);
      expect(JSON.parse(e.detail)).toEqual({ offlineMs: 7_000 });
    }
    // Nothing changed since: nothing more is recorded.
    watch.check(backAt + 500);
    await new Promise((resolve) => setImmediate(resolve));
    expect(events()).toHaveLength(lost.length + back.length);
  });

  it('sees a submission made since the previous check', async () => {
    const r = room(2);
    const t0 = Date.now();
    const [a, b] = r.ids.map((id) => present(r.sessionId, id, t0));
    const watch = t.app.proctor.watch;
    watch.stop();
    watch.check(t0);
    b!.sockets = 0;
    watch.check(t0 + 1_000);
    t.app.exam.submit(a!.candidateId, 'candidate');
    a!.sockets = 0;
    watch.check(t0 + 2_000);
    t.app.supervision.flush();
    expect(events().map((e) => [e.candidateId, e.kind])).toEqual([[b!.candidateId, 'connection-lost']]);
  });
});
