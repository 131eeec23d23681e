// The scales correctors judge on, once for the database, the rubric check, the decisions and the
// grading view's level buttons. Each scale is listed best first.

export const keyPointJudgements = ['found', 'partly', 'missing'] as const;
export const interpretationJudgements = ['correct', 'partial', 'misunderstanding'] as const;
export const competenceJudgements = ['met', 'partly', 'notMet'] as const;
export type KeyPointJudgement = (typeof keyPointJudgements)[number];
export type InterpretationJudgement = (typeof interpretationJudgements)[number];
export type CompetenceJudgement = (typeof competenceJudgements)[number];

/** Writing is judged on bands 0..5 per criterion; the rubric describes bands 1, 3 and 5. */
export const MIN_BAND = 0;
export const MAX_BAND = 5;
export const writingBands: readonly number[] = Array.from({ length: MAX_BAND - MIN_BAND + 1 }, (_, i) => MIN_BAND + i);

export interface ScaleLevel<L extends string | number = string | number> {
  level: L;
  /** The key that sets it in the grading view. */
  key: string;
}

/** Higher digit, better answer, on every scale: the best level gets the highest key. */
function keyed<L extends string>(bestFirst: readonly L[]): ScaleLevel<L>[] {
  return bestFirst.map((level, i) => ({ level, key: String(bestFirst.length - 1 - i) }));
}

export const keyPointLevels = keyed(keyPointJudgements);
export const interpretationLevels = keyed(interpretationJudgements);
export const competenceLevels = keyed(competenceJudgements);
export const bandLevels: ScaleLevel<number>[] = writingBands.map((band) => ({ level: band, key: String(band) }));
