// Item 3: under a service manager (stdout not a terminal) the start-up banner is plain lines a
// person reads in the journal, and every log line is one JSON object: never one inside the other.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { projectRoot } from '../../../server/paths.js';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

it('prints the banner as plain lines and the logs as JSON lines', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lectern-banner-'));
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'server/main.ts'), '--host', '127.0.0.1', '--port', String(port), '--data', dataDir, '--demo'], {
    cwd: projectRoot,
    env: { ...process.env, LECTERN_ADMIN_PASSWORD: 'banner-test-password-01' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    const deadline = Date.now() + 80_000;
    while (!stdout.includes('Administration')) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`no banner:\n${stdout}\n${stderr}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  } finally {
    child.kill('SIGTERM');
  }
  expect(await exited).toBe(0);
  rmSync(dataDir, { recursive: true, force: true });

  const lines = stdout.split('\n').filter((l) => l.trim() !== '');
  const json = lines.filter((l) => l.startsWith('{'));
  const banner = lines.filter((l) => !l.startsWith('{'));
  for (const line of json) {
    const entry = JSON.parse(line) as { level: number; msg?: string };
    expect(typeof entry.level).toBe('number');
    expect(line).not.toMatch(/Lectern is running|proctor:\s/);
  }
  expect(json.some((l) => l.includes('SIGTERM: closing sockets'))).toBe(true);
  expect(banner).toContain('First start: account "admin" created with the password from LECTERN_ADMIN_PASSWORD.');
  expect(banner.some((l) => /^ {2}proctor: {3}\S+ \/ \S+$/.test(l))).toBe(true);
  expect(banner.some((l) => /^ {2}corrector: \S+ \/ \S+$/.test(l))).toBe(true);
  expect(banner).toContain(`  Proctor dashboard  http://127.0.0.1:${port}/proctor`);
  expect(banner).toContain(`  Candidate kiosk    http://127.0.0.1:${port}/`);
  expect(stderr).toBe('');
}, 120_000);
