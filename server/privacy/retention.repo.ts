// Every query of the data's life cycle: which sessions are due, their holds, and the deletions of
// a session's candidate data, one kind at a time. Deletions run inside the purge's transaction.
import { and, desc, eq, inArray, isNotNull, max } from 'drizzle-orm';
import type { LecternDb } from '../db/open-database.js';
import { answerMarks, gradingAssignments, scriptMarks } from '../db/schema/grading.js';
import { answerSaves, answers, lateSaves } from '../db/schema/answers.js';
import { fallbackKeys, fallbackProctorCodes } from '../db/schema/fallback.js';
import { auditLog } from '../db/schema/audit.js';
import { candidateIdentities, candidates, examSessions } from '../db/schema/exam-sessions.js';
import { incidents, messageAcknowledgements, proctorMessages, supervisionEvents } from '../db/schema/supervision.js';
import { sessionRetention } from '../db/schema/retention.js';

/** A session as the life cycle sees it. */
export interface RetentionRow {
  id: number;
  code: string;
  title: string;
  endedAt: number | null;
  heldAt: number | null;
  holdReason: string | null;
  monitoringPurgedAt: number | null;
  purgedAt: number | null;
  namesPurgedAt: number | null;
  forced: boolean | null;
  /** The last time the jury export was read (the audit log's grading.jury-exported). */
  juryExportedAt: number | null;
}

/** How many rows of each table one purge step removed: what the audit entry and the report say. */
export type Removed = Record<string, number>;

export class RetentionRepo {
  constructor(private readonly db: LecternDb) {}

  /** Every session, newest first, with its hold, purges and last jury export. */
  sessions(): RetentionRow[] {
    const exported = this.db
      .select({ sessionId: auditLog.sessionId, at: max(auditLog.at).as('exported_at') })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'grading.jury-exported'), isNotNull(auditLog.sessionId)))
      .groupBy(auditLog.sessionId)
      .as('exported');
    return this.db
      .select({
        id: examSessions.id,
        code: examSessions.code,
        title: examSessions.title,
        endedAt: examSessions.endedAt,
        heldAt: sessionRetention.heldAt,
        holdReason: sessionRetention.holdReason,
        monitoringPurgedAt: sessionRetention.monitoringPurgedAt,
        purgedAt: sessionRetention.purgedAt,
        namesPurgedAt: sessionRetention.namesPurgedAt,
        forced: sessionRetention.forced,
        juryExportedAt: exported.at,
      })
      .from(examSessions)
      .leftJoin(sessionRetention, eq(sessionRetention.sessionId, examSessions.id))
      .leftJoin(exported, eq(exported.sessionId, examSessions.id))
      .orderBy(desc(examSessions.id))
      .all();
  }

  session(id: number): RetentionRow | undefined {
    return this.sessions().find((s) => s.id === id);
  }

  setHold(sessionId: number, hold: { at: number; reason: string; by: number | null } | null): void {
    const values = { heldAt: hold?.at ?? null, holdReason: hold?.reason ?? null, heldBy: hold?.by ?? null };
    this.db
      .insert(sessionRetention)
      .values({ sessionId, ...values })
      .onConflictDoUpdate({ target: sessionRetention.sessionId, set: values })
      .run();
  }

  /** Supervision events, proctor messages with their acknowledgements, incidents. */
  deleteMonitoring(sessionId: number, at: number): Removed {
    const messageIds = this.db.select({ id: proctorMessages.id }).from(proctorMessages).where(eq(proctorMessages.sessionId, sessionId));
    const removed: Removed = {
      supervisionEvents: this.db.delete(supervisionEvents).where(eq(supervisionEvents.sessionId, sessionId)).run().changes,
      messageAcknowledgements: this.db.delete(messageAcknowledgements).where(inArray(messageAcknowledgements.messageId, messageIds)).run().changes,
      proctorMessages: this.db.delete(proctorMessages).where(eq(proctorMessages.sessionId, sessionId)).run().changes,
      incidents: this.db.delete(incidents).where(eq(incidents.sessionId, sessionId)).run().changes,
    };
    this.mark(sessionId, { monitoringPurgedAt: at });
    return removed;
  }

  /** Answers, late saves, marks and grading assignments: what a script was and how it was judged. */
  deleteAnswers(sessionId: number, at: number, forced: boolean): Removed {
    const ids = this.candidateIds(sessionId);
    const removed: Removed = {
      answers: this.db.delete(answers).where(inArray(answers.candidateId, ids)).run().changes,
      lateSaves: this.db.delete(lateSaves).where(inArray(lateSaves.candidateId, ids)).run().changes,
      answerSaves: this.db.delete(answerSaves).where(inArray(answerSaves.candidateId, ids)).run().changes,
      answerMarks: this.db.delete(answerMarks).where(inArray(answerMarks.candidateId, ids)).run().changes,
      scriptMarks: this.db.delete(scriptMarks).where(inArray(scriptMarks.candidateId, ids)).run().changes,
      gradingAssignments: this.db.delete(gradingAssignments).where(inArray(gradingAssignments.candidateId, ids)).run().changes,
      // The fallback file's keys and the session's proctor code open answers saved on a kiosk: with
      // the answers gone, a fallback file must not be able to bring them back.
      fallbackKeys: this.db.delete(fallbackKeys).where(inArray(fallbackKeys.candidateId, ids)).run().changes,
      fallbackProctorCodes: this.db.delete(fallbackProctorCodes).where(eq(fallbackProctorCodes.sessionId, sessionId)).run().changes,
    };
    this.mark(sessionId, { purgedAt: at, forced });
    return removed;
  }

  /** The names: after this, a candidate is only their code. */
  deleteNames(sessionId: number, at: number, forced: boolean): Removed {
    const removed = { candidateIdentities: this.db.delete(candidateIdentities).where(inArray(candidateIdentities.candidateId, this.candidateIds(sessionId))).run().changes };
    this.mark(sessionId, { namesPurgedAt: at, forced });
    return removed;
  }

  /**
   * Runs `fn` with SQLite's secure_delete on, then puts the connection's setting back. Without it a
   * deleted row is only unlinked: its words stay readable in the file's free space, and in every
   * backup copied from the file, until SQLite happens to reuse the space.
   */
  zeroingDeletes<T>(fn: () => T): T {
    const previous = this.db.$client.pragma('secure_delete', { simple: true });
    this.db.$client.pragma('secure_delete = ON');
    try {
      return fn();
    } finally {
      this.db.$client.pragma(`secure_delete = ${Number(previous)}`);
    }
  }

  /** Rewrites the whole file (VACUUM): what earlier revisions left in free space goes too. */
  compact(): void {
    this.db.$client.exec('VACUUM');
  }

  private candidateIds(sessionId: number) {
    return this.db.select({ id: candidates.id }).from(candidates).where(eq(candidates.sessionId, sessionId));
  }

  private mark(sessionId: number, values: { monitoringPurgedAt?: number; purgedAt?: number; namesPurgedAt?: number; forced?: boolean }): void {
    // A forced step marks the session for good: a later regular step must not clear the flag.
    const set = { ...values, ...(values.forced === false ? { forced: undefined } : {}) };
    if (set.forced === undefined) delete set.forced;
    this.db.insert(sessionRetention).values({ sessionId, ...values }).onConflictDoUpdate({ target: sessionRetention.sessionId, set }).run();
  }
}
