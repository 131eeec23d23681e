// How long one presence check blocks the event loop when a whole centre drops at once (a switch
// rebooting) and comes back: `npx tsx test/bench/presence-sweep.ts [kiosks] [rounds]`.
// A real app on a real SQLite file (WAL, synchronous=FULL) in a temporary folder; the kiosks are
// the hub's presence entries, which is all the watch reads. The time counted is the check plus
// the write of its events (the supervision log's flush, when it has one), both synchronous.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../server/app.js';
import { projectRoot } from '../../server/paths.js';
import type { Presence } from '../../server/live/live-hub.js';

const kiosks = Number(process.argv[2] ?? 5000);
const rounds = Number(process.argv[3] ?? 3);
const perSession = 500;

const dataDir = mkdtempSync(join(tmpdir(), 'lectern-sweep-'));
const app = await buildApp({ dataDir, contentDir: join(projectRoot, 'content') });
await app.ready();
try {
  app.proctor.watch.stop();
  const pack = app.packs.get('devops-title-qp')!;
  const system = { kind: 'system' } as const;
  const presences: Presence[] = [];
  for (let made = 0; made < kiosks; made += perSession) {
    const n = Math.min(perSession, kiosks - made);
    const { session, candidates } = app.exam.createSession({ pack, candidates: Array.from({ length: n }, () => ({})), actor: system });
    app.exam.start(session.id, system);
    for (const c of candidates) {
      const p: Presence = { candidateId: c.id, sessionId: session.id, sockets: 1, workstation: null, lastHeartbeatAt: 0, activity: 'reading', connectedAt: 0 };
      app.hub.presence.set(c.id, p);
      presences.push(p);
    }
  }
  const supervision = app.supervision as unknown as { flush?: () => void };
  const count = app.db.$client.prepare('SELECT COUNT(*) FROM supervision_events').pluck();
  let now = Date.now();
  const sweep = (): number => {
    const start = process.hrtime.bigint();
    app.proctor.watch.check(now);
    supervision.flush?.();
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  for (const p of presences) p.lastHeartbeatAt = now;
  sweep();
  const results: { offline: number; back: number }[] = [];
  for (let r = 0; r < rounds; r++) {
    now += 5_000;
    for (const p of presences) p.sockets = 0;
    const offline = sweep();
    now += 5_000;
    for (const p of presences) {
      p.sockets = 1;
      p.lastHeartbeatAt = now;
    }
    const back = sweep();
    results.push({ offline, back });
  }
  const events = count.get() as number;
  console.log(JSON.stringify({ kiosks, rounds, eventsStored: events, sweepsMs: results.map((x) => ({ offline: +x.offline.toFixed(1), back: +x.back.toFixed(1) })) }));
  if (events !== kiosks * 2 * rounds) throw new Error(`expected ${kiosks * 2 * rounds} events, found ${events}`);
} finally {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
}
