// The login throttles as the server keeps them (issue 17): counts in a real SQLite file, what a
// success clears, what an address's failures cost and what they never cost, what the proctor and
// the admin see and may clear. These are what a mutation run of server/auth/login-throttles.ts is
// measured against. The clock is passed in (`now`), and the hold's sleep is recorded rather than
// slept: the rule under test is how long an answer is held back, not the timer that holds it.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../../../server/audit/audit-log.js';
import { AuditRepo } from '../../../server/audit/audit.repo.js';
import { AccountsRepo } from '../../../server/auth/accounts.repo.js';
import type { ThrottleRules } from '../../../server/auth/login-limiter.js';
import { LoginThrottles, MAX_CODE_KEYS_PER_SESSION } from '../../../server/auth/login-throttles.js';
import { ThrottlesRepo } from '../../../server/auth/throttles.repo.js';
import { closeDatabase } from '../../../server/db/connection.js';
import { openDatabase, type LecternDb } from '../../../server/db/open-database.js';
import { examSessions } from '../../../server/db/schema/exam-sessions.js';
import { loginThrottles } from '../../../server/db/schema/throttles.js';

// Each rule has its own window, so that the pruning's "longest window" is told apart from each one.
const rules: ThrottleRules = {
  account: { freeFailures: 2, firstDelayMs: 1_000, maxDelayMs: 8_000, windowMs: 60_000 },
  address: { freeFailures: 3, firstDelayMs: 100, maxDelayMs: 400, windowMs: 30_000 },
  candidateCode: { freeFailures: 1, firstDelayMs: 5_000, maxDelayMs: 20_000, windowMs: 120_000 },
  session: { freeFailures: Number.MAX_SAFE_INTEGER, firstDelayMs: 0, maxDelayMs: 0, windowMs: 90_000 },
  maxHoldMs: 250,
};
const T0 = 1_800_000_000_000;

let dir: string;
let db: LecternDb;
let repo: ThrottlesRepo;
let audit: AuditLog;
let sessionA: { id: number; code: string };
let sessionB: { id: number; code: string };
let slept: number[];
let throttles: LoginThrottles;

beforeAll(() => {
  // A real SQLite file, in memory-backed /dev/shm where there is one: every failure is a commit
  // that synchronous=FULL fsyncs, and a mutation run replays these tests once per mutant.
  dir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'lectern-throttles-'));
  db = openDatabase(join(dir, 'lectern.sqlite'));
  repo = new ThrottlesRepo(db);
  audit = new AuditLog(db);
  new AccountsRepo(db).insert({ username: 'alice', displayName: 'Alice', role: 'admin', passwordHash: 'x', createdAt: T0 });
  const session = (code: string) => {
    const row = db.insert(examSessions).values({ code, packId: 'p', packDigest: 'd', title: 'T', durationMs: 60_000, createdAt: T0 }).returning().get();
    return { id: row.id, code };
  };
  sessionA = session('AAAAAA');
  sessionB = session('BBBBBB');
});
afterAll(() => {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  db.delete(loginThrottles).run();
  slept = [];
  throttles = new LoginThrottles(db, audit, rules, (ms) => {
    slept.push(ms);
    return Promise.resolve();
  });
});

const staffFails = async (times: number, at: number, username = 'alice', address = '10.0.0.1') => {
  for (let i = 0; i < times; i++) await throttles.staffFailed(username, address, at);
};
/** `n` wrong codes of session A already counted, in one statement. */
const storeCodes = (n: number) => {
  const rows = Array.from({ length: n }, (_, i) => ({ key: `candidate-code:${sessionA.id}:C${i}`, kind: 'candidate-code' as const, subject: `C${i}`, sessionId: sessionA.id, failures: 1, firstFailureAt: T0, lastFailureAt: T0 }));
  db.insert(loginThrottles).values(rows).run();
};
const keys = () => db.select().from(loginThrottles).all().map((r) => r.key).sort();

