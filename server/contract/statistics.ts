// Item statistics of a pack (per pack digest, pooled over its graded sessions): what the admin's
// statistics page shows. The figures are defined in server/grading/statistics/ and docs/item-statistics.md.
import { Type, type Static } from '@sinclair/typebox';
import { Localized, Nullable, OneOf } from './common.js';
import { AgreementFigures } from './grading-evidence.js';

export const itemFlags = ['too-hard', 'too-easy', 'low-discrimination', 'low-agreement'] as const;
export const ItemFlag = OneOf(itemFlags);
export type ItemFlag = Static<typeof ItemFlag>;

/** Figures shared by a key point and a question; shares between 0 and 1, null when not defined. */
const itemFigures = {
  /** Candidates with a settled script. */
  candidates: Type.Integer(),
  /** Mean score / maximum (found 1, partly 0.5, missing or empty answer 0). */
  facility: Nullable(Type.Number()),
  /** Share of "partly" among the settling readings' judgements of non-empty answers. */
  partlyShare: Nullable(Type.Number()),
  /** Share of candidates whose answer is empty. */
  omissionRate: Nullable(Type.Number()),
  /** Pearson correlation of the item's score with the section total minus the item. */
  discrimination: Nullable(Type.Number()),
  /** First against second reading, exact share and quadratic-weighted kappa. */
  agreement: AgreementFigures,
  flags: Type.Array(ItemFlag),
};

export const KeyPointStatistics = Type.Object({ keyPointId: Type.String(), text: Type.String(), ...itemFigures });
export type KeyPointStatistics = Static<typeof KeyPointStatistics>;

export const QuestionStatistics = Type.Object({
  questionId: Type.String(),
  maxPoints: Type.Integer(),
  ...itemFigures,
  /** Share of non-empty answers the settling readings judged a misunderstanding (null without interpretation). */
  misunderstandingRate: Nullable(Type.Number()),
  keyPoints: Type.Array(KeyPointStatistics),
});
export type QuestionStatistics = Static<typeof QuestionStatistics>;

export const SectionStatistics = Type.Object({
  sectionId: Type.String(),
  title: Localized,
  candidates: Type.Integer(),
  /** Key points: the items alpha is computed over. */
  items: Type.Integer(),
  maxPoints: Type.Integer(),
  meanTotal: Nullable(Type.Number()),
  sdTotal: Nullable(Type.Number()),
  alpha: Nullable(Type.Number()),
  /** SD × √(1 - alpha), in points. */
  sem: Nullable(Type.Number()),
  /** The reading rubric's cut in points (share × maximum), null without a reading rubric. */
  cutScore: Nullable(Type.Number()),
  lowReliability: Type.Boolean(),
  questions: Type.Array(QuestionStatistics),
});
export type SectionStatistics = Static<typeof SectionStatistics>;

export const PackStatistics = Type.Object({
  packDigest: Type.String(),
  packTitle: Localized,
  /** The form, for a pack with parallel forms (each form has its own digest, so its own figures). */
  formId: Nullable(Type.String()),
  sessionIds: Type.Array(Type.Integer()),
  candidates: Type.Integer(),
  sections: Type.Array(SectionStatistics),
});
export type PackStatistics = Static<typeof PackStatistics>;

export const Thresholds = Type.Object({
  minFacility: Type.Number(),
  maxFacility: Type.Number(),
  minDiscrimination: Type.Number(),
  minKappa: Type.Number(),
  minAlpha: Type.Number(),
});

export const StatisticsView = Type.Object({
  thresholds: Thresholds,
  /** Sessions left out because their pack has changed since they ran. */
  skippedSessions: Type.Integer(),
  packs: Type.Array(PackStatistics),
});
export type StatisticsView = Static<typeof StatisticsView>;

export const StatisticsCsvQuery = Type.Object({ lang: Type.Optional(OneOf(['fr', 'en'] as const)) }, { additionalProperties: false });
