// Deleting candidates' data once it is no longer needed. A session's data goes in three steps,
// each when its kind is due: monitoring (events, messages, incidents), answers (answers, late
// saves, marks), names. The answers and names only go once the jury export has been made, unless
// forced (recorded); nothing of a held session goes. Each session's steps and their audit entry
// are one transaction: a purge is whole or not at all. What stays is pseudonymous: candidate
// codes, receipt digests and the audit chain, which stays verifiable.
import type { LecternDb } from '../db/open-database.js';
import { transaction } from '../db/connection.js';
import type { AuditLog } from '../audit/audit-log.js';
import { textDigest } from '../audit/text-digest.js';
import { expireAuditEntries, type AuditExpiry, type AuditTrimActor } from '../audit/audit-trim.js';
import { RetentionRepo, type Removed, type RetentionRow } from './retention.repo.js';
import { cutoff, type RetentionPolicy } from './retention-policy.js';

export const purgeSteps = ['monitoring', 'answers', 'names'] as const;
export type PurgeStep = (typeof purgeSteps)[number];

/** Why a due step of a session was left alone. */
export type PurgeSkip = 'held' | 'not-ended' | 'no-jury-export';

export interface PurgeRequest {
  /** Per step, the instant before which a session must have ended for that step to be due; null: not asked. */
  before: Record<PurgeStep, number | null>;
  /** Purge answers and names even without a jury export. Recorded in the audit log. */
  force: boolean;
}

export interface PlannedSession {
  id: number;
  code: string;
  title: string;
  endedAt: number | null;
  steps: PurgeStep[];
  skipped: { step: PurgeStep; why: PurgeSkip }[];
}

export interface PurgedSession extends PlannedSession {
  removed: Removed;
}

/** Who purges: an admin from the page, or the coordinator from the console (as for the audit log's expiry). */
export type PurgeActor = AuditTrimActor;

/** Every step at one date: `npm run purge -- --before <date>`. */
export function purgeBefore(at: number, force: boolean): PurgeRequest {
  return { before: { monitoring: at, answers: at, names: at }, force };
}

/** Each step at its own retention period: what the policy says is due now. */
export function purgeByPolicy(policy: RetentionPolicy, now: number, force: boolean): PurgeRequest {
  return { before: { monitoring: cutoff(policy, 'monitoring', now), answers: cutoff(policy, 'answers', now), names: cutoff(policy, 'names', now) }, force };
}

function alreadyDone(s: RetentionRow, step: PurgeStep): boolean {
  if (step === 'monitoring') return s.monitoringPurgedAt !== null;
  if (step === 'answers') return s.purgedAt !== null;
  return s.namesPurgedAt !== null;
}

/** What a request would do to one session. */
export function planSession(s: RetentionRow, request: PurgeRequest): PlannedSession {
  const planned: PlannedSession = { id: s.id, code: s.code, title: s.title, endedAt: s.endedAt, steps: [], skipped: [] };
  for (const step of purgeSteps) {
    const before = request.before[step];
    if (before === null || alreadyDone(s, step)) continue;
    if (s.endedAt === null) {
      // A session that never ended is not due; it is only reported when a date was asked for.
      planned.skipped.push({ step, why: 'not-ended' });
      continue;
    }
    if (s.endedAt >= before) continue;
    if (s.heldAt !== null) planned.skipped.push({ step, why: 'held' });
    else if (step !== 'monitoring' && s.juryExportedAt === null && !request.force) planned.skipped.push({ step, why: 'no-jury-export' });
    else planned.steps.push(step);
  }
  return planned;
}

export class Purge {
  private readonly repo: RetentionRepo;

  constructor(
    private readonly db: LecternDb,
    private readonly audit: AuditLog,
  ) {
    this.repo = new RetentionRepo(db);
  }

  /** Every session with something to do or something refused, without changing anything. */
  plan(request: PurgeRequest): PlannedSession[] {
    return this.repo
      .sessions()
      .map((s) => planSession(s, request))
      .filter((p) => p.steps.length > 0 || p.skipped.some((k) => k.why !== 'not-ended'));
  }

  run(request: PurgeRequest, actor: PurgeActor, now = Date.now()): PurgedSession[] {
    const done: PurgedSession[] = [];
    // The deleted rows are overwritten with zeros, not only unlinked (see zeroingDeletes).
    this.repo.zeroingDeletes(() => {
      for (const planned of this.plan(request)) {
        if (planned.steps.length === 0) {
          done.push({ ...planned, removed: {} });
          continue;
        }
        done.push(transaction(this.db, () => this.purgeSession(planned, request, actor, now))());
      }
    });
    return done;
  }

  /**
   * The audit log's entries older than `before` (its own period, whatever date the sessions' purge
   * was asked for: it is the proof of their regularity), removed and overwritten as the rest.
   */
  expireAudit(before: number, actor: PurgeActor, options: { dryRun: boolean; now?: number }): AuditExpiry {
    return this.repo.zeroingDeletes(() => expireAuditEntries(this.db, this.audit, before, actor, options));
  }

  /**
   * Rewrites the database file so that nothing freed before the purge (an answer's earlier
   * revisions, rows deleted by the server's own work) stays readable in its free space. It holds
   * the write lock while it copies the whole file: the console's purge runs it only when no server
   * runs on the folder, never while kiosks save.
   */
  compact(): void {
    this.repo.compact();
  }

  private purgeSession(planned: PlannedSession, request: PurgeRequest, actor: PurgeActor, now: number): PurgedSession {
    // Read again inside the transaction: a hold set since the plan wins.
    const current = this.repo.session(planned.id);
    const fresh = current ? planSession(current, request) : { ...planned, steps: [] };
    const forced = request.force && current?.juryExportedAt === null;
    const removed: Removed = {};
    for (const step of fresh.steps) {
      const part = step === 'monitoring' ? this.repo.deleteMonitoring(planned.id, now) : step === 'answers' ? this.repo.deleteAnswers(planned.id, now, forced) : this.repo.deleteNames(planned.id, now, forced);
      Object.assign(removed, part);
    }
    if (fresh.steps.length > 0) {
      this.audit.append(
        {
          actorKind: actor.kind === 'account' ? 'account' : 'system',
          actorId: actor.kind === 'account' ? actor.id : null,
          sessionId: planned.id,
          action: 'data.purged',
          detail: { steps: fresh.steps, removed, forced, ...(actor.kind === 'console' ? { via: 'console' } : {}) },
        },
        now,
      );
    }
    return { ...fresh, removed };
  }

  holds(): RetentionRow[] {
    return this.repo.sessions();
  }

  /** Freezes a session's data while a dispute is open; null lifts the hold. Both are audited. */
  setHold(sessionId: number, hold: { reason: string } | null, actorId: number, now = Date.now()): void {
    transaction(this.db, () => {
      this.repo.setHold(sessionId, hold ? { at: now, reason: hold.reason, by: actorId } : null);
      this.audit.append({ actorKind: 'account', actorId, sessionId, action: hold ? 'data.held' : 'data.released', detail: hold ? { reasonDigest: textDigest(hold.reason) } : {} }, now);
    })();
  }
}
