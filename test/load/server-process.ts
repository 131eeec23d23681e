import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { setPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '../../server/paths.js';
import { serverEnvironment, serverNodeFlags } from '../../bin/server-tuning.mjs';

// Starts a server under test as a child process on 127.0.0.1 and a free port, with its own
// temporary data directory, the event-loop probe preloaded, and stdout/stderr drained (a
// server whose pipe fills up would stall and the figures would lie).

export interface ProbeStats {
  loopDelay: { p50: number; p99: number; max: number; mean: number };
  cpuPercent: number;
  rssMb: number;
  heapUsedMb: number;
}

export interface ServerUnderTest {
  kind: 'lectern' | 'ceiling';
  pid: number;
  baseUrl: string;
  port: number;
  dataDir: string;
  /** The SQLite file holding the answers. */
  databaseFile: string;
  adminPassword: string;
  /** Clears the event-loop histogram and the CPU mark. */
  resetProbe(): Promise<void>;
  readProbe(): Promise<ProbeStats>;
  /** process.memoryUsage() of the server's main thread. */
  readMemory(): Promise<{ memory: NodeJS.MemoryUsage; spaces: { name: string; size: number; used: number }[] }>;
  /** Peak resident set size of the process so far (VmHWM), in MB. */
  peakRssMb(): number | null;
  /** Current resident set size (VmRSS), in MB. */
  rssMb(): number | null;
  /**
   * Starts the peak over from now (Linux: `5` into /proc/<pid>/clear_refs), so a run's peak
   * can be told apart from the set-up's (a staff login's scrypt takes 128 MiB for a moment).
   */
  resetPeakRss(): boolean;
  /** SIGTERM, wait for a clean exit (the server flushes pending saves and closes the database). */
  stop(): Promise<number | null>;
  /** Removes the data directory (after the lost-save check has read the database). */
  cleanUp(): void;
  /** The last lines the server printed, for error reports. */
  output(): string;
}

export interface StartOptions {
  kind: 'lectern' | 'ceiling';
  /**
   * lectern: 'dist' runs `node dist/server/main.js` (what `npm start` runs; build first),
   * 'tsx' runs the TypeScript sources (tests, no build needed).
   * ceiling: always the TypeScript source through tsx unless `entry` is given.
   */
  mode?: 'dist' | 'tsx';
  /** Overrides the script to run (e.g. a bundled ceiling). */
  entry?: string;
  /** Extra node flags for the server, e.g. ['--cpu-prof', '--cpu-prof-dir=...']. */
  nodeFlags?: string[];
  startTimeoutMs?: number;
  /**
   * Scheduling priority (nice value) for the server process, e.g. -10: on a machine shared with
   * other work, the benchmark then measures the server rather than its neighbours. Needs root;
   * ignored when not allowed.
   */
  priority?: number;
  /** More environment for the server, e.g. LECTERN_BACKUP_INTERVAL for the backups shape. */
  env?: Record<string, string>;
  /**
   * Lectern only: run with the memory settings `npm start` applies (bin/server-tuning.mjs), as
   * the default; false runs Node's defaults, to compare.
   */
  tuned?: boolean;
}

const probeUrl = pathToFileURL(join(projectRoot, 'test', 'load', 'server-probe.mjs')).href;
export const tsxLoader = import.meta.resolve('tsx');

export async function startServer(options: StartOptions): Promise<ServerUnderTest> {
  const dataDir = mkdtempSync(join(tmpdir(), `lectern-load-${options.kind}-`));
  const adminPassword = 'load-generator-admin-password';
  const mode = options.mode ?? 'tsx';
  let entry: string;
  // What `npm start` runs with (bin/launch.mjs re-runs Node with these), before any extra flags.
  const tuned = options.kind === 'lectern' && options.tuned !== false;
  const execArgv = [...(tuned ? serverNodeFlags : []), ...(options.nodeFlags ?? [])];
  if (options.entry) entry = options.entry;
  else if (options.kind === 'lectern') entry = mode === 'dist' ? join(projectRoot, 'dist', 'server', 'main.js') : join(projectRoot, 'server', 'main.ts');
  else entry = join(projectRoot, 'test', 'bench', 'ceiling-server.ts');
  if (entry.endsWith('.ts')) execArgv.push('--import', tsxLoader);
  execArgv.push('--import', probeUrl);

  const args =
    options.kind === 'lectern'
      ? ['--host', '127.0.0.1', '--port', '0', '--data', dataDir, '--content', join(projectRoot, 'content')]
      : ['--port', '0', '--data', dataDir];

  const child: ChildProcess = fork(entry, args, {
    cwd: projectRoot,
    execArgv,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    serialization: 'advanced',
    env: { ...process.env, ...(tuned ? serverEnvironment : {}), LECTERN_ADMIN_PASSWORD: adminPassword, NODE_ENV: 'production', ...options.env },
  });

  if (options.priority !== undefined) setNice(child.pid, options.priority);
  const tail: string[] = [];
  const keep = (chunk: Buffer) => {
    tail.push(chunk.toString());
    if (tail.length > 40) tail.splice(0, tail.length - 40);
  };
  child.stderr!.on('data', keep);
  // For a look at what the server says during a load run (its logs and errors), not kept otherwise.
  if (process.env.LECTERN_SHOW_SERVER_STDERR) child.stderr!.on('data', (c: Buffer) => process.stderr.write(c));

  const port = await new Promise<number>((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`${options.kind} did not start within ${options.startTimeoutMs ?? 30_000} ms:\n${tail.join('')}`)), options.startTimeoutMs ?? 30_000);
    const onData = (chunk: Buffer) => {
      keep(chunk);
      buffer += chunk.toString();
      const m = /(?:listening at|listening on) http:\/\/127\.0\.0\.1:(\d+)/i.exec(buffer);
      if (m) {
        clearTimeout(timer);
        // From here on the output is only drained (and its tail kept).
        buffer = '';
        child.stdout!.off('data', onData);
        child.stdout!.on('data', keep);
        resolve(Number(m[1]));
      } else if (buffer.length > 100_000) buffer = buffer.slice(-1000);
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${options.kind} exited with ${code} before listening:\n${tail.join('')}`));
    });
  });

  // A server that died mid-run must fail the run, not the whole benchmark process.
  child.on('error', () => undefined);
  let nextId = 1;
  const waiting = new Map<number, (m: unknown) => void>();
  child.on('message', (m: { probe?: string; id?: number }) => {
    if (m && typeof m.id === 'number' && waiting.has(m.id)) {
      waiting.get(m.id)!(m);
      waiting.delete(m.id);
    }
  });
  const ask = <T>(probe: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new Error(`the ${options.kind} server's probe did not answer "${probe}"`));
      }, 10_000);
      waiting.set(id, (m) => {
        clearTimeout(timer);
        resolve(m as T);
      });
      if (!child.connected) {
        clearTimeout(timer);
        waiting.delete(id);
        reject(new Error(`the ${options.kind} server has exited (${child.exitCode ?? child.signalCode})`));
        return;
      }
      child.send({ probe, id });
    });

  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const pid = child.pid!;
  return {
    kind: options.kind,
    pid,
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    dataDir,
    databaseFile: join(dataDir, options.kind === 'lectern' ? 'lectern.sqlite' : 'ceiling.sqlite'),
    adminPassword,
    resetProbe: async () => {
      await ask('reset');
    },
    readProbe: () => ask<ProbeStats>('read'),
    readMemory: () => ask<{ memory: NodeJS.MemoryUsage; spaces: { name: string; size: number; used: number }[] }>('memory'),
    peakRssMb: () => readPeakRss(pid),
    rssMb: () => readStatusMb(pid, 'VmRSS'),
    resetPeakRss: () => {
      try {
        writeFileSync(`/proc/${pid}/clear_refs`, '5');
        return true;
      } catch {
        return false;
      }
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
    cleanUp: () => rmSync(dataDir, { recursive: true, force: true }),
    output: () => tail.join(''),
  };
}

/** Sets a process's nice value if allowed; returns whether it was set. */
export function setNice(pid: number | undefined, priority: number): boolean {
  if (pid === undefined) return false;
  try {
    setPriority(pid, priority);
    return true;
  } catch {
    return false;
  }
}

export function readPeakRss(pid: number): number | null {
  return readStatusMb(pid, 'VmHWM');
}

function readStatusMb(pid: number, field: 'VmHWM' | 'VmRSS'): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status);
    return m ? Math.round((Number(m[1]) / 1024) * 10) / 10 : null;
  } catch {
    return null;
  }
}