describe('a staff account', () => {
  it('waits nothing for its free failures, then the first delay, doubling with each further failure', async () => {
    await staffFails(1, T0);
    expect(throttles.accountWait('alice', T0)).toBe(0);
    await staffFails(1, T0);
    expect(throttles.accountWait('alice', T0)).toBe(1_000);
    expect(throttles.accountWait('alice', T0 + 400)).toBe(600);
    await staffFails(1, T0);
    expect(throttles.accountWait('alice', T0)).toBe(2_000);
  });

  it('may try again at once when a whole window has passed since its last failure, and then counts from one', async () => {
    await staffFails(5, T0);
    expect(throttles.accountWait('alice', T0 + 59_999)).toBe(0); // the longest wait (8 s) has passed
    expect(repo.byKey('account:alice')?.failures).toBe(5);
    await staffFails(1, T0 + 60_000);
    expect(repo.byKey('account:alice')).toMatchObject({ failures: 1, firstFailureAt: T0 + 60_000, lastFailureAt: T0 + 60_000 });
  });

  it('has its count cleared by a correct password, while its address keeps its own', async () => {
    await staffFails(4, T0);
    expect(throttles.accountWait('alice', T0)).toBeGreaterThan(0);
    throttles.accountSucceeded('alice');
    expect(throttles.accountWait('alice', T0)).toBe(0);
    expect(keys()).toEqual(['address:10.0.0.1']);
    expect(repo.byKey('address:10.0.0.1')?.failures).toBe(4);
  });

  it('stores no count for a user name nobody has, only its address’s', async () => {
    await staffFails(3, T0, 'mallory');
    expect(keys()).toEqual(['address:10.0.0.1']);
    expect(throttles.accountWait('mallory', T0)).toBe(0);
  });

  it('is counted apart from every other account and address', async () => {
    await staffFails(3, T0);
    expect(throttles.accountWait('bob', T0)).toBe(0);
    await throttles.staffFailed('alice', '10.0.0.2', T0);
    expect(repo.byKey('account:alice')?.failures).toBe(4);
    expect(repo.byKey('address:10.0.0.2')?.failures).toBe(1);
  });
});

describe('an address', () => {
  it('answers its free failures at once, then holds each further failure back a doubling delay', async () => {
    await staffFails(3, T0, 'nobody');
    expect(slept).toEqual([100]);
    await staffFails(1, T0 + 1_000, 'nobody');
    expect(slept).toEqual([100, 200]);
  });

  it('holds failures in flight at the same instant one after the other, never longer than the ceiling', async () => {
    await staffFails(2, T0, 'nobody');
    // Two more failures at the same instant: the third is answered after 100 ms, the fourth after
    // 100 + 200 ms, which the ceiling (maxHoldMs, 250) cuts short.
    await Promise.all([throttles.staffFailed('nobody', '10.0.0.1', T0), throttles.staffFailed('nobody', '10.0.0.1', T0)]);
    expect(slept).toEqual([100, 250]);
  });

  it('starts a new hold from now once the previous one is over', async () => {
    await staffFails(3, T0, 'nobody');
    await staffFails(1, T0 + 5_000, 'nobody');
    expect(slept).toEqual([100, 200]);
  });

  it('is held separately from another address', async () => {
    await staffFails(3, T0, 'nobody', '10.0.0.1');
    await staffFails(3, T0, 'nobody', '10.0.0.2');
    expect(slept).toEqual([100, 100]);
  });

  it('never holds a failure once its failures have expired', async () => {
    await staffFails(5, T0, 'nobody');
    slept = [];
    await staffFails(1, T0 + 30_000, 'nobody');
    expect(slept).toEqual([]);
  });

  it('holds a wrong candidate code from a busy address too, and never refuses the address', async () => {
    for (let i = 0; i < 3; i++) await throttles.candidateFailed({ address: '10.0.0.9', session: null, candidateCode: null }, T0);
    expect(slept).toEqual([100]);
    expect(throttles.forStaff(T0).find((v) => v.kind === 'address')).toMatchObject({ subject: '10.0.0.9', failures: 3, waitSeconds: 1 });
  });
});

