// The candidates and candidate_identities tables: every query of the exam area on them.
import { and, asc, count, eq, isNull, ne, sql } from 'drizzle-orm';
import type { LecternDb } from '../db/open-database.js';
import { candidateIdentities, candidates, submitKinds } from '../db/schema/exam-sessions.js';

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

/** Candidates: the reads by id are on every kiosk request and login, prepared once. */
export class CandidatesRepo {
  private readonly byIdQuery;
  private readonly byCodeQuery;
  private readonly ofSessionQuery;
  private readonly writingQuery;
  private readonly countQuery;
  private readonly workstationHolderQuery;

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
  insertIdentity(candidateId: number, fullName: string): void {
    this.db.insert(candidateIdentities).values({ candidateId, fullName }).run();
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
