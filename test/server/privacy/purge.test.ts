import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../../../server/audit/audit-log.js';
import { closeDatabase } from '../../../server/db/connection.js';
import { openDatabase, type LecternDb } from '../../../server/db/open-database.js';
import { Purge, purgeBefore, purgeByPolicy } from '../../../server/privacy/purge.js';
import { defaultRetention } from '../../../server/privacy/retention-policy.js';
import { DAY, countsOf, full, seedSessions } from './purge-fixture.js';

const NOW = Date.UTC(2026, 11, 1, 12);

/** The database file's bytes as text, to look for words SQL no longer shows. */
function fileText(dir: string): string {
  return readFileSync(join(dir, 'lectern.sqlite')).toString('latin1');
}
const console = { kind: 'console' } as const;

describe('purge of candidates’ data', () => {
  let dir: string;
  let db: LecternDb;
  let audit: AuditLog;
  let purge: Purge;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lectern-purge-'));
    db = openDatabase(join(dir, 'lectern.sqlite'));
    audit = new AuditLog(db);
    purge = new Purge(db, audit);
  });
  afterEach(() => {
    closeDatabase(db);
    rmSync(dir, { recursive: true, force: true });
  });

  it('deletes answers, marks, names and monitoring of sessions ended before the date, and leaves later sessions whole', () => {
    const ids = seedSessions(db, [
      { code: 'OLD', endedAt: NOW - 400 * DAY, juryExported: true },
      { code: 'NEW', endedAt: NOW - 10 * DAY, juryExported: true },
    ]);
    const done = purge.run(purgeBefore(NOW - 100 * DAY, false), console, NOW);
    expect(done.map((s) => [s.code, s.steps])).toEqual([['OLD', ['monitoring', 'answers', 'names']]]);
    expect(countsOf(db, ids.get('OLD')!)).toEqual({ candidates: 2, names: 0, answers: 0, lateSaves: 0, marks: 0, assignments: 0, events: 0, messages: 0, incidents: 0, receipts: 2, fallbackKeys: 0 });
    expect(countsOf(db, ids.get('NEW')!)).toEqual(full);
    expect(done[0]!.removed).toMatchObject({ answers: 2, lateSaves: 2, answerMarks: 2, scriptMarks: 2, candidateIdentities: 2, supervisionEvents: 2, proctorMessages: 2, messageAcknowledgements: 2, incidents: 2 });
  });

  it('keeps the audit chain verifiable and records the purge in it, without the words of the data', () => {
    seedSessions(db, [{ code: 'OLD', endedAt: NOW - 400 * DAY, juryExported: true }]);
    purge.run(purgeBefore(NOW - 100 * DAY, false), console, NOW);
    expect(audit.verify()).toMatchObject({ ok: true });
    const row = db.$client.prepare<[], { actor_kind: string; detail: string }>("SELECT actor_kind, detail FROM audit_log WHERE action = 'data.purged'").get();
    expect(row?.actor_kind).toBe('system');
    expect(JSON.parse(row!.detail)).toMatchObject({ steps: ['monitoring', 'answers', 'names'], forced: false, via: 'console' });
    expect(row!.detail).not.toContain('Candidate OLD');
  });

  it('keeps the answers and names of a session whose jury export was not made, and deletes its monitoring', () => {
    const ids = seedSessions(db, [{ code: 'NOEXP', endedAt: NOW - 400 * DAY, juryExported: false }]);
    const done = purge.run(purgeBefore(NOW - 100 * DAY, false), console, NOW);
    expect(done[0]!.steps).toEqual(['monitoring']);
    expect(done[0]!.skipped).toEqual([
      { step: 'answers', why: 'no-jury-export' },
      { step: 'names', why: 'no-jury-export' },
    ]);
    expect(countsOf(db, ids.get('NOEXP')!)).toMatchObject({ names: 2, answers: 2, marks: 4, events: 0, messages: 0, incidents: 0 });
  });

  it('deletes without a jury export only when forced, and records that it was forced', () => {
    const ids = seedSessions(db, [{ code: 'NOEXP', endedAt: NOW - 400 * DAY, juryExported: false }]);
    purge.run(purgeBefore(NOW - 100 * DAY, true), console, NOW);
    expect(countsOf(db, ids.get('NOEXP')!)).toMatchObject({ names: 0, answers: 0, marks: 0 });
    const detail = db.$client.prepare<[], { detail: string }>("SELECT detail FROM audit_log WHERE action = 'data.purged'").get()!.detail;
    expect(JSON.parse(detail)).toMatchObject({ forced: true });
    expect(purge.holds().find((s) => s.code === 'NOEXP')).toMatchObject({ forced: true });
  });

  it('a forced purge of a session whose export was made is not recorded as forced', () => {
    seedSessions(db, [{ code: 'EXP', endedAt: NOW - 400 * DAY, juryExported: true }]);
    purge.run(purgeBefore(NOW - 100 * DAY, true), console, NOW);
    expect(purge.holds().find((s) => s.code === 'EXP')).toMatchObject({ forced: false });
  });

  it('touches nothing of a held session, even forced, and purges it once the hold is lifted', () => {
    const ids = seedSessions(db, [{ code: 'HELD', endedAt: NOW - 400 * DAY, juryExported: true }]);
    const admin = db.$client.prepare<[], { id: number }>('SELECT id FROM accounts LIMIT 1').get()!.id;
    purge.setHold(ids.get('HELD')!, { reason: 'Recours du candidat HELDC1' }, admin, NOW - DAY);
    const held = purge.run(purgeBefore(NOW - 100 * DAY, true), console, NOW);
    expect(held[0]!.steps).toEqual([]);
    expect(held[0]!.skipped.map((k) => k.why)).toEqual(['held', 'held', 'held']);
    expect(countsOf(db, ids.get('HELD')!)).toEqual(full);
    purge.setHold(ids.get('HELD')!, null, admin, NOW);
    purge.run(purgeBefore(NOW - 100 * DAY, false), console, NOW);
    expect(countsOf(db, ids.get('HELD')!)).toMatchObject({ names: 0, answers: 0, events: 0 });
    const actions = db.$client.prepare<[], { action: string; detail: string }>("SELECT action, detail FROM audit_log WHERE action LIKE 'data.%' ORDER BY id").all();
    expect(actions.map((a) => a.action)).toEqual(['data.held', 'data.released', 'data.purged']);
    // The hold's reason may name a candidate: the chain keeps its digest only.
    expect(actions[0]!.detail).not.toContain('HELDC1');
  });

  it('by the retention policy, deletes monitoring after 90 days while answers and names stay for a year', () => {
    const ids = seedSessions(db, [
      { code: 'Q', endedAt: NOW - 120 * DAY, juryExported: true },
      { code: 'Y', endedAt: NOW - 370 * DAY, juryExported: true },
    ]);
    purge.run(purgeByPolicy(defaultRetention, NOW, false), console, NOW);
    expect(countsOf(db, ids.get('Q')!)).toMatchObject({ events: 0, messages: 0, incidents: 0, answers: 2, names: 2, marks: 4 });
    expect(countsOf(db, ids.get('Y')!)).toMatchObject({ events: 0, answers: 0, names: 0, marks: 0 });
  });

  it('skips a session that has not ended, whatever the date', () => {
    const ids = seedSessions(db, [{ code: 'RUN', endedAt: null, juryExported: false }]);
    const done = purge.run(purgeBefore(NOW, true), console, NOW);
    expect(done).toEqual([]);
    expect(countsOf(db, ids.get('RUN')!)).toEqual(full);
  });

  it('a purge that fails half-way leaves the session whole (one transaction per session)', () => {
    const ids = seedSessions(db, [{ code: 'OLD', endedAt: NOW - 400 * DAY, juryExported: true }]);
    // The names are deleted last: make that step fail after the answers and monitoring went.
    db.$client.exec("CREATE TRIGGER refuse_names BEFORE DELETE ON candidate_identities BEGIN SELECT RAISE(ABORT, 'names refused'); END");
    expect(() => purge.run(purgeBefore(NOW - 100 * DAY, false), console, NOW)).toThrow('names refused');
    expect(countsOf(db, ids.get('OLD')!)).toEqual(full);
    expect(db.$client.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'data.purged'").get()!.n).toBe(0);
  });

  it('overwrites the purged rows, so their words are not left readable in the database file', () => {
    const ids = seedSessions(db, [
      { code: 'OLD', endedAt: NOW - 400 * DAY, juryExported: true },
      { code: 'NEW', endedAt: NOW - 10 * DAY, juryExported: true },
    ]);
    // SQLite only unlinks a deleted row: its bytes stay in the file's free space (and in every
    // backup copied from the file) until reused.
    purge.run(purgeBefore(NOW - 100 * DAY, false), console, NOW);
    db.$client.pragma('wal_checkpoint(TRUNCATE)');
    const file = fileText(dir);
    expect(file).not.toContain('Answer of OLD');
    expect(file).not.toContain('Candidate OLD');
    // The check finds what is still there: the later session's answer and name.
    expect(file).toContain('Answer of NEW 1');
    expect(file).toContain('Candidate NEW 1');
    expect(countsOf(db, ids.get('NEW')!)).toEqual(full);
  });

  it('compacting after the purge removes what earlier revisions of a long answer left in the file', () => {
    const ids = seedSessions(db, [
      { code: 'OLD', endedAt: NOW - 400 * DAY, juryExported: true },
      { code: 'NEW', endedAt: NOW - 10 * DAY, juryExported: true },
    ]);
    // Long enough to spill into overflow pages; each save rewrites the row, as the answer writer
    // does, and SQLite moves cells about, leaving stale copies the purge cannot know of.
    const essay = 'The timer unit starts the service at the set time. '.repeat(200);
    const update = db.$client.prepare<[string, string]>('UPDATE answers SET text = ? WHERE candidate_id IN (SELECT id FROM candidates WHERE code = ?)');
    for (const n of [1, 2]) for (const words of ['draft', 'draft that grows longer', 'final']) update.run(`Answer of OLD ${n}, ${words}: ${essay}`, `OLDC${n}`);
    purge.run(purgeBefore(NOW - 100 * DAY, false), console, NOW);
    db.$client.pragma('wal_checkpoint(TRUNCATE)');
    // What zeroing the deleted rows cannot reach: why the console's purge compacts.
    expect(fileText(dir)).toMatch(/Answer of OLD \d/);
    purge.compact();
    db.$client.pragma('wal_checkpoint(TRUNCATE)');
    expect(fileText(dir)).not.toContain('Answer of OLD');
    expect(fileText(dir)).toContain('Answer of NEW 1');
    expect(countsOf(db, ids.get('NEW')!)).toEqual(full);
  });

  it('runs twice without deleting twice: a purged step is done', () => {
    seedSessions(db, [{ code: 'OLD', endedAt: NOW - 400 * DAY, juryExported: true }]);
    purge.run(purgeBefore(NOW - 100 * DAY, false), console, NOW);
    expect(purge.run(purgeBefore(NOW - 100 * DAY, false), console, NOW)).toEqual([]);
  });
});
