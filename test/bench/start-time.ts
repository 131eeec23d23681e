// `npm run bench:start [-- --runs N]`: how long `npm start`'s entry (bin/lectern.mjs) takes to
// answer /healthz, on a first start (a new data folder: migrations, the admin account) and on a
// second start on the same folder (a restart in the middle of an exam). Each pair runs N times
// (default 3) on a loopback port; the build is brought up to date first and is not timed.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../../server/paths.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const runs = Math.max(1, Number(values.runs));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Milliseconds from spawning the process to the first 200 from /healthz; then stops it. */
async function startToHealthz(dataDir: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [join(projectRoot, 'bin', 'lectern.mjs'), '--host', '127.0.0.1', '--port', String(port), '--data', dataDir], {
    cwd: projectRoot,
    env: { ...process.env, LECTERN_ADMIN_PASSWORD: 'bench-start-password-01' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`Lectern exited with ${child.exitCode}: ${stderr}`);
      if (performance.now() - started > 120_000) throw new Error('no answer from /healthz within 120 s');
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
      if (ok) return Math.round(performance.now() - started);
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

execFileSync(process.execPath, [join(projectRoot, 'bin', 'build.mjs'), '--if-stale'], { cwd: projectRoot, stdio: 'inherit' });
const first: number[] = [];
const second: number[] = [];
for (let i = 0; i < runs; i++) {
  const dataDir = mkdtempSync(join(tmpdir(), 'lectern-bench-start-'));
  try {
    first.push(await startToHealthz(dataDir));
    second.push(await startToHealthz(dataDir));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(`run ${i + 1}: first start ${first[i]} ms, second start ${second[i]} ms (load average ${loadavg()[0]!.toFixed(1)})`);
}
console.log(JSON.stringify({ node: process.version, runs, firstStartMs: first, secondStartMs: second, medianFirstMs: median(first), medianSecondMs: median(second), within3s: median(second) <= 3000 }));
