import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../../../server/audit/audit-log.js';
import { AuditRepo } from '../../../server/audit/audit.repo.js';
import { chainHash } from '../../../server/audit/chain-hash.js';
import { verifyChain } from '../../../server/audit/verify-chain.js';
import { verdictLines } from '../../../server/audit/verdict-text.js';
import { closeDatabase } from '../../../server/db/connection.js';
import { openDatabase } from '../../../server/db/open-database.js';
import { projectRoot } from '../../../server/paths.js';

// The chain is tampered with as someone holding the file would: the append-only triggers
// dropped, then rows updated, deleted or swapped with plain SQL.

let dir: string;
let file: string;
let heads: string[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lectern-audit-'));
  file = join(dir, 'lectern.sqlite');
  const db = openDatabase(file);
  const log = new AuditLog(db);
  heads = [];
  for (let i = 1; i <= 8; i++) heads.push(log.append({ actorKind: 'account', actorId: 1, sessionId: 3, action: `step.${i}`, detail: { i } }, 1_700_000_000_000 + i * 1000));
  closeDatabase(db);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function tamper(sql: (db: Database.Database) => void): void {
  const db = new Database(file);
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  sql(db);
  db.close();
}

function verdict(head?: string) {
  const db = openDatabase(file);
  try {
    return verifyChain(new AuditRepo(db).chain(), head);
  } finally {
    closeDatabase(db);
  }
}

describe('audit:verify', () => {
  it('finds an intact chain intact, and the recorded head in it', () => {
    const v = verdict(heads[4]);
    expect(v).toMatchObject({ rows: 8, head: heads[7], firstBreak: null, recordedHead: { digest: heads[4], row: { id: 5 } } });
    expect(verdictLines('en', v)).toEqual({ lines: [`The audit log is intact: 8 entries, head ${heads[7]}.`, `The recorded head ${heads[4]} is entry #5: the log was not rewritten up to it.`], sound: true });
  });

  it('names one changed row', () => {
    tamper((db) => db.prepare("UPDATE audit_log SET detail = '{\"i\":99}' WHERE id = 4").run());
    const v = verdict();
    expect(v.firstBreak).toMatchObject({ kind: 'changed', row: { id: 4, action: 'step.4' } });
    expect(verdictLines('fr', v)).toEqual({ lines: [`Le journal d’audit a été modifié : l’entrée n° 4 (step.4, ${new Date(1_700_000_004_000).toISOString()}) ne correspond plus à son empreinte.`], sound: false });
  });

  it('names the entry after one removed row', () => {
    tamper((db) => db.prepare('DELETE FROM audit_log WHERE id = 3').run());
    expect(verdict().firstBreak).toMatchObject({ kind: 'removed', row: { id: 4 } });
  });

  it('names two swapped rows as reordered', () => {
    tamper((db) => {
      // Swap the content of rows 5 and 6, ids kept: each row's hash still matches its content.
      const rows = db.prepare('SELECT * FROM audit_log WHERE id IN (5, 6) ORDER BY id').all() as Record<string, unknown>[];
      const set = db.prepare('UPDATE audit_log SET at = @at, action = @action, detail = @detail, prev_hash = @prev_hash, hash = @hash WHERE id = @target');
      set.run({ ...rows[1], target: 5 });
      set.run({ ...rows[0], target: 6 });
    });
    expect(verdict().firstBreak).toMatchObject({ kind: 'reordered', row: { id: 5, action: 'step.6' } });
  });

  it('catches a chain recomputed after an edit against a head recorded before it', () => {
    tamper((db) => {
      db.prepare("UPDATE audit_log SET detail = '{\"i\":42}' WHERE id = 2").run();
      // Every hash redone from the edited row on: the chain holds together again.
      const rows = db.prepare('SELECT * FROM audit_log ORDER BY id').all() as { id: number; at: number; actor_kind: 'account'; actor_id: number; session_id: number; action: string; detail: string; hash: string }[];
      let prev = '0'.repeat(64);
      for (const r of rows) {
        const hash = chainHash(prev, r.at, { actorKind: r.actor_kind, actorId: r.actor_id, sessionId: r.session_id, action: r.action }, r.detail);
        db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, hash, r.id);
        prev = hash;
      }
    });
    expect(verdict().firstBreak).toBeNull();
    const v = verdict(heads[7]);
    expect(v.recordedHead).toEqual({ digest: heads[7], row: null });
    expect(verdictLines('en', v)).toMatchObject({ sound: false, lines: [expect.stringContaining('intact'), `The recorded head ${heads[7]} is not in this log: it was rewritten or cut since the head was noted.`] });
  });

  it('runs as a command on a file, exit code 1 and the sentence when broken, the file left as it was', async () => {
    tamper((db) => db.prepare('DELETE FROM audit_log WHERE id = 6').run());
    const before = readFileSync(file);
    const run = promisify(execFile);
    const failed = await run(process.execPath, ['--import', 'tsx', join(projectRoot, 'server/cli/audit-verify.ts'), '--file', file, '--head', heads[7]!], { cwd: projectRoot, env: { ...process.env, LECTERN_LANG: 'en' } }).then(
      () => null,
      (err: { code: number; stderr: string }) => err,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr.trim().split('\n')).toEqual([
      `The audit log lost entries: some are missing before entry #7 (step.7, ${new Date(1_700_000_007_000).toISOString()}).`,
      `The recorded head ${heads[7]} is entry #8: the log was not rewritten up to it.`,
    ]);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
