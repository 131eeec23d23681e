// What the grading view reads and sends (/api/grading...): scripts under candidate codes, marks
// with their revisions, readings and third readings, agreement and results.
import { Type, type Static } from '@sinclair/typebox';
import { Id, Localized, Nullable, OneOf, Time } from './common.js';
import { CompetenceRubric, KeyPoint, ReadingRubric, WritingRubric, AnswerLanguage } from './pack.js';
import { MAX_COMMENT_CHARS } from './rules/limits.js';
import { CompetenceJudgement, InterpretationJudgement, KeyPointJudgement, OverlapReport, Passage, AgreementFigures, DecisionKind, Decision, Disagreement } from './grading-evidence.js';

// ---- marks ----

export const AnswerMark = Type.Object({
  keyPoints: Type.Record(Type.String(), KeyPointJudgement),
  interpretation: Nullable(InterpretationJudgement),
  comment: Type.String(),
});
export type AnswerMark = Static<typeof AnswerMark>;

export const ScriptMark = Type.Object({
  /** Band per writing rubric, then per criterion. */
  writing: Type.Record(Type.String(), Type.Record(Type.String(), Type.Number())),
  /** Judgement per competence rubric, then per criterion. */
  competence: Type.Record(Type.String(), Type.Record(Type.String(), CompetenceJudgement)),
  comment: Type.String(),
});
export type ScriptMark = Static<typeof ScriptMark>;

const Stored = Type.Object({ revision: Type.Integer(), updatedAt: Time });
export const StoredAnswerMark = Type.Composite([AnswerMark, Stored]);
export type StoredAnswerMark = Static<typeof StoredAnswerMark>;
export const StoredScriptMark = Type.Composite([ScriptMark, Stored]);
export type StoredScriptMark = Static<typeof StoredScriptMark>;

// Levels and bands are typed loosely in the bodies on purpose: the rubric check
// (server/grading/rubric-model.ts) refuses a criterion or a level the pack does not have with a
// message that names the rubric's own criteria and scale, which a schema error could not.
const CriterionId = Type.String({ minLength: 1, maxLength: 64 });
const Level = Type.String({ minLength: 1, maxLength: 32 });
const Comment = Type.String({ maxLength: MAX_COMMENT_CHARS });
const Revision = Type.Integer({ minimum: 1, maximum: 2 ** 31 });

export const SessionParams = Type.Object({ id: Id });
export const ScriptParams = Type.Object({ id: Id, candidateId: Id });
export const JuryQuery = Type.Object(
  { lang: Type.Optional(OneOf(['fr', 'en'] as const)), download: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);

export const AnswerMarkBody = Type.Object(
  {
    candidateId: Id,
    questionId: Type.String({ minLength: 1, maxLength: 64 }),
    revision: Revision,
    keyPoints: Type.Record(CriterionId, Level, { maxProperties: 50 }),
    interpretation: Type.Union([Level, Type.Null()]),
    comment: Comment,
  },
  { additionalProperties: false },
);
export type AnswerMarkBody = Static<typeof AnswerMarkBody>;

export const ScriptMarkBody = Type.Object(
  {
    candidateId: Id,
    revision: Revision,
    writing: Type.Record(CriterionId, Type.Record(CriterionId, Type.Number(), { maxProperties: 50 }), { maxProperties: 10 }),
    competence: Type.Record(CriterionId, Type.Record(CriterionId, Level, { maxProperties: 50 }), { maxProperties: 10 }),
    comment: Comment,
  },
  { additionalProperties: false },
);
export type ScriptMarkBody = Static<typeof ScriptMarkBody>;

export const MarkSaveResult = Type.Object({
  /** stored: written; duplicate: already held; stale: a newer revision is held; conflict: this revision is held with other content. */
  outcome: OneOf(['stored', 'duplicate', 'stale', 'conflict'] as const),
  /** The revision the server holds after this request. */
  revision: Type.Integer(),
  updatedAt: Time,
});
export type MarkSaveResult = Static<typeof MarkSaveResult>;

export const FinishResult = Type.Object({ finishedAt: Time, status: Type.String() });
export type FinishResult = Static<typeof FinishResult>;

export const DistributionBody = Type.Object(
  { correctorIds: Type.Array(Id, { minItems: 1, maxItems: 50 }), doubleMarking: Type.Boolean() },
  { additionalProperties: false },
);
export type DistributionBody = Static<typeof DistributionBody>;

export const ThirdReadingBody = Type.Object(
  { candidateIds: Type.Array(Id, { minItems: 1, maxItems: 500 }), correctorId: Id },
  { additionalProperties: false },
);
export type ThirdReadingBody = Static<typeof ThirdReadingBody>;

export const ClosedResult = Type.Object({ gradingClosedAt: Time });
export type ClosedResult = Static<typeof ClosedResult>;

// ---- views ----

/**
 * - unassigned: not every reading it needs has a corrector yet;
 * - in-progress: a reading is not finished;
 * - needs-third-reading: the two readings disagree and no third reader is chosen;
 * - third-reading: the third reader has not finished;
 * - settled: its result is known.
 */
export const scriptStatuses = ['unassigned', 'in-progress', 'needs-third-reading', 'third-reading', 'settled'] as const;
export const ScriptStatus = OneOf(scriptStatuses);
export type ScriptStatus = Static<typeof ScriptStatus>;
export const SettledBy = OneOf(['single', 'agreement', 'third-reading'] as const);
export type SettledBy = Static<typeof SettledBy>;

export const GradingSessionSummary = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  packId: Type.String(),
  state: Type.String(),
  endedAt: Nullable(Time),
  doubleMarking: Type.Boolean(),
  gradingClosedAt: Nullable(Time),
  scripts: Type.Integer(),
  /** For a corrector: their readings; for an admin: every reading. */
  readingsAssigned: Type.Integer(),
  readingsFinished: Type.Integer(),
  settled: Type.Integer(),
});
export type GradingSessionSummary = Static<typeof GradingSessionSummary>;

