// The parts of a content pack that travel to the pages: rubrics, key points, languages. The
// loaded pack itself (paths, line numbers, rendered documents) stays on the server
// (server/content/pack-types.ts builds on these).
import { Type, type Static } from '@sinclair/typebox';
import { Localized, OneOf } from './common.js';

export { Localized };

export const answerLanguages = ['en', 'fr'] as const;
export const AnswerLanguage = OneOf(answerLanguages);
export type AnswerLanguage = Static<typeof AnswerLanguage>;

export const KeyPoint = Type.Object({
  /** Stable within its question, e.g. "kp1". */
  id: Type.String(),
  /** What a correct answer contains, written for the corrector. */
  text: Type.String(),
  /**
   * In a section graded by a competence rubric: the id of the criterion this key point is evidence
   * for; the key point's judgements are shown with that criterion's decision (issue 16).
   */
  criterion: Type.Optional(Type.String()),
});
export type KeyPoint = Static<typeof KeyPoint>;

export const cefrLevels = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;

/** CEFR reference a rubric follows: the scale's name and level, cited, not copied. */
export const CefrReference = Type.Object({
  /** e.g. "CEFR Companion Volume (2020): Reading for information and argument". */
  scale: Type.String(),
  level: OneOf(cefrLevels),
});
export type CefrReference = Static<typeof CefrReference>;

/** Reading, judged per question: each key point found / partly / missing, and the interpretation. */
export const ReadingRubric = Type.Object({
  kind: Type.Literal('reading'),
  id: Type.String(),
  title: Localized,
  cefr: Type.Array(CefrReference),
  /** Descriptors written for this project. */
  keyPointLevels: Type.Object({ found: Localized, partly: Localized, missing: Localized }),
  interpretationLevels: Type.Object({ correct: Localized, partial: Localized, misunderstanding: Localized }),
  threshold: Type.Object({
    /** Share of key points judged found over all questions (partly counts half), 0..1. */
    minKeyPointShare: Type.Number(),
    /** At most this many answers judged a misunderstanding. */
    maxMisunderstandings: Type.Integer(),
  }),
});
export type ReadingRubric = Static<typeof ReadingRubric>;

export const WritingCriterion = Type.Object({
  id: Type.String(),
  title: Localized,
  /** Descriptors at bands 1, 3 and 5; 0 means nothing to assess, 2 and 4 lie between. */
  bands: Type.Object({ 1: Localized, 3: Localized, 5: Localized }),
});
export type WritingCriterion = Static<typeof WritingCriterion>;

/** Writing, judged once per script on bands 0..5 per criterion. */
export const WritingRubric = Type.Object({
  kind: Type.Literal('writing'),
  id: Type.String(),
  title: Localized,
  cefr: Type.Array(CefrReference),
  criteria: Type.Array(WritingCriterion),
  threshold: Type.Object({
    /** Every criterion at least this band. */
    minBandEach: Type.Integer(),
    /** Sum of the bands at least this. */
    minTotal: Type.Integer(),
  }),
});
export type WritingRubric = Static<typeof WritingRubric>;

export const CompetenceCriterion = Type.Object({
  id: Type.String(),
  title: Localized,
  descriptors: Type.Object({ met: Localized, partly: Localized, notMet: Localized }),
});
export type CompetenceCriterion = Static<typeof CompetenceCriterion>;

/** Competence sections (in French): each certification criterion met / partly / not met. */
export const CompetenceRubric = Type.Object({
  kind: Type.Literal('competence'),
  id: Type.String(),
  title: Localized,
  criteria: Type.Array(CompetenceCriterion),
  threshold: Type.Object({
    /** A criterion judged "partly" counts as met when true. */
    partlyCountsAsMet: Type.Boolean(),
  }),
});
export type CompetenceRubric = Static<typeof CompetenceRubric>;

export const Rubric = Type.Union([ReadingRubric, WritingRubric, CompetenceRubric]);
export type Rubric = Static<typeof Rubric>;

/** One problem found while loading a pack: always names the file and the line. */
export const PackProblem = Type.Object({ file: Type.String(), line: Type.Integer(), message: Type.String() });
export type PackProblem = Static<typeof PackProblem>;
