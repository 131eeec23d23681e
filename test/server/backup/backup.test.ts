import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/build-app.js';
import { databaseFile } from '../../../server/db/connection.js';
import { takeBackup } from '../../../server/db/backup/take-backup.js';
import { listBackups, rotateBackups, sha256OfFile } from '../../../server/db/backup/backup-files.js';
import { restoreBackup } from '../../../server/db/backup/restore.js';
import { startBackupScheduler } from '../../../server/db/backup/scheduler.js';
import { pidFileName } from '../../../server/db/data-lock.js';
import { verifyChain } from '../../../server/audit/verify-chain.js';
import { AuditRepo } from '../../../server/audit/audit.repo.js';
import { openDatabaseReadOnly } from '../../../server/db/open-database.js';
import { closeDatabase } from '../../../server/db/connection.js';

let t: TestApp;
let scratch: string;
beforeEach(async () => {
  t = await buildTestApp();
  scratch = mkdtempSync(join(tmpdir(), 'lectern-backup-test-'));
});
afterEach(async () => {
  await t.close();
  rmSync(scratch, { recursive: true, force: true });
});

const append = (i: number) => t.app.audit.append({ actorKind: 'system', action: 'test.burst', detail: { i, text: 'x'.repeat(200) } });

/** The audit rows of a database file, read-only. */
function chainOf(file: string) {
  const db = openDatabaseReadOnly(file);
  try {
    return new AuditRepo(db).chain();
  } finally {
    closeDatabase(db);
  }
}

