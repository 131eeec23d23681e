// Every kiosk of a room fetches its paper when the proctor starts: GET /api/attempt for each
// logged-in candidate, `npx tsx test/bench/attempt-fetch.ts [candidates] [rounds] [--http]`. A
// real app on a real SQLite file in a temporary folder; requests through app.inject, or with
// --http over real HTTP on 127.0.0.1 (one keep-alive connection per kiosk; the client runs in
// the same process). Once one after another (what one fetch costs) and once all at once (the
// start of the exam: the last kiosk waits for all the others).
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../server/app.js';
import { projectRoot } from '../../server/paths.js';

const candidates = Number(process.argv[2] ?? 1000);
const rounds = Number(process.argv[3] ?? 3);
const overHttp = process.argv.includes('--http');
const perSession = 500;

const dataDir = mkdtempSync(join(tmpdir(), 'lectern-attempt-'));
const app = await buildApp({ dataDir, contentDir: join(projectRoot, 'content') });
await app.ready();
const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => +s[Math.min(s.length - 1, Math.floor(q * s.length))]!.toFixed(2);
  return { p50: at(0.5), p99: at(0.99), max: at(1) };
};
try {
  const pack = app.packs.get('devops-title-qp')!;
  const cookies: string[] = [];
  for (let made = 0; made < candidates; made += perSession) {
    const n = Math.min(perSession, candidates - made);
    const { session, candidates: list } = app.exam.createSession({ pack, candidates: Array.from({ length: n }, () => ({})), actor: { kind: 'system' } });
    for (const c of list) {
      const r = await app.inject({ method: 'POST', url: '/api/candidate/login', payload: { sessionCode: session.code, candidateCode: c.code } });
      cookies.push(String(r.headers['set-cookie']).split(';')[0]!);
    }
    app.exam.start(session.id, { kind: 'system' });
  }
  let bytes = 0;
  let port = 0;
  if (overHttp) {
    await app.listen({ host: '127.0.0.1', port: 0 });
    port = (app.server.address() as { port: number }).port;
  }
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
  const get = (cookie: string): Promise<{ status: number; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: '/api/attempt', headers: { cookie }, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end();
    });
  const fetchOne = async (cookie: string): Promise<number> => {
    const t0 = process.hrtime.bigint();
    const r = overHttp ? await get(cookie) : await app.inject({ url: '/api/attempt', headers: { cookie } }).then((x) => ({ status: x.statusCode, body: x.rawPayload }));
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 200) throw new Error(`attempt: ${r.status} ${r.body.toString()}`);
    bytes = r.body.length;
    return ms;
  };
  for (let round = 0; round < rounds; round++) {
    const sequential: number[] = [];
    const cpu0 = process.cpuUsage();
    for (const cookie of cookies) sequential.push(await fetchOne(cookie));
    const cpu1 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const concurrent = await Promise.all(cookies.map(fetchOne));
    const allMs = Number(process.hrtime.bigint() - t0) / 1e6;
    const cpu2 = process.cpuUsage();
    // CPU time per fetch: less disturbed than wall time by other work on a shared machine.
    const cpuUs = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage) => Math.round((b.user + b.system - a.user - a.system) / cookies.length);
    console.log(JSON.stringify({ via: overHttp ? 'http' : 'inject', candidates, round, bytes, sequentialMs: stats(sequential), concurrentMs: { ...stats(concurrent), all: Math.round(allMs) }, cpuUsPerFetch: { sequential: cpuUs(cpu0, cpu1), concurrent: cpuUs(cpu1, cpu2) } }));
  }
  agent.destroy();
} finally {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
}
