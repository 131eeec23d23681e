// `npm run bench:start [-- --runs N]`: how long `npm start`'s entry (bin/lectern.mjs) takes to
// answer /healthz, on a first start (a new data folder: migrations, the admin account) and on a
// second start on the same folder (a restart in the middle of an exam). Each pair runs N times
// (default 3) on a loopback port; the build is brought up to date first and is not timed.
// Besides the wall time, the CPU time the process used until /healthz answered (user + system,
// all its threads, from /proc/<pid>/stat): on a machine busy with other work the wall time
// measures the neighbours, the CPU time much less so.
//   --compare <dir>   the same pairs from another built Lectern tree, alternated with this one
//                     (this, other, this, other...), so both meet the same machine load
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../../server/paths.js';
import { buildIfStale } from '../helpers/build-once.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, compare: { type: 'string' } } });
const runs = Math.max(1, Number(values.runs));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** CPU time (user + system) a process has used so far, in ms; null off Linux. */
function cpuMs(pid: number): number | null {
  try {
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

interface Start {
  wallMs: number;
  cpuMs: number | null;
}

/** From spawning the process to the first 200 from /healthz (wall and CPU time); then stops it. */
async function startToHealthz(root: string, dataDir: string): Promise<Start> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [join(root, 'bin', 'lectern.mjs'), '--host', '127.0.0.1', '--port', String(port), '--data', dataDir], {
    cwd: root,
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
      if (ok) return { wallMs: Math.round(performance.now() - started), cpuMs: child.pid === undefined ? null : cpuMs(child.pid) };
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const trees = values.compare ? [projectRoot, values.compare] : [projectRoot];
for (const root of trees) buildIfStale(root);
const figures = trees.map(() => ({ first: [] as Start[], second: [] as Start[] }));
for (let i = 0; i < runs; i++) {
  for (const [t, root] of trees.entries()) {
    const dataDir = mkdtempSync(join(tmpdir(), 'lectern-bench-start-'));
    try {
      figures[t]!.first.push(await startToHealthz(root, dataDir));
      figures[t]!.second.push(await startToHealthz(root, dataDir));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    const f = figures[t]!;
    const show = (x: Start) => `${x.wallMs} ms (cpu ${x.cpuMs ?? '-'} ms)`;
    console.log(`run ${i + 1}${trees.length > 1 ? ` ${root}` : ''}: first start ${show(f.first[i]!)}, second start ${show(f.second[i]!)} (load average ${loadavg()[0]!.toFixed(1)})`);
  }
}
const summary = (f: (typeof figures)[number]) => {
  const wall = (xs: Start[]) => xs.map((x) => x.wallMs);
  const cpu = (xs: Start[]) => xs.map((x) => x.cpuMs ?? NaN);
  return { firstStartMs: wall(f.first), secondStartMs: wall(f.second), firstStartCpuMs: cpu(f.first), secondStartCpuMs: cpu(f.second), medianFirstMs: median(wall(f.first)), medianSecondMs: median(wall(f.second)), medianSecondCpuMs: median(cpu(f.second)), within3s: median(wall(f.second)) <= 3000 };
};
console.log(JSON.stringify({ node: process.version, runs, ...summary(figures[0]!), ...(values.compare ? { compare: { tree: values.compare, ...summary(figures[1]!) } } : {}) }));
