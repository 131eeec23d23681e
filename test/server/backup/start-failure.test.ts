import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, bundledContentDir, createStaff, type TestApp } from '../../helpers/build-app.js';
import { buildApp } from '../../../server/app.js';
import { AuditLog } from '../../../server/audit/audit-log.js';
import { closeDatabase } from '../../../server/db/connection.js';
import { openDatabase } from '../../../server/db/open-database.js';
import { takeBackup } from '../../../server/db/backup/take-backup.js';
import { checkDatabaseAtStart } from '../../../server/db/start-check.js';
import { concernsDatabase, startFailureSentence } from '../../../server/db/start-failure.js';
import { EXIT_FIX_FIRST } from '../../../server/exit-codes.js';
import { projectRoot } from '../../../server/paths.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lectern-start-'));
  chmodSync(dir, 0o755);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `tsx server/main.ts` on a data folder, to its exit (bounded). */
function startServer(dataDir: string, options: { uid?: number; gid?: number } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'server/main.ts'), '--host', '127.0.0.1', '--port', '0', '--data', dataDir], {
      cwd: projectRoot,
      env: { ...process.env, LECTERN_ADMIN_PASSWORD: 'test-admin-password-0123', LECTERN_LANG: 'fr' },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...options,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not exit within 60 s:\n${stdout}\n${stderr}`));
    }, 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** A data folder with a database of a few hundred audit rows and one backup of it. */
async function dataFolderWithBackup(): Promise<{ dataDir: string; file: string; backup: string }> {
  const dataDir = join(dir, 'data');
  mkdirSync(dataDir);
  const file = join(dataDir, 'lectern.sqlite');
  const db = openDatabase(file);
  const log = new AuditLog(db);
  for (let i = 0; i < 400; i++) log.append({ actorKind: 'system', action: 'test.row', detail: { i, text: 'y'.repeat(300) } });
  closeDatabase(db);
  const { written } = await takeBackup(file, { primary: join(dataDir, 'backups') }, 'on-demand');
  return { dataDir, file, backup: written[0]! };
}

function expectOneSentence(run: Run, pattern: RegExp): void {
  expect(run.code).toBe(EXIT_FIX_FIRST);
  const lines = run.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(run.stderr + run.stdout).not.toMatch(/^\s+at /m);
}

describe('start-up on a database that cannot be used', { timeout: 180_000 }, () => {
  it('a damaged file: one sentence naming the newest good backup and the restore command; the command restores, the app starts on it', async () => {
    const { dataDir, file, backup } = await dataFolderWithBackup();
    const bytes = readFileSync(file);
    bytes.fill(0xa5, 4096 * 4, 4096 * 12);
    writeFileSync(file, bytes);

    const run = await startServer(dataDir);
    expectOneSentence(run, /^La base de données .*lectern\.sqlite est endommagée \(.+\) : restaurez la sauvegarde intacte la plus récente avec « npm run restore -- (\S+) --data (\S+) », puis relancez\.$/);
    expect(run.stderr).toContain(`npm run restore -- ${backup} --data ${dataDir} »`);

    // What the sentence says to do, done: the server then starts on the folder.
    const restore = await new Promise<Run>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'server/cli/restore.ts'), backup, '--data', dataDir], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.once('exit', (code) => resolve({ code, stdout, stderr }));
    });
    expect(restore).toMatchObject({ code: 0, stderr: '' });
    // The app (what main.ts starts) opens the restored folder, its checks pass, it takes a write.
    const app = await buildApp({ dataDir, contentDir: bundledContentDir });
    try {
      expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('a read-only data folder: one sentence, and the exit code a service unit does not restart on', async () => {
    const { dataDir } = await dataFolderWithBackup();
    const asRoot = process.getuid?.() === 0;
    // Root writes anywhere: the server then runs as nobody, on a folder that is root's.
    if (!asRoot) chmodSync(dataDir, 0o555);
    const run = await startServer(dataDir, asRoot ? { uid: 65534, gid: 65534 } : {});
    if (!asRoot) chmodSync(dataDir, 0o755);
    expectOneSentence(run, /^Lectern ne peut pas écrire dans son dossier de données .*data : donnez le droit d’y écrire/);
  });
});

describe('a full disk', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp();
  });
  afterEach(async () => {
    await t.close();
  });

  /** SQLite's own SQLITE_FULL: the file may not grow past the pages it has, and those are filled. */
  function fillTheDisk(): void {
    const sqlite = t.app.db.$client;
    sqlite.pragma(`max_page_count = ${Number(sqlite.pragma('page_count', { simple: true }))}`);
    for (let i = 0; i < 10_000; i++) {
      try {
        t.app.audit.append({ actorKind: 'system', action: 'f', detail: {} });
      } catch (err) {
        expect((err as { code: string }).code).toBe('SQLITE_FULL');
        return;
      }
    }
    throw new Error('the database never filled');
  }

  it('/healthz answers 503 disk-full once the database cannot take a write, 200 before', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    fillTheDisk();
    const r = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(r.statusCode).toBe(503);
    expect(r.json()).toEqual({ error: { code: 'disk-full', message: 'The disk is full: the database cannot take a write.' } });
  });

  it('a staff login gets a clear disk-full error, not a 500, and the start-up check words it in one sentence', async () => {
    const staff = await createStaff(t.app, 'proctor');
    fillTheDisk();
    const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: staff.username, password: staff.password } });
    expect(r.statusCode).toBe(507);
    expect(r.json()).toEqual({ error: { code: 'disk-full', message: 'The server’s disk is full: nothing was saved. Tell the administrator.' } });

    let thrown: unknown;
    try {
      checkDatabaseAtStart(t.app.db);
    } catch (err) {
      thrown = err;
    }
    expect((thrown as { code?: string }).code).toBe('SQLITE_FULL');
    expect(startFailureSentence(thrown, { dataDir: t.dataDir, databaseFile: join(t.dataDir, 'lectern.sqlite') }, 'en')).toBe(
      `The disk of the data folder ${t.dataDir} is full: free some space (or choose another folder with --data), then start again.`,
    );
  });
});


describe('which start-up errors are the database’s', () => {
  it('SQLite’s errors and file-system refusals on the data folder, not others', () => {
    const fsError = (code: string, path: string) => Object.assign(new Error(code), { code, path });
    expect(concernsDatabase(Object.assign(new Error('full'), { code: 'SQLITE_FULL' }), '/srv/lectern/data')).toBe(true);
    expect(concernsDatabase(fsError('EACCES', '/srv/lectern/data'), '/srv/lectern/data')).toBe(true);
    expect(concernsDatabase(fsError('EACCES', '/srv/lectern'), '/srv/lectern/data')).toBe(true);
    expect(concernsDatabase(fsError('EROFS', '/srv/lectern/data/lectern.sqlite'), '/srv/lectern/data')).toBe(true);
    expect(concernsDatabase(fsError('EACCES', '/srv/lectern/content/pack'), '/srv/lectern/data')).toBe(false);
    expect(concernsDatabase(new Error('a bug'), '/srv/lectern/data')).toBe(false);
  });
});
