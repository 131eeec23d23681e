// What grading needs from the exam area: sessions and candidates, read only. Grading depends on
// this shape rather than on the exam service itself, so either can be reorganised alone.
import type { CandidateRow, ExamSessionRow } from '../exam/exam-service.js';

export type { CandidateRow, ExamSessionRow };

export interface ExamLookup {
  /** The session, or a 404 a person can act on. */
  requireSession(sessionId: number): ExamSessionRow;
  sessions(): ExamSessionRow[];
  candidate(candidateId: number): CandidateRow | undefined;
  candidates(sessionId: number): CandidateRow[];
}
