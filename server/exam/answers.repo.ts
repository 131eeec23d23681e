// Reads of the answers table. Answers are written by the answer writer alone, from its own
// connection and thread (answer-writer.ts), where the revision rule is an SQL guard.
import { asc, count, eq, sql } from 'drizzle-orm';
import type { LecternDb } from '../db/open-database.js';
import { answers } from '../db/schema/answers.js';

export interface StoredAnswer {
  questionId: string;
  text: string;
  revision: number;
  words: number;
  savedAt: number;
}

export class AnswersRepo {
  private readonly ofCandidateQuery;
  private readonly countQuery;

  constructor(db: LecternDb) {
    const candidateId = sql.placeholder('candidateId');
    this.ofCandidateQuery = db
      .select({ questionId: answers.questionId, text: answers.text, revision: answers.revision, words: answers.wordCount, savedAt: answers.savedAt })
      .from(answers)
      .where(eq(answers.candidateId, candidateId))
      .orderBy(asc(answers.questionId))
      .prepare();
    this.countQuery = db.select({ n: count() }).from(answers).where(eq(answers.candidateId, candidateId)).prepare();
  }

  /** A candidate's answers by question id: the order the receipt's digest is computed in. */
  ofCandidate(candidateId: number): StoredAnswer[] {
    return this.ofCandidateQuery.all({ candidateId });
  }

  count(candidateId: number): number {
    return this.countQuery.get({ candidateId })?.n ?? 0;
  }
}