describe('a candidate login that fails', () => {
  it('counts the address, the session and the code typed, against that session', async () => {
    await throttles.candidateFailed({ address: '10.0.0.5', session: sessionA, candidateCode: 'K7Q' }, T0);
    expect(db.select().from(loginThrottles).all().map((r) => [r.key, r.kind, r.subject, r.sessionId, r.failures])).toEqual([
      ['address:10.0.0.5', 'address', '10.0.0.5', sessionA.id, 1],
      [`session:${sessionA.id}`, 'session', 'AAAAAA', sessionA.id, 1],
      [`candidate-code:${sessionA.id}:K7Q`, 'candidate-code', 'K7Q', sessionA.id, 1],
    ]);
  });

  it('counts only the address for a session that does not exist, and no code for a code of the session', async () => {
    await throttles.candidateFailed({ address: '10.0.0.5', session: null, candidateCode: null }, T0);
    expect(repo.byKey('address:10.0.0.5')?.sessionId).toBeNull();
    await throttles.candidateFailed({ address: '10.0.0.6', session: sessionA, candidateCode: null }, T0);
    expect(keys()).toEqual(['address:10.0.0.5', 'address:10.0.0.6', `session:${sessionA.id}`]);
  });

  it('makes the same wrong code wait, on its own rule, and no other code', async () => {
    const fail = () => throttles.candidateFailed({ address: '10.0.0.5', session: sessionA, candidateCode: 'K7Q' }, T0);
    await fail();
    expect(throttles.candidateCodeWait(sessionA.id, 'K7Q', T0)).toBe(5_000);
    await fail();
    expect(throttles.candidateCodeWait(sessionA.id, 'K7Q', T0 + 1_000)).toBe(9_000);
    expect(throttles.candidateCodeWait(sessionA.id, 'K7R', T0)).toBe(0);
    expect(throttles.candidateCodeWait(sessionB.id, 'K7Q', T0)).toBe(0);
  });

  it('keeps an address attached to the last session it failed against, even after a failure outside any session', async () => {
    await throttles.candidateFailed({ address: '10.0.0.5', session: sessionA, candidateCode: null }, T0);
    await throttles.candidateFailed({ address: '10.0.0.5', session: sessionB, candidateCode: null }, T0 + 1);
    expect(repo.byKey('address:10.0.0.5')?.sessionId).toBe(sessionB.id);
    await throttles.staffFailed('nobody', '10.0.0.5', T0 + 2);
    expect(repo.byKey('address:10.0.0.5')).toMatchObject({ sessionId: sessionB.id, failures: 3 });
  });

  it('stops storing new codes of a session past the cap, still counting the codes already stored and the session', async () => {
    storeCodes(MAX_CODE_KEYS_PER_SESSION);
    await throttles.candidateFailed({ address: '10.0.0.5', session: sessionA, candidateCode: 'NEW' }, T0);
    expect(repo.byKey(`candidate-code:${sessionA.id}:NEW`)).toBeUndefined();
    expect(repo.byKey(`session:${sessionA.id}`)?.failures).toBe(1);
    await throttles.candidateFailed({ address: '10.0.0.5', session: sessionA, candidateCode: 'C7' }, T0);
    expect(repo.byKey(`candidate-code:${sessionA.id}:C7`)?.failures).toBe(2);
    // Another session's codes are not capped by this one's.
    await throttles.candidateFailed({ address: '10.0.0.5', session: sessionB, candidateCode: 'NEW' }, T0);
    expect(repo.byKey(`candidate-code:${sessionB.id}:NEW`)?.failures).toBe(1);
  });

  it('stores a code again once the session is back under the cap', async () => {
    storeCodes(MAX_CODE_KEYS_PER_SESSION - 1);
    await throttles.candidateFailed({ address: '10.0.0.5', session: sessionA, candidateCode: 'LAST' }, T0);
    expect(repo.byKey(`candidate-code:${sessionA.id}:LAST`)?.failures).toBe(1);
  });
});

describe('what the proctor and the admin see', () => {
  it('shows a session’s own counts and the addresses that failed against it, each with its wait in whole seconds', async () => {
    await throttles.candidateFailed({ address: '10.0.0.5', session: sessionA, candidateCode: 'K7Q' }, T0);
    await throttles.candidateFailed({ address: '10.0.0.6', session: sessionB, candidateCode: 'K7Q' }, T0);
    await staffFails(1, T0);
    const seen = throttles.forSession(sessionA.id, T0 + 1_500);
    expect(seen.map((v) => [v.kind, v.subject, v.failures, v.firstFailureAt, v.lastFailureAt, v.waitSeconds])).toEqual([
      ['address', '10.0.0.5', 1, T0, T0, 0],
      ['session', 'AAAAAA', 1, T0, T0, 0],
      // 5 s after the first wrong code, 1.5 s gone: 3.5 s, shown as 4.
      ['candidate-code', 'K7Q', 1, T0, T0, 4],
    ]);
    expect(seen.every((v) => Number.isInteger(v.id))).toBe(true);
  });

  it('shows the admin staff accounts and addresses only', async () => {
    await throttles.candidateFailed({ address: '10.0.0.5', session: sessionA, candidateCode: 'K7Q' }, T0);
    await staffFails(3, T0);
    expect(throttles.forStaff(T0).map((v) => [v.kind, v.subject, v.failures, v.waitSeconds])).toEqual([
      ['address', '10.0.0.5', 1, 0],
      ['address', '10.0.0.1', 3, 1],
      ['account', 'alice', 3, 2],
    ]);
  });

  it('leaves out each count once its own window has passed', async () => {
    await throttles.candidateFailed({ address: '10.0.0.5', session: sessionA, candidateCode: 'K7Q' }, T0);
    const kinds = (at: number) => throttles.forSession(sessionA.id, at).map((v) => v.kind);
    expect(kinds(T0 + 29_999)).toEqual(['address', 'session', 'candidate-code']);
    expect(kinds(T0 + 30_000)).toEqual(['session', 'candidate-code']);
    expect(kinds(T0 + 90_000)).toEqual(['candidate-code']);
    expect(kinds(T0 + 120_000)).toEqual([]);
  });
});

