// What a session's scripts hold for grading: the candidates' answers, and (for the jury export
// only) the names behind the candidate codes.
import { eq, sql } from 'drizzle-orm';
import type { LecternDb } from '../db/open-database.js';
import { answers } from '../db/schema/answers.js';
import { candidateIdentities, candidates } from '../db/schema/exam-sessions.js';

export interface ScriptAnswerRow {
  candidateId: number;
  questionId: string;
  text: string;
  words: number;
}

export interface IdentityRow {
  candidateId: number;
  fullName: string;
}

export class ScriptsRepository {
  private readonly st;

  constructor(db: LecternDb) {
    const ofSession = eq(candidates.sessionId, sql.placeholder('sessionId'));
    this.st = {
      answersOfSession: db
        .select({ candidateId: answers.candidateId, questionId: answers.questionId, text: answers.text, words: answers.wordCount })
        .from(answers)
        .innerJoin(candidates, eq(candidates.id, answers.candidateId))
        .where(ofSession)
        .prepare(),
      identities: db
        .select({ candidateId: candidateIdentities.candidateId, fullName: candidateIdentities.fullName })
        .from(candidateIdentities)
        .innerJoin(candidates, eq(candidates.id, candidateIdentities.candidateId))
        .where(ofSession)
        .prepare(),
    };
  }

  answersOfSession(sessionId: number): ScriptAnswerRow[] {
    return this.st.answersOfSession.all({ sessionId });
  }

  /** Full names by candidate: only the jury export, after closing, may ask. */
  identities(sessionId: number): IdentityRow[] {
    return this.st.identities.all({ sessionId });
  }
}
