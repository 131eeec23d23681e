// Item 2: once built, Lectern runs from its production dependencies alone (npm ci --omit=dev on
// the exam server): no tsx, esbuild or TypeScript. The built server is started from a copy of the
// project whose node_modules holds only what `npm ls --omit=dev` lists.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSpecifiers } from '../../architecture/import-graph.js';
import { projectRoot } from '../../../server/paths.js';
import { buildIfStale } from '../../helpers/build-once.js';
import { serverEnvironment, serverNodeFlags } from '../../../bin/server-tuning.mjs';

const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? jsFiles(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : []));
}

const packageOf = (specifier: string) => (specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!);

beforeAll(() => {
  // The same command npm start runs: builds only what is stale (nothing, usually).
  buildIfStale();
}, 620_000);

describe('the built server', () => {
  it('imports only Node built-ins and production dependencies', () => {
    const found = new Map<string, string>();
    for (const file of jsFiles(join(projectRoot, 'dist', 'server'))) {
      for (const specifier of importSpecifiers(readFileSync(file, 'utf8'))) {
        if (specifier.startsWith('.') || specifier.startsWith('node:') || builtinModules.includes(specifier)) continue;
        found.set(packageOf(specifier), relative(projectRoot, file));
      }
    }
    const notProduction = [...found].filter(([name]) => !(name in pkg.dependencies)).map(([name, file]) => `${name} (${file})`);
    expect(notProduction).toEqual([]);
    // The server is bundled (bin/build-server.mjs): Fastify is inside main.js, and what is still
    // imported at run time is the native or self-locating modules kept outside the bundles.
    expect([...found.keys()].sort()).toEqual(['better-sqlite3', 'xmllint-wasm']);
    const main = readFileSync(join(projectRoot, 'dist', 'server', 'main.js'), 'utf8');
    expect(main).toContain('node_modules/fastify/fastify.js');
    // Written as ASCII (bin/ascii-source.mjs), so that V8 keeps it at one byte a character.
    for (const file of jsFiles(join(projectRoot, 'dist', 'server'))) expect(/[\u0080-\uffff]/.exec(readFileSync(file, 'utf8')), relative(projectRoot, file)).toBeNull();
  });

  describe('started from a copy with the production dependencies only', () => {
    let copy = '';
    beforeAll(() => {
      copy = mkdtempSync(join(tmpdir(), 'lectern-prod-'));
      for (const entry of ['package.json', 'package-lock.json', 'bin', 'dist', 'migrations', 'content', 'server', 'client', 'tsconfig.json', 'tsconfig.base.json', 'tsconfig.server.json', 'tsconfig.build.json', 'tsconfig.client.json']) {
        cpSync(join(projectRoot, entry), join(copy, entry), { recursive: true });
      }
      const listed = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: projectRoot, encoding: 'utf8', timeout: 60_000 });
      const topLevel = new Set(listed.split('\n').map((p) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)$/.exec(p)?.[1]).filter((name): name is string => name !== undefined));
      for (const name of topLevel) {
        const target = join(copy, 'node_modules', name);
        mkdirSync(dirname(target), { recursive: true });
        if (!existsSync(target)) symlinkSync(join(projectRoot, 'node_modules', name), target);
      }
    }, 120_000);
    afterAll(() => rmSync(copy, { recursive: true, force: true }));

    it('has no build tool to fall back on', () => {
      for (const tool of ['tsx', 'typescript', 'esbuild', 'vitest', 'drizzle-kit']) expect(existsSync(join(copy, 'node_modules', tool)), tool).toBe(false);
      expect(statSync(join(copy, 'node_modules', 'fastify')).isDirectory()).toBe(true);
    });

    it('answers /healthz, a page and its hashed assets, with no rebuild and no warning', async () => {
      const port = await new Promise<number>((resolve) => {
        const probe = createServer().listen(0, '127.0.0.1', () => {
          const { port } = probe.address() as { port: number };
          probe.close(() => resolve(port));
        });
      });
      const data = join(copy, 'data');
      const child = spawn(process.execPath, [join(copy, 'bin', 'lectern.mjs'), '--host', '127.0.0.1', '--port', String(port), '--data', data], {
        cwd: copy,
        env: { ...process.env, LECTERN_ADMIN_PASSWORD: 'prod-deps-password-0123', NODE_OPTIONS: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      let stderr = '';
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (stderr += d));
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      try {
        const deadline = Date.now() + 60_000;
        let healthy = false;
        while (!healthy && Date.now() < deadline && child.exitCode === null) {
          healthy = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
          if (!healthy) await new Promise((r) => setTimeout(r, 200));
        }
        expect(healthy, `${output}\n${stderr}`).toBe(true);
        // npm start re-runs Node with the server's memory settings, as the same process (the PID
        // systemd watches): bin/server-tuning.mjs.
        const commandLine = readFileSync(`/proc/${child.pid}/cmdline`, 'utf8').split('\0');
        expect(commandLine).toEqual(expect.arrayContaining(serverNodeFlags));
        expect(commandLine.indexOf(serverNodeFlags[0]!)).toBeLessThan(commandLine.findIndex((arg) => arg.endsWith('lectern.mjs')));
        const environment = readFileSync(`/proc/${child.pid}/environ`, 'utf8').split('\0');
        for (const [name, value] of Object.entries(serverEnvironment)) expect(environment).toContain(`${name}=${value}`);
        const page = await fetch(`http://127.0.0.1:${port}/`);
        expect(page.status).toBe(200);
        const kiosk = /src="(\/assets\/kiosk-[0-9a-f]{12}\.js)"/.exec(await page.text())?.[1];
        expect(kiosk).toBeDefined();
        const js = await fetch(`http://127.0.0.1:${port}${kiosk}`, { headers: { 'accept-encoding': 'br' } });
        expect(js.status).toBe(200);
        expect(js.headers.get('content-encoding')).toBe('br');
      } finally {
        child.kill('SIGTERM');
      }
      expect(await exited).toBe(0);
      expect(output).not.toContain('building');
      expect(stderr).toBe('');
    }, 90_000);

    // Issue 11, item 2: the commands run from dist/ with plain Node, on the data the server left.
    it('runs the commands from dist without tsx: a backup, the audit chain check, an unknown command refused', () => {
      const env = { ...process.env, LECTERN_LANG: 'en', NODE_OPTIONS: '' };
      const cli = (...args: string[]) => spawnSync(process.execPath, [join(copy, 'bin', 'cli.mjs'), ...args], { cwd: copy, env, encoding: 'utf8', timeout: 60_000 });
      const data = join(copy, 'data');
      const backup = cli('backup', '--data', data);
      expect(backup.stderr).toBe('');
      expect(backup.status).toBe(0);
      expect(backup.stdout).toMatch(/^Backup \S+lectern-\S+ \(\d+ bytes, integrity checked/);
      const audit = cli('audit-verify', '--data', data);
      expect(audit.stderr).toBe('');
      expect(audit.status).toBe(0);
      const unknown = cli('explode');
      expect(unknown.status).toBe(64);
      expect(unknown.stderr).toMatch(/^Unknown command "explode": one of admin, audit-verify, backup, /);
    }, 120_000);

    it('has every command of package.json run through bin/cli.mjs, not tsx', () => {
      const scripts = (JSON.parse(readFileSync(join(copy, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
      for (const name of ['admin', 'audit:verify', 'backup', 'coordinator-key', 'purge', 'restore', 'content:check', 'content:export-qti', 'content:import-qti']) {
        expect(scripts[name], name).toMatch(/^node bin\/cli\.mjs [a-z-]+$/);
      }
      expect(scripts.start).toBe('node bin/lectern.mjs');
    });
  });
});
