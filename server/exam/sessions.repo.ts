// The exam_sessions and session_staff tables: every query of the exam area on them.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { LecternDb } from '../db/open-database.js';
import { examSessions, sessionStaff, type ExamSessionState } from '../db/schema/exam-sessions.js';

/** The columns a session is read with (everything but its creator). */
const sessionColumns = {
  id: examSessions.id,
  code: examSessions.code,
  packId: examSessions.packId,
  packDigest: examSessions.packDigest,
  formId: examSessions.formId,
  pilot: examSessions.pilot,
  title: examSessions.title,
  room: examSessions.room,
  scheduledAt: examSessions.scheduledAt,
  state: examSessions.state,
  durationMs: examSessions.durationMs,
  startedAt: examSessions.startedAt,
  endedAt: examSessions.endedAt,
  doubleMarking: examSessions.doubleMarking,
  gradingClosedAt: examSessions.gradingClosedAt,
  sebConfigKey: examSessions.sebConfigKey,
  createdAt: examSessions.createdAt,
};

export interface ExamSessionRow {
  id: number;
  code: string;
  packId: string;
  packDigest: string;
  /** The pack's form the session runs; null for a pack with a single form. */
  formId: string | null;
  /** A pilot: graded, never exported to the jury. */
  pilot: boolean;
  title: string;
  room: string;
  scheduledAt: number | null;
  state: ExamSessionState;
  durationMs: number;
  startedAt: number | null;
  endedAt: number | null;
  doubleMarking: boolean;
  gradingClosedAt: number | null;
  sebConfigKey: string | null;
  createdAt: number;
}

export interface NewSessionRecord {
  code: string;
  packId: string;
  packDigest: string;
  formId: string | null;
  pilot: boolean;
  title: string;
  room: string;
  scheduledAt: number | null;
  durationMs: number;
  doubleMarking: boolean;
  createdBy: number | null;
  createdAt: number;
}

/** Sessions: read by id and by code on every kiosk request, so those two are prepared once. */
export class SessionsRepo {
  private readonly byIdQuery;
  private readonly byCodeQuery;
  private readonly allQuery;
  private readonly runningQuery;

  constructor(private readonly db: LecternDb) {
    this.byIdQuery = db.select(sessionColumns).from(examSessions).where(eq(examSessions.id, sql.placeholder('id'))).prepare();
    this.byCodeQuery = db.select(sessionColumns).from(examSessions).where(eq(examSessions.code, sql.placeholder('code'))).prepare();
    this.allQuery = db.select(sessionColumns).from(examSessions).orderBy(desc(examSessions.createdAt), desc(examSessions.id)).prepare();
    this.runningQuery = db.select(sessionColumns).from(examSessions).where(inArray(examSessions.state, ['running', 'paused'])).prepare();
  }

  byId(id: number): ExamSessionRow | undefined {
    return this.byIdQuery.get({ id });
  }

  byCode(code: string): ExamSessionRow | undefined {
    return this.byCodeQuery.get({ code });
  }

  /** Newest first. */
  all(): ExamSessionRow[] {
    return this.allQuery.all();
  }

  /** Running or paused: the sessions whose candidates may be overdue. */
  running(): ExamSessionRow[] {
    return this.runningQuery.all();
  }

  insert(s: NewSessionRecord): number {
    return this.db.insert(examSessions).values({ ...s, state: 'waiting' }).returning({ id: examSessions.id }).get().id;
  }

  addStaff(sessionId: number, accountId: number, role: 'proctor' | 'corrector'): void {
    this.db.insert(sessionStaff).values({ sessionId, accountId, role }).onConflictDoNothing().run();
  }

  /** The accounts of one role on the session, by id. */
  staffIds(sessionId: number, role: 'proctor' | 'corrector'): number[] {
    return this.db
      .select({ id: sessionStaff.accountId })
      .from(sessionStaff)
      .where(and(eq(sessionStaff.sessionId, sessionId), eq(sessionStaff.role, role)))
      .orderBy(asc(sessionStaff.accountId))
      .all()
      .map((r) => r.id);
  }

  setState(sessionId: number, state: 'running' | 'paused'): void {
    this.db.update(examSessions).set({ state }).where(eq(examSessions.id, sessionId)).run();
  }

  setStarted(sessionId: number, at: number): void {
    this.db.update(examSessions).set({ state: 'running', startedAt: at }).where(eq(examSessions.id, sessionId)).run();
  }

  setEnded(sessionId: number, at: number): void {
    this.db.update(examSessions).set({ state: 'ended', endedAt: at }).where(eq(examSessions.id, sessionId)).run();
  }

  setSebConfigKey(sessionId: number, key: string | null): void {
    this.db.update(examSessions).set({ sebConfigKey: key }).where(eq(examSessions.id, sessionId)).run();
  }
}
