// Marks: one corrector's judgement of an answer (answer_marks) and of a whole script
// (script_marks). JSON columns come back parsed and typed by the schema's `$type<>()`.
import { and, count, eq, sql } from 'drizzle-orm';
import type { LecternDb } from '../db/open-database.js';
import { candidates } from '../db/schema/exam-sessions.js';
import { answerMarks, scriptMarks, type CompetenceJudgement, type InterpretationJudgement, type KeyPointJudgement } from '../db/schema/grading.js';

/** An answer mark as stored, with the revision rule's two fields. */
export interface AnswerMarkRow {
  keyPoints: Record<string, KeyPointJudgement>;
  interpretation: InterpretationJudgement | null;
  comment: string;
  revision: number;
  updatedAt: number;
}

/** A script mark as stored, with the revision rule's two fields. */
export interface ScriptMarkRow {
  writing: Record<string, Record<string, number>>;
  competence: Record<string, Record<string, CompetenceJudgement>>;
  comment: string;
  revision: number;
  updatedAt: number;
}

export interface SessionAnswerMarkRow extends AnswerMarkRow {
  candidateId: number;
  questionId: string;
  correctorId: number;
}

export interface SessionScriptMarkRow extends ScriptMarkRow {
  candidateId: number;
  correctorId: number;
}

const ph = sql.placeholder;

export class MarksRepository {
  private readonly st;

  constructor(db: LecternDb) {
    const am = answerMarks;
    const sm = scriptMarks;
    const ofCandidate = eq(candidates.id, am.candidateId);
    const answerMarkByKey = and(eq(am.candidateId, ph('candidateId')), eq(am.questionId, ph('questionId')), eq(am.correctorId, ph('correctorId')));
    const scriptMarkByKey = and(eq(sm.candidateId, ph('candidateId')), eq(sm.correctorId, ph('correctorId')));
    const answerMarkFields = { keyPoints: am.keyPoints, interpretation: am.interpretation, comment: am.comment, revision: am.revision, updatedAt: am.updatedAt };
    const scriptMarkFields = { writing: sm.writingBands, competence: sm.competence, comment: sm.comment, revision: sm.revision, updatedAt: sm.updatedAt };
    this.st = {
      answerMarksOfSession: db
        .select({ candidateId: am.candidateId, questionId: am.questionId, correctorId: am.correctorId, ...answerMarkFields })
        .from(am)
        .innerJoin(candidates, ofCandidate)
        .where(eq(candidates.sessionId, ph('sessionId')))
        .prepare(),
      scriptMarksOfSession: db
        .select({ candidateId: sm.candidateId, correctorId: sm.correctorId, ...scriptMarkFields })
        .from(sm)
        .innerJoin(candidates, eq(candidates.id, sm.candidateId))
        .where(eq(candidates.sessionId, ph('sessionId')))
        .prepare(),
      answerMark: db.select(answerMarkFields).from(am).where(answerMarkByKey).prepare(),
      scriptMark: db.select(scriptMarkFields).from(sm).where(scriptMarkByKey).prepare(),
      upsertAnswerMark: db
        .insert(am)
        .values({ candidateId: ph('candidateId'), questionId: ph('questionId'), correctorId: ph('correctorId'), keyPoints: ph('keyPoints'), interpretation: ph('interpretation'), comment: ph('comment'), revision: ph('revision'), updatedAt: ph('updatedAt') })
        .onConflictDoUpdate({
          target: [am.candidateId, am.questionId, am.correctorId],
          set: { keyPoints: sql`excluded.key_points`, interpretation: sql`excluded.interpretation`, comment: sql`excluded.comment`, revision: sql`excluded.revision`, updatedAt: sql`excluded.updated_at` },
        })
        .prepare(),
      upsertScriptMark: db
        .insert(sm)
        .values({ candidateId: ph('candidateId'), correctorId: ph('correctorId'), writingBands: ph('writing'), competence: ph('competence'), comment: ph('comment'), revision: ph('revision'), updatedAt: ph('updatedAt') })
        .onConflictDoUpdate({
          target: [sm.candidateId, sm.correctorId],
          set: { writingBands: sql`excluded.writing_bands`, competence: sql`excluded.competence`, comment: sql`excluded.comment`, revision: sql`excluded.revision`, updatedAt: sql`excluded.updated_at` },
        })
        .prepare(),
      answerMarksInSession: db.select({ n: count() }).from(am).innerJoin(candidates, ofCandidate).where(eq(candidates.sessionId, ph('sessionId'))).prepare(),
      scriptMarksInSession: db
        .select({ n: count() })
        .from(sm)
        .innerJoin(candidates, eq(candidates.id, sm.candidateId))
        .where(eq(candidates.sessionId, ph('sessionId')))
        .prepare(),
      answerMarksOfReader: db.select({ n: count() }).from(am).where(and(eq(am.candidateId, ph('candidateId')), eq(am.correctorId, ph('correctorId')))).prepare(),
      scriptMarksOfReader: db.select({ n: count() }).from(sm).where(scriptMarkByKey).prepare(),
    };
  }

  answerMarksOfSession(sessionId: number): SessionAnswerMarkRow[] {
    return this.st.answerMarksOfSession.all({ sessionId });
  }

  scriptMarksOfSession(sessionId: number): SessionScriptMarkRow[] {
    return this.st.scriptMarksOfSession.all({ sessionId });
  }

  answerMark(candidateId: number, questionId: string, correctorId: number): AnswerMarkRow | undefined {
    return this.st.answerMark.get({ candidateId, questionId, correctorId });
  }

  scriptMark(candidateId: number, correctorId: number): ScriptMarkRow | undefined {
    return this.st.scriptMark.get({ candidateId, correctorId });
  }

  /** Writes an answer mark, replacing the corrector's previous one. */
  saveAnswerMark(row: SessionAnswerMarkRow): void {
    this.st.upsertAnswerMark.run({ ...row });
  }

  /** Writes a script mark, replacing the corrector's previous one. */
  saveScriptMark(row: SessionScriptMarkRow): void {
    this.st.upsertScriptMark.run({ ...row });
  }

  /** Marks of any corrector in the session: once there is one, grading has started. */
  countInSession(sessionId: number): number {
    return (this.st.answerMarksInSession.get({ sessionId })?.n ?? 0) + (this.st.scriptMarksInSession.get({ sessionId })?.n ?? 0);
  }

  /** Marks one corrector has given one script. */
  countOfReader(candidateId: number, correctorId: number): number {
    return (this.st.answerMarksOfReader.get({ candidateId, correctorId })?.n ?? 0) + (this.st.scriptMarksOfReader.get({ candidateId, correctorId })?.n ?? 0);
  }
}
