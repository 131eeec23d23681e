// The server of the drill: the built `dist/server/main.js` as its own process, so the drill can SIGKILL it,
// delete its data folder and start it again on the same address from a restored backup.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { projectRoot } from '../../server/paths.js';
import { buildIfStale } from '../helpers/build-once.js';

export const DRILL_ADMIN_PASSWORD = 'drill-admin-password-0123';

export interface DrillServer {
  child: ChildProcess;
  baseUrl: string;
  /** Everything the process printed, for a failure's report. */
  output: () => string;
}

/** A port free now, kept for every restart of the drill (the kiosks know one address). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

let built = false;

/** The build made fresh once per process (vitest's global setup already did; `npm run drill` not). */
function ensureBuilt(): void {
  if (built) return;
  buildIfStale();
  built = true;
}

export async function startDrillServer(options: { dataDir: string; port: number; backupDir: string; backupIntervalS: number; timeoutMs?: number }): Promise<DrillServer> {
  // The built server, as `npm start` runs it: a restart in about 1.5 s, where the sources through
  // tsx took 10 s and more on a loaded machine (the kill suite restarts it ten times). The build is
  // brought up to date first (vitest's global setup, or ensureBuilt below for `npm run drill`).
  ensureBuilt();
  const args = [join(projectRoot, 'dist', 'server', 'main.js'), '--host', '127.0.0.1', '--port', String(options.port), '--data', options.dataDir];
  args.push('--backup-dir', options.backupDir, '--backup-interval', String(options.backupIntervalS));
  const child = spawn(process.execPath, args, {
    cwd: projectRoot,
    // Password hashing as in the tests (2^14): the drill measures recovery, not scrypt, and on a
    // loaded machine the admin's 2^17 hash can outlast the plugins' start-up timeout.
    env: { ...process.env, LECTERN_ADMIN_PASSWORD: DRILL_ADMIN_PASSWORD, LECTERN_SCRYPT_LOG_N: process.env.LECTERN_SCRYPT_LOG_N ?? '14' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Lectern exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) return { child, baseUrl, output: () => output };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`Lectern did not answer /healthz in time:\n${output}`);
}

/** SIGKILL: no close, no last checkpoint, no last backup. */
export function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** SIGTERM: the server writes what it received and closes the database. */
export function stopGently(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
