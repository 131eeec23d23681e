import type { LecternDb } from '../db/open-database.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { ThrottleKind } from '../db/schema/throttles.js';
import { transaction } from '../db/connection.js';
import { ThrottlesRepo, type ThrottleRow } from './throttles.repo.js';
import { AccountsRepo } from './accounts.repo.js';
import { currentFailures, delayAfter, waitMs, withFailure, type ThrottleRule, type ThrottleRules } from './login-limiter.js';
import type { ThrottleView } from '../contract/throttles.js';

/** Candidate codes typed in one session and counted at once: past this, only the session's count grows. */
export const MAX_CODE_KEYS_PER_SESSION = 500;
/** Expired counts are deleted at most this often. */
const PRUNE_EVERY_MS = 60_000;

/** A failure to count, and whom against. */
interface Failure {
  kind: ThrottleKind;
  key: string;
  subject: string;
  sessionId: number | null;
}

export interface CandidateFailure {
  address: string;
  /** The session whose code was typed, when it exists. */
  session: { id: number; code: string } | null;
  /** The candidate code typed (normalised), when the session exists and the code is not one of it. */
  candidateCode: string | null;
}

const accountKey = (username: string) => `account:${username}`;
const addressKey = (address: string) => `address:${address}`;
const sessionKey = (sessionId: number) => `session:${sessionId}`;
const codeKey = (sessionId: number, code: string) => `candidate-code:${sessionId}:${code}`;

/**
 * Failed logins counted per staff account, per address, per session and per candidate code typed
 * in a session, in the database. What each count does is in ThrottleRules: a staff account waits
 * progressively longer; a wrong candidate code typed again waits; an address and a session only
 * slow or show their failures, so a correct login is never refused because of someone else's.
 */
export class LoginThrottles {
  private readonly repo: ThrottlesRepo;
  private readonly accounts: AccountsRepo;
  /** Per address, when the next held-back failure may be answered: failures are answered one at a time. */
  private readonly holds = new Map<string, number>();
  private lastPruneAt = 0;
  private readonly countAll;

