// The audit log's own retention period (issue 14, item 3): entries older than it are removed, an
// anchor keeps the last removed entry's hash, and what is kept still verifies: a removal beyond
// the anchor, or a change to a kept entry, is still caught. On a real SQLite file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../../../server/audit/audit-log.js';
import { AuditRepo } from '../../../server/audit/audit.repo.js';
import { expireAuditEntries } from '../../../server/audit/audit-trim.js';
import { verifyChain } from '../../../server/audit/verify-chain.js';
import { verdictLines } from '../../../server/audit/verdict-text.js';
import { closeDatabase } from '../../../server/db/connection.js';
import { openDatabase } from '../../../server/db/open-database.js';
import { runPurge } from '../../../server/cli/purge.js';
import { DAY_MS } from '../../../server/privacy/retention-policy.js';

const NOW = new Date(2031, 5, 1, 12).getTime();
const YEAR = 365 * DAY_MS;
// Entries 1-3 six years old, 4-5 four years old, 6 today: with the 5-year default, 1-3 are due.
const AGES = [6 * YEAR + 3000, 6 * YEAR + 2000, 6 * YEAR + 1000, 4 * YEAR, 4 * YEAR - 1000, 0];

let dir: string;
let file: string;
let heads: string[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lectern-audit-expiry-'));
  file = join(dir, 'lectern.sqlite');
  const db = openDatabase(file);
  const log = new AuditLog(db);
  heads = AGES.map((age, i) => log.append({ actorKind: 'account', actorId: 1, sessionId: 2, action: `step.${i + 1}`, detail: { i } }, NOW - age));
  closeDatabase(db);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function withDb<T>(fn: (db: ReturnType<typeof openDatabase>) => T): T {
  const db = openDatabase(file);
  try {
    return fn(db);
  } finally {
    closeDatabase(db);
  }
}

const fiveYearsAgo = NOW - 5 * YEAR;

describe('the audit log past its retention period', () => {
  it('removes the entries older than the period, keeps an anchor, and the kept chain verifies from it', () => {
    const expiry = withDb((db) => expireAuditEntries(db, new AuditLog(db), fiveYearsAgo, { kind: 'console' }, { dryRun: false, now: NOW }));
    expect(expiry).toEqual({ before: fiveYearsAgo, entries: 3, throughAt: NOW - AGES[2]! });
    withDb((db) => {
      const repo = new AuditRepo(db);
      const rows = repo.chain();
      // Entries 4 to 6 kept, then the removal's own entry, linked to the newest kept.
      expect(rows.map((r) => r.action)).toEqual(['step.4', 'step.5', 'step.6', 'audit.expired']);
      expect(JSON.parse(rows[3]!.detail)).toEqual({ entries: 3, throughId: 3, throughAt: NOW - AGES[2]!, throughHash: heads[2], via: 'console' });
      expect(repo.anchor()).toMatchObject({ at: NOW, throughId: 3, throughAt: NOW - AGES[2]!, throughHash: heads[2], removed: 3 });
      const verdict = verifyChain(rows, heads[5], repo.anchor());
      expect(verdict.firstBreak).toBeNull();
      expect(verdict.recordedHead?.row?.action).toBe('step.6');
      expect(new AuditLog(db).verify()).toEqual({ ok: true, rows: 4 });
      // Without its anchor, the same kept chain reads as entries removed: the anchor is what proves the cut.
      expect(verifyChain(rows).firstBreak).toMatchObject({ kind: 'removed', row: { action: 'step.4' } });
    });
  });

  it('a dry run counts what is due and changes nothing; with nothing due, nothing is anchored', () => {
    const dry = withDb((db) => expireAuditEntries(db, new AuditLog(db), fiveYearsAgo, { kind: 'console' }, { dryRun: true, now: NOW }));
    expect(dry.entries).toBe(3);
    const none = withDb((db) => expireAuditEntries(db, new AuditLog(db), NOW - 7 * YEAR, { kind: 'account', id: 1 }, { dryRun: false, now: NOW }));
    expect(none).toEqual({ before: NOW - 7 * YEAR, entries: 0, throughAt: null });
    withDb((db) => {
      expect(new AuditRepo(db).chain()).toHaveLength(6);
      expect(new AuditRepo(db).anchor()).toBeUndefined();
    });
  });

  it('the database still refuses to remove a kept entry, or to change or remove an anchor', () => {
    withDb((db) => expireAuditEntries(db, new AuditLog(db), fiveYearsAgo, { kind: 'console' }, { dryRun: false, now: NOW }));
    const raw = new Database(file);
    try {
      expect(() => raw.prepare('DELETE FROM audit_log WHERE id = 4').run()).toThrow(/append-only/);
      expect(() => raw.prepare('UPDATE audit_log SET action = ? WHERE id = 5').run('x')).toThrow(/append-only/);
      expect(() => raw.prepare('UPDATE audit_anchor SET through_id = 5').run()).toThrow(/append-only/);
      expect(() => raw.prepare('DELETE FROM audit_anchor').run()).toThrow(/append-only/);
    } finally {
      raw.close();
    }
  });

  it('an entry removed beyond the anchor, by someone who dropped the triggers, is named', () => {
    withDb((db) => expireAuditEntries(db, new AuditLog(db), fiveYearsAgo, { kind: 'console' }, { dryRun: false, now: NOW }));
    const raw = new Database(file);
    raw.exec('DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id = 4;');
    raw.close();
    const verdict = withDb((db) => {
      const repo = new AuditRepo(db);
      return verifyChain(repo.chain(), undefined, repo.anchor());
    });
    expect(verdict.firstBreak).toMatchObject({ kind: 'removed', row: { action: 'step.5' } });
  });

  it('audit:verify says where the kept chain starts, and why a head older than it is not found, in French and English', () => {
    withDb((db) => expireAuditEntries(db, new AuditLog(db), fiveYearsAgo, { kind: 'console' }, { dryRun: false, now: NOW }));
    const verdict = withDb((db) => {
      const repo = new AuditRepo(db);
      return verifyChain(repo.chain(), heads[0], repo.anchor());
    });
    const through = new Date(NOW - AGES[2]!);
    const fr = verdictLines('fr', verdict);
    expect(fr.sound).toBe(false);
    expect(fr.lines[0]).toBe(`Les 3 entrées les plus anciennes, jusqu’au ${through.toLocaleDateString('fr-FR')}, ont été retirées le ${new Date(NOW).toLocaleDateString('fr-FR')} à la fin de leur durée de conservation : la chaîne est vérifiée à partir de la dernière retirée.`);
    expect(fr.lines[2]).toContain('elle est antérieure aux entrées retirées le');
    const en = verdictLines('en', verdict);
    expect(en.lines[0]).toContain('The 3 oldest entries, up to');
    expect(en.lines[1]).toBe(`The audit log is intact: 4 entries, head ${verdict.head}.`);
  });

  it('npm run purge removes them at the audit log’s own period, whatever --before says, and says so', () => {
    const lines: string[] = [];
    const dry = runPurge(['--data', dir, '--before', '2031-05-01', '--dry-run', '--lang', 'en'], {}, (l) => lines.push(l), NOW);
    expect(dry).toBe(0);
    expect(lines.join('\n')).toContain('Audit log: 3 entries older than 1825 days would be removed');
    lines.length = 0;
    // A shorter period from the configuration: the four-year-old entries are due too.
    const code = runPurge(['--data', dir, '--lang', 'en'], { LECTERN_RETAIN_AUDIT_DAYS: String(3 * 365) }, (l) => lines.push(l), NOW);
    expect(code).toBe(0);
    expect(lines.join('\n')).toContain('Audit log: 5 entries older than 1095 days removed');
    withDb((db) => {
      const repo = new AuditRepo(db);
      expect(repo.chain().map((r) => r.action)).toEqual(['step.6', 'audit.expired']);
      expect(verifyChain(repo.chain(), undefined, repo.anchor()).firstBreak).toBeNull();
    });
  });
});
