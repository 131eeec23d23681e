// The pauses and time_extensions tables, and the one read a save's checks need: every query of
// the exam's clock. The deadline itself is computed in timing.ts, never stored.
import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { Statement } from 'better-sqlite3';
import type { LecternDb } from '../db/open-database.js';
import { pauses, timeExtensions, type ExamSessionState } from '../db/schema/exam-sessions.js';
import type { PauseInterval } from './timing.js';

/** A save's checks in one row: the session's state and clock, the candidate's lock and submission. */
export interface SaveContextRow {
  state: ExamSessionState;
  packId: string;
  startedAt: number | null;
  durationMs: number;
  lockedAt: number | null;
  submittedAt: number | null;
  extraMs: number;
  /** 0 or 1: whether any pause applies, so the pauses are read only when there are some. */
  hasPauses: number;
}

export interface NewExtension {
  sessionId: number;
  candidateId: number;
  durationMs: number;
  kind: 'accommodation' | 'incident';
  reason: string;
  createdBy: number | null;
  createdAt: number;
}

export class ClockRepo {
  private readonly pausesForQuery;
  private readonly extraForQuery;
  private readonly openCandidatePauseQuery;
  /**
   * Raw SQL: the read behind every save whose context is not kept (after each change, once per
   * candidate). Two correlated subqueries in one statement; better-sqlite3 returns the plain row.
   */
  private readonly saveContextStatement: Statement<[number, number], SaveContextRow>;

  constructor(private readonly db: LecternDb) {
    const sessionId = sql.placeholder('sessionId');
    const candidateId = sql.placeholder('candidateId');
    this.pausesForQuery = db
      .select({ startedAt: pauses.startedAt, endedAt: pauses.endedAt })
      .from(pauses)
      .where(and(eq(pauses.sessionId, sessionId), or(isNull(pauses.candidateId), eq(pauses.candidateId, candidateId))))
      .prepare();
    this.extraForQuery = db
      .select({ extra: sql<number>`COALESCE(SUM(${timeExtensions.durationMs}), 0)` })
      .from(timeExtensions)
      .where(eq(timeExtensions.candidateId, candidateId))
      .prepare();
    this.openCandidatePauseQuery = db
      .select({ id: pauses.id })
      .from(pauses)
      .where(and(eq(pauses.sessionId, sessionId), eq(pauses.candidateId, candidateId), isNull(pauses.endedAt)))
      .prepare();
    this.saveContextStatement = db.$client.prepare<[number, number], SaveContextRow>(
      `SELECT s.state, s.pack_id AS packId, s.started_at AS startedAt, s.duration_ms AS durationMs,
         c.locked_at AS lockedAt, c.submitted_at AS submittedAt,
         (SELECT COALESCE(SUM(duration_ms), 0) FROM time_extensions WHERE candidate_id = c.id) AS extraMs,
         EXISTS (SELECT 1 FROM pauses WHERE session_id = s.id AND (candidate_id IS NULL OR candidate_id = c.id)) AS hasPauses
       FROM candidates c JOIN exam_sessions s ON s.id = c.session_id WHERE c.id = ? AND s.id = ?`,
    );
  }

  /** The pauses that apply to this candidate: the whole room's and their own. */
  pausesFor(sessionId: number, candidateId: number): PauseInterval[] {
    return this.pausesForQuery.all({ sessionId, candidateId });
  }

  /** Accommodation plus incident time, in milliseconds. */
  extraFor(candidateId: number): number {
    return this.extraForQuery.get({ candidateId })?.extra ?? 0;
  }

  saveContext(sessionId: number, candidateId: number): SaveContextRow | undefined {
    return this.saveContextStatement.get(candidateId, sessionId);
  }

  /** Whether this candidate alone has an open pause. */
  hasOpenCandidatePause(sessionId: number, candidateId: number): boolean {
    return this.openCandidatePauseQuery.get({ sessionId, candidateId }) !== undefined;
  }

  /** A pause of the whole room (candidateId null) or of one candidate. */
  openPause(sessionId: number, candidateId: number | null, at: number, reason: string, createdBy: number | null): void {
    this.db.insert(pauses).values({ sessionId, candidateId, startedAt: at, reason, createdBy }).run();
  }

  closeRoomPause(sessionId: number, at: number): void {
    this.db
      .update(pauses)
      .set({ endedAt: at })
      .where(and(eq(pauses.sessionId, sessionId), isNull(pauses.candidateId), isNull(pauses.endedAt)))
      .run();
  }

  closeCandidatePause(sessionId: number, candidateId: number, at: number): void {
    this.db
      .update(pauses)
      .set({ endedAt: at })
      .where(and(eq(pauses.sessionId, sessionId), eq(pauses.candidateId, candidateId), isNull(pauses.endedAt)))
      .run();
  }

  /** At the end of the session every pause still open, the room's and the candidates', ends. */
  closeAllPauses(sessionId: number, at: number): void {
    this.db
      .update(pauses)
      .set({ endedAt: at })
      .where(and(eq(pauses.sessionId, sessionId), isNull(pauses.endedAt)))
      .run();
  }

  insertExtension(e: NewExtension): void {
    this.db.insert(timeExtensions).values(e).run();
  }
}