  constructor(
    db: LecternDb,
    private readonly audit: AuditLog,
    readonly rules: ThrottleRules,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {
    this.repo = new ThrottlesRepo(db);
    this.accounts = new AccountsRepo(db);
    // One commit for the two or three counts of one failure.
    this.countAll = transaction(db, (failures: Failure[], now: number) => {
      for (const f of failures) this.countOne(f, now);
    });
  }

  /** Milliseconds before this staff account may try again (0: now). */
  accountWait(username: string, now: number): number {
    return waitMs(this.repo.byKey(accountKey(username)), this.rules.account, now);
  }

  /** A correct password: the account's count is cleared (the address's is not: others share it). */
  accountSucceeded(username: string): void {
    this.repo.deleteByKey(accountKey(username));
  }

  /**
   * Counts a failed staff login and resolves once the answer may go out (held back when the
   * address has failed too often). A user name nobody has is not stored, so guessed names cannot
   * fill the table.
   */
  async staffFailed(username: string, address: string, now: number): Promise<void> {
    const failures: Failure[] = [{ kind: 'address', key: addressKey(address), subject: address, sessionId: null }];
    if (this.accounts.byUsername(username)) failures.push({ kind: 'account', key: accountKey(username), subject: username, sessionId: null });
    this.countAll(failures, now);
    await this.hold(address, now);
  }

  /** Milliseconds before this candidate code may be tried again in this session (0: now). */
  candidateCodeWait(sessionId: number, candidateCode: string, now: number): number {
    return waitMs(this.repo.byKey(codeKey(sessionId, candidateCode)), this.rules.candidateCode, now);
  }

  /** Counts a failed candidate login; resolves once the answer may go out. */
  async candidateFailed(failure: CandidateFailure, now: number): Promise<void> {
    const { address, session, candidateCode } = failure;
    const failures: Failure[] = [{ kind: 'address', key: addressKey(address), subject: address, sessionId: session?.id ?? null }];
    if (session) {
      failures.push({ kind: 'session', key: sessionKey(session.id), subject: session.code, sessionId: session.id });
      if (candidateCode !== null) failures.push({ kind: 'candidate-code', key: codeKey(session.id, candidateCode), subject: candidateCode, sessionId: session.id });
    }
    this.countAll(failures, now);
    await this.hold(address, now);
  }

  /** The counts the proctor of a session sees: its own, and the addresses that last failed against it. */
  forSession(sessionId: number, now: number): ThrottleView[] {
    return this.views(this.repo.forSession(sessionId), now);
  }

  /** The counts the admin sees: staff accounts and addresses. */
  forStaff(now: number): ThrottleView[] {
    return this.views(this.repo.ofKinds(['account', 'address']), now);
  }

  /** Clears one count of a session (the proctor's), audited; false when it is not one of this session's. */
  clearForSession(sessionId: number, throttleId: number, actorId: number): boolean {
    const row = this.repo.byId(throttleId);
    if (!row || row.sessionId !== sessionId) return false;
    return this.clear(row, actorId);
  }

  /** Clears one staff account's or address's count (the admin's), audited. */
  clearForStaff(throttleId: number, actorId: number): boolean {
    const row = this.repo.byId(throttleId);
    if (!row || (row.kind !== 'account' && row.kind !== 'address')) return false;
    return this.clear(row, actorId);
  }

  private clear(row: ThrottleRow, actorId: number): boolean {
    if (!this.repo.deleteById(row.id)) return false;
    this.audit.append({ actorKind: 'account', actorId, sessionId: row.sessionId, action: 'throttle.cleared', detail: { kind: row.kind, subject: row.subject, failures: row.failures } });
    return true;
  }

  private ruleOf(kind: ThrottleKind): ThrottleRule {
    return kind === 'candidate-code' ? this.rules.candidateCode : this.rules[kind];
  }

  private countOne(f: Failure, now: number): void {
    const existing = this.repo.byKey(f.key);
    if (!existing && f.kind === 'candidate-code' && f.sessionId !== null && this.repo.countOf('candidate-code', f.sessionId) >= MAX_CODE_KEYS_PER_SESSION) return;
    const next = withFailure(existing, this.ruleOf(f.kind), now);
    this.repo.save({ key: f.key, kind: f.kind, subject: f.subject, sessionId: f.sessionId ?? existing?.sessionId ?? null, ...next });
    if (now - this.lastPruneAt >= PRUNE_EVERY_MS) {
      this.lastPruneAt = now;
      this.repo.prune(now - this.longestWindow());
    }
  }

  private longestWindow(): number {
    const { account, address, candidateCode, session } = this.rules;
    return Math.max(account.windowMs, address.windowMs, candidateCode.windowMs, session.windowMs);
  }

  /**
   * Holds back the answer to a failure from an address that has failed too often: one answer per
   * delay, whatever the number of requests in flight, and never longer than maxHoldMs (the
   * request would time out). Only failures wait here: a correct login has already been answered.
   */
  private async hold(address: string, now: number): Promise<void> {
    const failures = currentFailures(this.repo.byKey(addressKey(address)), this.rules.address, now);
    const delay = delayAfter(failures, this.rules.address);
    if (delay === 0) return;
    const slot = Math.max(now, this.holds.get(address) ?? 0) + delay;
    this.holds.set(address, slot);
    for (const [a, until] of this.holds) if (until < now) this.holds.delete(a);
    await this.sleep(Math.min(slot - now, this.rules.maxHoldMs));
  }

  private views(rows: ThrottleRow[], now: number): ThrottleView[] {
    return rows
      .filter((r) => currentFailures(r, this.ruleOf(r.kind), now) > 0)
      .map((r) => ({
        id: r.id,
        kind: r.kind,
        subject: r.subject,
        failures: r.failures,
        firstFailureAt: r.firstFailureAt,
        lastFailureAt: r.lastFailureAt,
        waitSeconds: Math.ceil(waitMs(r, this.ruleOf(r.kind), now) / 1000),
      }));
  }
}
