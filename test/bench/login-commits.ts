// What a candidate login costs the server, one after another (each commit is an fsync with
// synchronous=FULL): `npx tsx test/bench/login-commits.ts [logins]`. A real app on a real SQLite
// file in a temporary folder; logins through app.inject, so the figures are the server's own.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../server/app.js';
import { projectRoot } from '../../server/paths.js';

const logins = Number(process.argv[2] ?? 1000);
const perSession = 500;

const dataDir = mkdtempSync(join(tmpdir(), 'lectern-logins-'));
const app = await buildApp({ dataDir, contentDir: join(projectRoot, 'content') });
await app.ready();
try {
  const pack = app.packs.get('devops-title-qp')!;
  const slips: { sessionCode: string; candidateCode: string }[] = [];
  for (let made = 0; made < logins; made += perSession) {
    const n = Math.min(perSession, logins - made);
    const { session, candidates } = app.exam.createSession({ pack, candidates: Array.from({ length: n }, () => ({})), actor: { kind: 'system' } });
    for (const c of candidates) slips.push({ sessionCode: session.code, candidateCode: c.code });
  }
  const ms: number[] = [];
  const started = process.hrtime.bigint();
  for (const slip of slips) {
    const t0 = process.hrtime.bigint();
    const r = await app.inject({ method: 'POST', url: '/api/candidate/login', payload: slip });
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (r.statusCode !== 200) throw new Error(`login failed: ${r.statusCode} ${r.body}`);
  }
  const totalMs = Number(process.hrtime.bigint() - started) / 1e6;
  ms.sort((a, b) => a - b);
  const at = (q: number) => +ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!.toFixed(2);
  console.log(JSON.stringify({ logins, totalMs: Math.round(totalMs), p50: at(0.5), p99: at(0.99), max: at(1) }));
} finally {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
}
