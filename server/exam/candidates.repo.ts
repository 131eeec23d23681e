// The candidates and candidate_identities tables: every query of the exam area on them.
import { and, asc, count, eq, exists, isNull, ne, sql } from 'drizzle-orm';
import type { LecternDb } from '../db/open-database.js';
import { candidateIdentities, candidates, submitKinds, timeExtensions } from '../db/schema/exam-sessions.js';
import { authSessions } from '../db/schema/accounts.js';
import { answers } from '../db/schema/answers.js';

const candidateColumns = {
  id: candidates.id,
  sessionId: candidates.sessionId,
  code: candidates.code,
  workstation: candidates.workstation,
  noticeAcknowledgedAt: candidates.noticeAcknowledgedAt,
  lockedAt: candidates.lockedAt,
  absentAt: candidates.absentAt,
  submittedAt: candidates.submittedAt,
  submitKind: candidates.submitKind,
  receiptDigest: candidates.receiptDigest,
};

export type SubmitKind = (typeof submitKinds)[number];

export interface CandidateRow {
  id: number;
  sessionId: number;
  code: string;
  workstation: string | null;
  noticeAcknowledgedAt: number | null;
  lockedAt: number | null;
  absentAt: number | null;
  submittedAt: number | null;
  submitKind: SubmitKind | null;
  receiptDigest: string | null;
}

/** What the centre's candidate file adds to a name. */
export interface CandidateListFields {
  lastName?: string | null;
  firstName?: string | null;
  candidateNumber?: string | null;
}

export interface CandidateListRow {
  id: number;
  code: string;
  workstation: string | null;
  fullName: string | null;
  lastName: string | null;
  firstName: string | null;
  candidateNumber: string | null;
}

/** Candidates: the reads by id are on every kiosk request and login, prepared once. */
export class CandidatesRepo {
  private readonly byIdQuery;
  private readonly byCodeQuery;
  private readonly ofSessionQuery;
  private readonly writingQuery;
  private readonly countQuery;
  private readonly workstationHolderQuery;
  private readonly neverCameQuery;

  constructor(private readonly db: LecternDb) {
    const id = sql.placeholder('id');
    const sessionId = sql.placeholder('sessionId');
    this.byIdQuery = db.select(candidateColumns).from(candidates).where(eq(candidates.id, id)).prepare();
    this.byCodeQuery = db
      .select(candidateColumns)
      .from(candidates)
      .where(and(eq(candidates.sessionId, sessionId), eq(candidates.code, sql.placeholder('code'))))
      .prepare();
    this.ofSessionQuery = db.select(candidateColumns).from(candidates).where(eq(candidates.sessionId, sessionId)).orderBy(asc(candidates.id)).prepare();
    this.writingQuery = db
      .select({ id: candidates.id })
      .from(candidates)
      .where(and(eq(candidates.sessionId, sessionId), isNull(candidates.submittedAt), isNull(candidates.absentAt)))
      .prepare();
    this.countQuery = db.select({ n: count() }).from(candidates).where(eq(candidates.sessionId, sessionId)).prepare();
    // Workstation names are compared as people type them: "pc-03" is "PC-03".
    this.workstationHolderQuery = db
      .select({ id: candidates.id, code: candidates.code })
      .from(candidates)
      .where(
        and(
          eq(candidates.sessionId, sessionId),
          ne(candidates.id, id),
          isNull(candidates.absentAt),
          sql`${candidates.workstation} = ${sql.placeholder('workstation')} COLLATE NOCASE`,
        ),
      )
      .prepare();
    // Never came: no login ever opened for them, no answer saved, the notice never read. A candidate
    // with any of these was in the room, even if they wrote nothing.
    this.neverCameQuery = db
      .select({ id: candidates.id })
      .from(candidates)
      .where(
        and(
          eq(candidates.sessionId, sessionId),
          isNull(candidates.submittedAt),
          isNull(candidates.absentAt),
          isNull(candidates.noticeAcknowledgedAt),
          sql`NOT ${exists(db.select({ one: sql`1` }).from(authSessions).where(eq(authSessions.candidateId, candidates.id)))}`,
          sql`NOT ${exists(db.select({ one: sql`1` }).from(answers).where(eq(answers.candidateId, candidates.id)))}`,
        ),
      )
      .prepare();
  }

