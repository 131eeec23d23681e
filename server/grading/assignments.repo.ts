// Who reads which script: the rows of grading_assignments (first, second and third readings).
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { LecternDb } from '../db/open-database.js';
import { accounts } from '../db/schema/accounts.js';
import { candidates } from '../db/schema/exam-sessions.js';
import { gradingAssignments } from '../db/schema/grading.js';

/** One reading of a script, with the corrector's display name (never the candidate's). */
export interface ReadingRow {
  candidateId: number;
  correctorId: number;
  reading: number;
  assignedAt: number;
  finishedAt: number | null;
  corrector: string;
}

/** A corrector's reading of one script: which reading, and whether it is finished. */
export interface AssignmentRow {
  reading: number;
  finishedAt: number | null;
}

export class AssignmentsRepository {
  private readonly st;

  constructor(db: LecternDb) {
    const ga = gradingAssignments;
    this.st = {
      readingsOfSession: db
        .select({ candidateId: ga.candidateId, correctorId: ga.correctorId, reading: ga.reading, assignedAt: ga.assignedAt, finishedAt: ga.finishedAt, corrector: accounts.displayName })
        .from(ga)
        .innerJoin(candidates, eq(candidates.id, ga.candidateId))
        .innerJoin(accounts, eq(accounts.id, ga.correctorId))
        .where(eq(candidates.sessionId, sql.placeholder('sessionId')))
        .orderBy(ga.candidateId, ga.reading)
        .prepare(),
      assignment: db
        .select({ reading: ga.reading, finishedAt: ga.finishedAt })
        .from(ga)
        .where(and(eq(ga.candidateId, sql.placeholder('candidateId')), eq(ga.correctorId, sql.placeholder('correctorId'))))
        .prepare(),
      setFinished: db
        .update(ga)
        // drizzle types no placeholder in set(): it goes in as SQL, bound as given.
        .set({ finishedAt: sql`${sql.placeholder('finishedAt')}` })
        .where(and(eq(ga.candidateId, sql.placeholder('candidateId')), eq(ga.correctorId, sql.placeholder('correctorId'))))
        .prepare(),
      deleteOfSession: db
        .delete(ga)
        .where(inArray(ga.candidateId, db.select({ id: candidates.id }).from(candidates).where(eq(candidates.sessionId, sql.placeholder('sessionId')))))
        .prepare(),
      deleteReading: db
        .delete(ga)
        .where(and(eq(ga.candidateId, sql.placeholder('candidateId')), eq(ga.reading, sql.placeholder('reading'))))
        .prepare(),
      insert: db
        .insert(ga)
        .values({ candidateId: sql.placeholder('candidateId'), correctorId: sql.placeholder('correctorId'), reading: sql.placeholder('reading'), assignedAt: sql.placeholder('assignedAt') })
        .prepare(),
    };
  }

  /** Every reading of the session's scripts, by candidate then reading. */
  readingsOfSession(sessionId: number): ReadingRow[] {
    return this.st.readingsOfSession.all({ sessionId });
  }

  assignment(candidateId: number, correctorId: number): AssignmentRow | undefined {
    return this.st.assignment.get({ candidateId, correctorId });
  }

  /** Finishes (a time) or reopens (null) a corrector's reading of a script. */
  setFinished(candidateId: number, correctorId: number, finishedAt: number | null): void {
    this.st.setFinished.run({ candidateId, correctorId, finishedAt });
  }

  deleteOfSession(sessionId: number): void {
    this.st.deleteOfSession.run({ sessionId });
  }

  deleteReading(candidateId: number, reading: number): void {
    this.st.deleteReading.run({ candidateId, reading });
  }

  insert(candidateId: number, correctorId: number, reading: number, assignedAt: number): void {
    this.st.insert.run({ candidateId, correctorId, reading, assignedAt });
  }
}