export const QuestionView = Type.Object({
  id: Type.String(),
  promptHtml: Type.String(),
  keyPoints: Type.Array(KeyPoint),
  /** Other correct answers and the misreadings the question is built to catch, shown beside the key points. */
  acceptedVariants: Type.Optional(Type.Array(Type.String())),
  likelyMisreadings: Type.Optional(Type.Array(Type.String())),
  targetWords: Type.Integer(),
  passage: Nullable(Passage),
});
export type QuestionView = Static<typeof QuestionView>;

export const SectionView = Type.Object({
  id: Type.String(),
  title: Localized,
  answerLanguage: AnswerLanguage,
  readingRubricId: Nullable(Type.String()),
  /** The competence rubric grading the section: its key points name their criterion in it (issue 16). */
  competenceRubricId: Nullable(Type.String()),
  questions: Type.Array(QuestionView),
});
export type SectionView = Static<typeof SectionView>;

export const AnswerView = Type.Object({
  questionId: Type.String(),
  text: Type.String(),
  words: Type.Integer(),
  overlap: OverlapReport,
});
export type AnswerView = Static<typeof AnswerView>;

export const ScriptView = Type.Object({
  candidateId: Type.Integer(),
  /** The candidate code as printed: the only name a corrector ever sees. */
  code: Type.String(),
  reading: Type.Integer(),
  finishedAt: Nullable(Time),
  /** True once the other readings of this script may be shown to this corrector. */
  othersVisible: Type.Boolean(),
  answers: Type.Array(AnswerView),
  marks: Type.Object({ answers: Type.Record(Type.String(), StoredAnswerMark), script: Nullable(StoredScriptMark) }),
});
export type ScriptView = Static<typeof ScriptView>;

const SessionOfWorkspace = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  packId: Type.String(),
  state: Type.String(),
  doubleMarking: Type.Boolean(),
  gradingClosedAt: Nullable(Time),
});

export const WorkspaceView = Type.Object({
  session: SessionOfWorkspace,
  corrector: Type.Object({ accountId: Type.Integer(), displayName: Type.String() }),
  pack: Type.Object({
    title: Localized,
    certification: Localized,
    sections: Type.Array(SectionView),
    rubrics: Type.Object({ reading: Type.Array(ReadingRubric), writing: Type.Array(WritingRubric), competence: Type.Array(CompetenceRubric) }),
  }),
  scripts: Type.Array(ScriptView),
  /** Why there is nothing to grade yet, if so. */
  notice: Nullable(OneOf(['session-not-ended', 'not-distributed'] as const)),
});
export type WorkspaceView = Static<typeof WorkspaceView>;

export const ReadingView = Type.Object({
  reading: Type.Integer(),
  corrector: Type.String(),
  finishedAt: Nullable(Time),
  answers: Type.Record(Type.String(), AnswerMark),
  script: Nullable(ScriptMark),
  decisions: Type.Array(Decision),
});
export type ReadingView = Static<typeof ReadingView>;

export const ReadingsView = Type.Object({
  candidateId: Type.Integer(),
  code: Type.String(),
  readings: Type.Array(ReadingView),
  disagreements: Type.Array(Disagreement),
});
export type ReadingsView = Static<typeof ReadingsView>;