// Each backup starts a worker thread (through tsx, from the sources): seconds on a loaded machine.
describe('a backup', { timeout: 120_000 }, () => {
  it('taken during a burst of writes is intact, named with its time, and its manifest holds its size, hash and audit head', async () => {
    for (let i = 0; i < 200; i++) append(i);
    const before = t.app.audit.head();
    let writing = true;
    let written = 0;
    // Writes go on, on the main thread, between the backup thread's steps.
    const burst = (async () => {
      while (writing) {
        for (let k = 0; k < 20; k++) append(1000 + written++);
        await new Promise((r) => setImmediate(r));
      }
    })();
    const outcome = await takeBackup(databaseFile(t.app.db), { primary: join(t.dataDir, 'backups'), secondary: join(scratch, 'usb') }, 'interval', Date.UTC(2026, 11, 1, 13, 45, 0, 123));
    writing = false;
    await burst;
    expect(written).toBeGreaterThan(0);

    const m = outcome.manifest;
    expect(m.file).toBe('lectern-2026-12-01T13-45-00-123Z.sqlite');
    expect(outcome.written).toEqual([join(t.dataDir, 'backups', m.file), join(scratch, 'usb', m.file)]);
    expect(outcome.secondaryError).toBeNull();
    for (const path of outcome.written) {
      expect(await sha256OfFile(path)).toBe(m.sha256);
      expect(readFileSync(path).length).toBe(m.bytes);
      expect(JSON.parse(readFileSync(path.replace(/\.sqlite$/, '.json'), 'utf8'))).toEqual(m);
    }
    // One self-contained file: no write-ahead log beside it.
    expect(readdirSync(join(t.dataDir, 'backups')).sort()).toEqual([m.file.replace('.sqlite', '.json'), m.file]);
    const copied = chainOf(outcome.written[0]!);
    expect(verifyChain(copied).firstBreak).toBeNull();
    expect(m.auditHead).toBe(copied.at(-1)!.hash);
    // The copy is the database at one moment: the burst's rows up to some point, in order.
    const live = t.app.audit.verify();
    expect(live.ok).toBe(true);
    expect(copied.length).toBeGreaterThanOrEqual(200);
    expect(copied.some((r) => r.hash === before)).toBe(true);
  });

  it('restores into a new data folder, and the restored database holds the backup’s rows', async () => {
    for (let i = 0; i < 50; i++) append(i);
    const { manifest, written } = await takeBackup(databaseFile(t.app.db), { primary: join(t.dataDir, 'backups') }, 'on-demand');
    const target = join(scratch, 'restored');
    const result = await restoreBackup(written[0]!, target);
    expect(result).toMatchObject({ ok: true, databaseFile: join(target, 'lectern.sqlite'), auditHead: manifest.auditHead, replaced: null });
    expect(chainOf(join(target, 'lectern.sqlite')).at(-1)!.hash).toBe(manifest.auditHead);
  });

  it('restoring over a database keeps the replaced one aside', async () => {
    const { written } = await takeBackup(databaseFile(t.app.db), { primary: join(t.dataDir, 'backups') }, 'on-demand');
    const target = join(scratch, 'restored');
    await restoreBackup(written[0]!, target);
    const again = await restoreBackup(written[0]!, target);
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    expect(again.replaced).toMatch(/lectern\.sqlite\.replaced-\d+$/);
    expect(existsSync(again.replaced!)).toBe(true);
  });

  it('refuses a damaged backup, and a backup that no longer matches its manifest, restoring nothing', async () => {
    for (let i = 0; i < 300; i++) append(i);
    const { written } = await takeBackup(databaseFile(t.app.db), { primary: join(t.dataDir, 'backups') }, 'on-demand');
    const damaged = join(scratch, 'damaged.sqlite');
    const bytes = readFileSync(written[0]!);
    bytes.fill(0xa5, 4096 * 3, 4096 * 3 + 2000);
    writeFileSync(damaged, bytes);
    const target = join(scratch, 'restored');
    expect(await restoreBackup(damaged, target)).toMatchObject({ ok: false, refusal: { reason: 'damaged', file: damaged } });
    expect(existsSync(join(target, 'lectern.sqlite'))).toBe(false);

    // Bytes added at the end: SQLite still reads it, the manifest's hash does not match.
    appendFileSync(written[0]!, Buffer.from('tampered'));
    expect(await restoreBackup(written[0]!, target)).toMatchObject({ ok: false, refusal: { reason: 'altered' } });
    expect(await restoreBackup(join(scratch, 'none.sqlite'), target)).toMatchObject({ ok: false, refusal: { reason: 'missing' } });
    expect(existsSync(join(target, 'lectern.sqlite'))).toBe(false);
  });

  it('refuses while a server process runs on the folder, and not after it is gone', async () => {
    const { written } = await takeBackup(databaseFile(t.app.db), { primary: join(t.dataDir, 'backups') }, 'on-demand');
    const target = join(scratch, 'live');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(target);
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      writeFileSync(join(target, pidFileName), `${other.pid}\n`);
      expect(await restoreBackup(written[0]!, target)).toEqual({ ok: false, refusal: { reason: 'server-running', dataDir: target, pid: other.pid } });
    } finally {
      await new Promise((r) => {
        other.once('exit', r);
        other.kill('SIGKILL');
      });
    }
    // The pid file of a killed server names no live process.
    expect(await restoreBackup(written[0]!, target)).toMatchObject({ ok: true });
  });
});

describe('the rotation', { timeout: 120_000 }, () => {
  it('keeps the newest backups and the session ends, and never deletes the last good one', async () => {
    const dir = join(t.dataDir, 'backups');
    const file = databaseFile(t.app.db);
    const at = (minute: number) => Date.UTC(2026, 11, 1, 14, minute);
    const noRotation = { keepLatest: 1000, keepSessionEnds: 1000 };
    await takeBackup(file, { primary: dir, rotation: noRotation }, 'interval', at(0));
    await takeBackup(file, { primary: dir, rotation: noRotation }, 'session-end', at(1));
    await takeBackup(file, { primary: dir, rotation: noRotation }, 'interval', at(2));
    await takeBackup(file, { primary: dir, rotation: noRotation }, 'interval', at(3));
    // A copy left half-written by a crash: no manifest, so it neither counts nor is deleted.
    writeFileSync(join(dir, 'lectern-2026-12-01T14-04-00-000Z.sqlite'), 'half a copy');

    expect(rotateBackups(dir, { keepLatest: 2, keepSessionEnds: 1 })).toEqual(['lectern-2026-12-01T14-00-00-000Z.sqlite']);
    expect(listBackups(dir).map((b) => b.file)).toEqual(['lectern-2026-12-01T14-03-00-000Z.sqlite', 'lectern-2026-12-01T14-02-00-000Z.sqlite', 'lectern-2026-12-01T14-01-00-000Z.sqlite']);
    // Even a rule that keeps nothing keeps the newest good backup.
    rotateBackups(dir, { keepLatest: 0, keepSessionEnds: 0 });
    expect(listBackups(dir).map((b) => b.file)).toEqual(['lectern-2026-12-01T14-03-00-000Z.sqlite']);
    expect(existsSync(join(dir, 'lectern-2026-12-01T14-04-00-000Z.sqlite'))).toBe(true);
  });
});