  byId(id: number): CandidateRow | undefined {
    return this.byIdQuery.get({ id });
  }

  byCode(sessionId: number, code: string): CandidateRow | undefined {
    return this.byCodeQuery.get({ sessionId, code });
  }

  /** In the order they were created (the order of the slips). */
  ofSession(sessionId: number): CandidateRow[] {
    return this.ofSessionQuery.all({ sessionId });
  }

  /** Ids of the candidates neither submitted nor absent. */
  writingIds(sessionId: number): number[] {
    return this.writingQuery.all({ sessionId }).map((r) => r.id);
  }

  /** Ids of the candidates neither submitted nor absent who never logged in, saved or read the notice. */
  neverCameIds(sessionId: number): number[] {
    return this.neverCameQuery.all({ sessionId }).map((r) => r.id);
  }

  count(sessionId: number): number {
    return this.countQuery.get({ sessionId })?.n ?? 0;
  }

  /** Another present candidate of the session already at this workstation, if any. */
  workstationHolder(sessionId: number, candidateId: number, workstation: string): { id: number; code: string } | undefined {
    return this.workstationHolderQuery.get({ sessionId, id: candidateId, workstation });
  }

  insert(sessionId: number, code: string, workstation: string | null): number {
    return this.db.insert(candidates).values({ sessionId, code, workstation }).returning({ id: candidates.id }).get().id;
  }

  /** Names live apart from codes so that grading stays anonymous. */
  insertIdentity(candidateId: number, fullName: string, fromList: CandidateListFields = {}): void {
    this.db.insert(candidateIdentities).values({ candidateId, fullName, ...fromList }).run();
  }

  /** The accommodations (extra time set beforehand) of the session's candidates, oldest first. */
  accommodationsOf(sessionId: number): { candidateId: number; durationMs: number; reason: string }[] {
    return this.db
      .select({ candidateId: timeExtensions.candidateId, durationMs: timeExtensions.durationMs, reason: timeExtensions.reason })
      .from(timeExtensions)
      .where(and(eq(timeExtensions.sessionId, sessionId), eq(timeExtensions.kind, 'accommodation')))
      .orderBy(asc(timeExtensions.id))
      .all();
  }

  /** Each candidate of the session with the name and number from the centre's list, if any: for the list exported back. */
  listOfSession(sessionId: number): CandidateListRow[] {
    return this.db
      .select({
        id: candidates.id,
        code: candidates.code,
        workstation: candidates.workstation,
        fullName: candidateIdentities.fullName,
        lastName: candidateIdentities.lastName,
        firstName: candidateIdentities.firstName,
        candidateNumber: candidateIdentities.candidateNumber,
      })
      .from(candidates)
      .leftJoin(candidateIdentities, eq(candidateIdentities.candidateId, candidates.id))
      .where(eq(candidates.sessionId, sessionId))
      .orderBy(asc(candidates.id))
      .all();
  }

  acknowledgeNotice(candidateId: number, at: number): void {
    this.db
      .update(candidates)
      .set({ noticeAcknowledgedAt: at })
      .where(and(eq(candidates.id, candidateId), isNull(candidates.noticeAcknowledgedAt)))
      .run();
  }

  /** Only a first submission is written: a receipt is final. */
  markSubmitted(candidateId: number, at: number, kind: SubmitKind, digest: string): void {
    this.db
      .update(candidates)
      .set({ submittedAt: at, submitKind: kind, receiptDigest: digest })
      .where(and(eq(candidates.id, candidateId), isNull(candidates.submittedAt)))
      .run();
  }

  setWorkstation(candidateId: number, workstation: string): void {
    this.db.update(candidates).set({ workstation }).where(eq(candidates.id, candidateId)).run();
  }

  setLocked(candidateId: number, lockedAt: number | null): void {
    this.db.update(candidates).set({ lockedAt }).where(eq(candidates.id, candidateId)).run();
  }

  setAbsent(candidateId: number, absentAt: number | null): void {
    this.db.update(candidates).set({ absentAt }).where(eq(candidates.id, candidateId)).run();
  }
}
