// Timing figures per question from the recorded saves (docs/timing-data.md): the admin's
// Statistics tab shows them beside the item statistics.
import { Type, type Static } from '@sinclair/typebox';
import { Localized, Nullable } from './common.js';

const Share = Nullable(Type.Number());
const Ms = Nullable(Type.Number());

export const QuestionTiming = Type.Object({
  questionId: Type.String(),
  targetWords: Type.Integer(),
  candidates: Type.Integer(),
  reachedShare: Share,
  medianFirstSaveMs: Ms,
  medianTimeSpentMs: Ms,
  medianWordsToTarget: Nullable(Type.Number()),
  reachedTargetShare: Share,
  medianLastGrowthMs: Ms,
});

export const TimingFigures = Type.Object({
  candidates: Type.Integer(),
  reachedLastShare: Share,
  medianLastGrowthMs: Ms,
  questions: Type.Array(QuestionTiming),
});
export type TimingFiguresView = Static<typeof TimingFigures>;

export const PackTiming = Type.Object({
  packDigest: Type.String(),
  packTitle: Localized,
  /** The form, for a pack with parallel forms. */
  formId: Nullable(Type.String()),
  durationMs: Type.Integer(),
  /** Every session of the digest pooled, candidate by candidate. */
  pooled: TimingFigures,
  sessions: Type.Array(Type.Object({ sessionId: Type.Integer(), code: Type.String(), pilot: Type.Boolean(), figures: TimingFigures })),
});
export type PackTiming = Static<typeof PackTiming>;

export const TimingView = Type.Object({ packs: Type.Array(PackTiming) });
export type TimingView = Static<typeof TimingView>;
