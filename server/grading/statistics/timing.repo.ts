// Reads for the timing figures: a session's save history and its answers' final word counts.
import { asc, eq, sql } from 'drizzle-orm';
import type { LecternDb } from '../../db/open-database.js';
import { answerSaves, answers } from '../../db/schema/answers.js';
import { candidates } from '../../db/schema/exam-sessions.js';
import type { TimedSave } from './timing-figures.js';

export class TimingRepo {
  constructor(private readonly db: LecternDb) {}

  /**
   * Each candidate's saves in the order they were stored. Two saves can share a millisecond; the
   * row id (the writer's order of insertion) breaks the tie, not the revision: revisions count per
   * question, so a question's third save may come before another's first in the same millisecond,
   * and the time between them would go to the wrong question.
   */
  saves(sessionId: number): TimedSave[] {
    return this.db
      .select({ candidateId: answerSaves.candidateId, questionId: answerSaves.questionId, words: answerSaves.wordCount, savedAt: answerSaves.savedAt })
      .from(answerSaves)
      .innerJoin(candidates, eq(candidates.id, answerSaves.candidateId))
      .where(eq(candidates.sessionId, sessionId))
      .orderBy(asc(answerSaves.candidateId), asc(answerSaves.savedAt), asc(sql`${answerSaves}.rowid`))
      .all();
  }

  finalWords(sessionId: number): { candidateId: number; questionId: string; words: number }[] {
    return this.db
      .select({ candidateId: answers.candidateId, questionId: answers.questionId, words: answers.wordCount })
      .from(answers)
      .innerJoin(candidates, eq(candidates.id, answers.candidateId))
      .where(eq(candidates.sessionId, sessionId))
      .all();
  }
}