describe('the backups\' retention period', { timeout: 120_000 }, () => {
  it('deletes backups older than the period even when the counts would keep them, except the newest', async () => {
    const dir = join(t.dataDir, 'backups-age');
    const file = databaseFile(t.app.db);
    const day = (d: number) => Date.UTC(2026, 10, d, 9);
    const noRotation = { keepLatest: 1000, keepSessionEnds: 1000 };
    await takeBackup(file, { primary: dir, rotation: noRotation }, 'session-end', day(1));
    await takeBackup(file, { primary: dir, rotation: noRotation }, 'interval', day(10));
    await takeBackup(file, { primary: dir, rotation: noRotation }, 'interval', day(20));
    const thirtyDays = 30 * 24 * 60 * 60 * 1000;
    // On 5 December, the backup of 1 November is 34 days old: it goes, session end or not.
    expect(rotateBackups(dir, { ...noRotation, maxAgeMs: thirtyDays }, Date.UTC(2026, 11, 5, 9))).toEqual(['lectern-2026-11-01T09-00-00-000Z.sqlite']);
    // Months later every backup is too old; the newest good one stays all the same.
    expect(rotateBackups(dir, { ...noRotation, maxAgeMs: thirtyDays }, Date.UTC(2027, 5, 1))).toEqual(['lectern-2026-11-10T09-00-00-000Z.sqlite']);
    expect(listBackups(dir).map((b) => b.file)).toEqual(['lectern-2026-11-20T09-00-00-000Z.sqlite']);
  });
});

describe('the scheduler', { timeout: 120_000 }, () => {
  it('backs up at its interval while a session runs, and once more when it ends', async () => {
    let sessions = [1];
    const reasons: string[] = [];
    const errors: string[] = [];
    const scheduler = startBackupScheduler({
      databaseFile: databaseFile(t.app.db),
      targets: { primary: join(t.dataDir, 'backups') },
      intervalMs: 150,
      pollMs: 30,
      activeSessions: () => sessions,
      onBackup: (o) => reasons.push(o.manifest.reason),
      onError: (m) => errors.push(m),
    });
    const until = async (ok: () => boolean) => {
      const deadline = Date.now() + 90_000;
      while (!ok() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    };
    await until(() => reasons.length >= 2);
    sessions = [];
    await until(() => reasons.includes('session-end'));
    const count = reasons.length;
    await new Promise((r) => setTimeout(r, 400));
    await scheduler.stop();
    expect(errors).toEqual([]);
    expect(reasons.slice(0, 2)).toEqual(['interval', 'interval']);
    expect(reasons.at(-1)).toBe('session-end');
    // No session under way: no more backups.
    expect(reasons.length).toBe(count);
    expect(listBackups(join(t.dataDir, 'backups')).length).toBe(count);
  });
});

describe('the copy is SQLite’s own file', { timeout: 120_000 }, () => {
  it('opens as a database in rollback-journal mode', async () => {
    const { written } = await takeBackup(databaseFile(t.app.db), { primary: join(t.dataDir, 'backups') }, 'on-demand');
    const db = new Database(written[0], { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    } finally {
      db.close();
    }
  });
});
