// The evidence behind a grading decision, shared by the grading views and the jury's results:
// passages copied from the document, the passage a question is about, agreement between two
// readings, each criterion's decision and the disagreements that call for a third reading.
import { Type, type Static } from '@sinclair/typebox';
import { Localized, Nullable, OneOf } from './common.js';
import { competenceJudgements, interpretationJudgements, keyPointJudgements } from './rules/rubric-scales.js';

// A corrector's judgement of one key point, one interpretation, one competence criterion.
export const KeyPointJudgement = OneOf(keyPointJudgements);
export const InterpretationJudgement = OneOf(interpretationJudgements);
export const CompetenceJudgement = OneOf(competenceJudgements);

export const CopiedRun = Type.Object({
  /** Character offsets in the answer. */
  start: Type.Integer(),
  end: Type.Integer(),
  /** The answer's text between those offsets. */
  text: Type.String(),
  /** Non-code tokens in the run. */
  words: Type.Integer(),
});
export type CopiedRun = Static<typeof CopiedRun>;

export const OverlapReport = Type.Object({
  runs: Type.Array(CopiedRun),
  /** Non-code tokens inside copied runs. */
  copiedWords: Type.Integer(),
  /** Non-code tokens in the whole answer. */
  proseWords: Type.Integer(),
  /** copiedWords / proseWords, 0 when the answer has no prose. */
  share: Type.Number(),
});
export type OverlapReport = Static<typeof OverlapReport>;

/** The part of the document a question is about. */
export const Passage = Type.Object({ anchor: Type.String(), heading: Type.String(), html: Type.String() });
export type Passage = Static<typeof Passage>;

export const AgreementFigures = Type.Object({
  /** Pairs of judgements compared. */
  pairs: Type.Integer(),
  /** Shares between 0 and 1; null when there is no pair. */
  exact: Nullable(Type.Number()),
  adjacent: Nullable(Type.Number()),
  kappa: Nullable(Type.Number()),
});
export type AgreementFigures = Static<typeof AgreementFigures>;

export const QuestionEvidence = Type.Object({
  questionId: Type.String(),
  answered: Type.Boolean(),
  found: Type.Integer(),
  partly: Type.Integer(),
  missing: Type.Integer(),
  interpretation: Nullable(InterpretationJudgement),
  comment: Type.String(),
});
export type QuestionEvidence = Static<typeof QuestionEvidence>;

export const ReadingEvidence = Type.Object({
  kind: Type.Literal('reading'),
  keyPoints: Type.Object({ found: Type.Integer(), partly: Type.Integer(), missing: Type.Integer(), total: Type.Integer() }),
  /** (found + partly / 2) / total. */
  share: Type.Number(),
  misunderstandings: Type.Integer(),
  questions: Type.Array(QuestionEvidence),
  threshold: Type.Object({ minKeyPointShare: Type.Number(), maxMisunderstandings: Type.Integer() }),
});
export type ReadingEvidence = Static<typeof ReadingEvidence>;

export const WritingEvidence = Type.Object({
  kind: Type.Literal('writing'),
  bands: Type.Record(Type.String(), Type.Number()),
  total: Type.Number(),
  threshold: Type.Object({ minBandEach: Type.Integer(), minTotal: Type.Integer() }),
});
export type WritingEvidence = Static<typeof WritingEvidence>;

/** A key point linked to a competence criterion (`criterion:` in the pack), as this reading judged it. */
export const LinkedKeyPoint = Type.Object({
  questionId: Type.String(),
  keyPointId: Type.String(),
  text: Type.String(),
  /** An unanswered question's key points count as missing. */
  level: KeyPointJudgement,
});
export type LinkedKeyPoint = Static<typeof LinkedKeyPoint>;

export const LinkedKeyPoints = Type.Object({
  found: Type.Integer(),
  partly: Type.Integer(),
  missing: Type.Integer(),
  total: Type.Integer(),
  /** (found + partly / 2) / total, as for reading. */
  share: Type.Number(),
  items: Type.Array(LinkedKeyPoint),
});
export type LinkedKeyPoints = Static<typeof LinkedKeyPoints>;

export const CompetenceEvidence = Type.Object({
  kind: Type.Literal('competence'),
  judgement: Nullable(CompetenceJudgement),
  partlyCountsAsMet: Type.Boolean(),
  /** The key points the pack links to this criterion, when it links any: the evidence the judgement rests on. */
  linkedKeyPoints: Type.Optional(LinkedKeyPoints),
});
export type CompetenceEvidence = Static<typeof CompetenceEvidence>;

export const decisionKinds = ['reading', 'writing', 'competence'] as const;
export const DecisionKind = OneOf(decisionKinds);

export const Decision = Type.Object({
  /** `reading-b2`, `writing-b1`, or `<competence rubric>/<criterion>`. */
  key: Type.String(),
  rubricId: Type.String(),
  kind: DecisionKind,
  title: Localized,
  reached: Type.Boolean(),
  evidence: Type.Union([ReadingEvidence, WritingEvidence, CompetenceEvidence]),
});
export type Decision = Static<typeof Decision>;

// A level ("found") or a band (3). Written as a JSON-schema type list rather than a union: Fastify's
// serialiser cannot match a union inside a tuple's items and answers 500.
const LevelOrBand = Type.Unsafe<string | number>({ type: ['string', 'number'] });

export const Disagreement = Type.Object({
  key: Type.String(),
  kind: OneOf(['decision', 'band-gap'] as const),
  /** What differs, for people: the decision's title, or the writing criterion's. */
  title: Localized,
  /** For a band gap: the writing criterion and the two bands. */
  criterionId: Type.Optional(Type.String()),
  /** The two readers' levels or bands. */
  values: Type.Tuple([LevelOrBand, LevelOrBand]),
});
export type Disagreement = Static<typeof Disagreement>;
