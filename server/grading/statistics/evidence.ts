// What the item statistics are computed from, independent of the database: the form (a pack
// digest's sections, questions and key points) and, per candidate whose script is settled, the
// judgements of the readings that settled it and of the first and second readings.
import type { Localized } from '../../contract/common.js';
import type { InterpretationJudgement, KeyPointJudgement } from '../../contract/rules/rubric-scales.js';

/**
 * Score of a key point judgement: found = 1, partly = 0.5, missing = 0 (the reading rubric's own
 * rule: "partly counts half"). A key point of an empty answer scores 0: nothing was written.
 */
export const KEY_POINT_SCORE: Readonly<Record<KeyPointJudgement, number>> = { found: 1, partly: 0.5, missing: 0 };

export interface FormKeyPoint {
  id: string;
  text: string;
}

export interface FormQuestion {
  id: string;
  keyPoints: readonly FormKeyPoint[];
}

export interface FormSection {
  id: string;
  title: Localized;
  /** The reading rubric's cut, a share of the key points (partly half), or null without one. */
  cutShare: number | null;
  questions: readonly FormQuestion[];
}

export interface Form {
  packDigest: string;
  sections: readonly FormSection[];
}

/** One reading's judgements of one answer. */
export interface AnswerJudgements {
  keyPoints: Readonly<Record<string, KeyPointJudgement>>;
  interpretation: InterpretationJudgement | null;
}

/** One reading of a script: its judgements by question id (questions not judged are absent). */
export type ReadingJudgements = ReadonlyMap<string, AnswerJudgements>;

export interface CandidateEvidence {
  sessionId: number;
  candidateCode: string;
  /** Questions with a non-empty answer. */
  answered: ReadonlySet<string>;
  /** The readings whose decisions stand (the single one, the two that agree, or the third). */
  settling: readonly ReadingJudgements[];
  /** The first and second readings when both are finished (double marking): their agreement. */
  pair: readonly [ReadingJudgements, ReadingJudgements] | null;
}

/** The judgement a reading gave a key point; an answered key point left unjudged counts as missing. */
export const judgementOf = (reading: ReadingJudgements, questionId: string, keyPointId: string): KeyPointJudgement =>
  reading.get(questionId)?.keyPoints[keyPointId] ?? 'missing';

/** A candidate's score on a key point: 0 when the answer is empty, else the mean over the settling readings. */
export function keyPointScore(c: CandidateEvidence, questionId: string, keyPointId: string): number {
  if (!c.answered.has(questionId) || c.settling.length === 0) return 0;
  const scores = c.settling.map((r) => KEY_POINT_SCORE[judgementOf(r, questionId, keyPointId)]);
  return scores.reduce((s, x) => s + x, 0) / scores.length;
}