describe('clearing a count', () => {
  it('lets a proctor clear a count of their session only, once, and audits it', async () => {
    await throttles.candidateFailed({ address: '10.0.0.5', session: sessionA, candidateCode: 'K7Q' }, T0);
    const code = repo.byKey(`candidate-code:${sessionA.id}:K7Q`)!;
    const before = new AuditRepo(db).chain().length;
    expect(throttles.clearForSession(sessionB.id, code.id, 42)).toBe(false);
    expect(throttles.clearForSession(sessionA.id, 999_999, 42)).toBe(false);
    expect(throttles.clearForSession(sessionA.id, code.id, 42)).toBe(true);
    expect(repo.byKey(code.key)).toBeUndefined();
    const entries = new AuditRepo(db).chain().slice(before);
    expect(entries.map((e) => [e.action, e.actorKind, e.actorId, e.sessionId, JSON.parse(e.detail)])).toEqual([
      ['throttle.cleared', 'account', 42, sessionA.id, { kind: 'candidate-code', subject: 'K7Q', failures: 1 }],
    ]);
  });

  it('lets the admin clear a staff account or an address, never a session’s count', async () => {
    await throttles.candidateFailed({ address: '10.0.0.5', session: sessionA, candidateCode: null }, T0);
    await staffFails(1, T0);
    const session = repo.byKey(`session:${sessionA.id}`)!;
    expect(throttles.clearForStaff(session.id, 1)).toBe(false);
    expect(repo.byKey(session.key)).toBeDefined();
    expect(throttles.clearForStaff(repo.byKey('account:alice')!.id, 1)).toBe(true);
    expect(throttles.clearForStaff(repo.byKey('address:10.0.0.1')!.id, 1)).toBe(true);
    expect(throttles.clearForStaff(999_999, 1)).toBe(false);
    expect(keys()).toEqual(['address:10.0.0.5', `session:${sessionA.id}`]);
  });
});

describe('pruning', () => {
  it('forgets counts older than the longest window, at most once a minute', async () => {
    await throttles.candidateFailed({ address: '10.0.0.5', session: sessionA, candidateCode: 'OLD' }, T0);
    // 100 s later: past every window but the candidate code's (120 s): nothing is deleted.
    await staffFails(1, T0 + 100_000);
    expect(keys()).toContain(`candidate-code:${sessionA.id}:OLD`);
    // 121 s: past every window, but less than a minute since the last pruning.
    await staffFails(1, T0 + 121_000);
    expect(keys()).toContain(`candidate-code:${sessionA.id}:OLD`);
    // 160 s: a minute since the last pruning: the old counts go, the recent ones stay.
    await staffFails(1, T0 + 160_000);
    expect(keys()).toEqual(['account:alice', 'address:10.0.0.1']);
  });

  it('prunes on the first failure a new server counts', async () => {
    repo.save({ key: 'address:old', kind: 'address', subject: 'old', sessionId: null, failures: 9, firstFailureAt: T0 - 200_000, lastFailureAt: T0 - 200_000 });
    await staffFails(1, T0);
    expect(keys()).toEqual(['account:alice', 'address:10.0.0.1']);
  });
});

describe('the service’s own clock', () => {
  it('holds the answer for real when no clock is given to the service', async () => {
    const real = new LoginThrottles(db, audit, rules);
    await staffFails(2, T0, 'nobody');
    const started = performance.now();
    await real.staffFailed('nobody', '10.0.0.1', T0);
    // The third failure costs the first delay (100 ms); a timer never fires early.
    expect(performance.now() - started).toBeGreaterThanOrEqual(95);
  });
});