export const ReaderView = Type.Object({
  reading: Type.Integer(),
  correctorId: Type.Integer(),
  corrector: Type.String(),
  finishedAt: Nullable(Time),
  /** Judgements made / judgements needed. */
  judged: Type.Integer(),
  needed: Type.Integer(),
});
export type ReaderView = Static<typeof ReaderView>;

export const OverviewScript = Type.Object({
  candidateId: Type.Integer(),
  code: Type.String(),
  status: ScriptStatus,
  readers: Type.Array(ReaderView),
  disagreements: Type.Array(Disagreement),
});
export type OverviewScript = Static<typeof OverviewScript>;

export const AgreementRow = Type.Object({
  key: Type.String(),
  title: Localized,
  levels: Type.Integer(),
  figures: AgreementFigures,
});
export type AgreementRow = Static<typeof AgreementRow>;

export const OverviewView = Type.Object({
  session: GradingSessionSummary,
  correctors: Type.Array(Type.Object({ id: Type.Integer(), username: Type.String(), displayName: Type.String(), onSession: Type.Boolean() })),
  scripts: Type.Array(OverviewScript),
  absent: Type.Array(Type.Object({ candidateId: Type.Integer(), code: Type.String() })),
  /** Scripts per status. */
  counts: Type.Object({
    unassigned: Type.Integer(),
    'in-progress': Type.Integer(),
    'needs-third-reading': Type.Integer(),
    'third-reading': Type.Integer(),
    settled: Type.Integer(),
  }),
  agreement: Type.Array(AgreementRow),
  /** Scripts may be shared out again only until the first grade. */
  canDistribute: Type.Boolean(),
});
export type OverviewView = Static<typeof OverviewView>;

export const FinalDecision = Type.Object({
  key: Type.String(),
  kind: DecisionKind,
  rubricId: Type.String(),
  title: Localized,
  /** null until the script is settled. */
  reached: Nullable(Type.Boolean()),
  /** Readings whose marks give this decision. */
  fromReadings: Type.Array(Type.Integer()),
  /** Reading: mean key-point share and misunderstandings of those readings; writing: band per criterion (mean of agreeing readers). */
  keyPointShare: Type.Optional(Type.Number()),
  misunderstandings: Type.Optional(Type.Number()),
  bands: Type.Optional(Type.Record(Type.String(), Type.Number())),
  judgement: Type.Optional(Nullable(Type.String())),
  /** Competence: the share of the key points linked to the criterion (mean of the settling readings), when the pack links any. */
  linkedKeyPointShare: Type.Optional(Type.Number()),
});
export type FinalDecision = Static<typeof FinalDecision>;

export const CandidateResult = Type.Object({
  candidateId: Type.Integer(),
  code: Type.String(),
  /** Only in the jury export, after grading is closed. */
  fullName: Type.Optional(Nullable(Type.String())),
  absent: Type.Boolean(),
  status: Type.Union([ScriptStatus, Type.Literal('absent')]),
  settledBy: Nullable(SettledBy),
  decisions: Type.Array(FinalDecision),
  readings: Type.Array(ReadingView),
  disagreements: Type.Array(Disagreement),
});
export type CandidateResult = Static<typeof CandidateResult>;

export const CriterionHead = Type.Object({
  key: Type.String(),
  kind: DecisionKind,
  rubricId: Type.String(),
  title: Localized,
  /** Writing criteria (id and title) of a writing rubric. */
  criteria: Type.Optional(Type.Array(Type.Object({ id: Type.String(), title: Localized }))),
  /** A competence criterion's rubric title (the competence it belongs to), for the jury's summary. */
  rubricTitle: Type.Optional(Localized),
});
export type CriterionHead = Static<typeof CriterionHead>;

export const ResultsView = Type.Object({
  session: Type.Object({
    id: Type.Integer(),
    title: Type.String(),
    code: Type.String(),
    room: Type.String(),
    packId: Type.String(),
    startedAt: Nullable(Time),
    endedAt: Nullable(Time),
    doubleMarking: Type.Boolean(),
    gradingClosedAt: Nullable(Time),
  }),
  pack: Type.Object({ title: Localized, certification: Localized, cefr: Type.Array(Type.Object({ rubricId: Type.String(), scale: Type.String(), level: Type.String() })) }),
  criteria: Type.Array(CriterionHead),
  candidates: Type.Array(CandidateResult),
  agreement: Type.Array(AgreementRow),
  /** True when names are joined (the jury export). */
  named: Type.Boolean(),
  generatedAt: Time,
});
export type ResultsView = Static<typeof ResultsView>;
