// Schemas of the grading routes. Levels and bands are typed loosely here on purpose: the rubric
// check (server/grading/rubric-model.ts) refuses a criterion or a level the pack does not have with
// a message that names the rubric's own criteria and scale, which a schema error could not.
import { Type } from '@sinclair/typebox';
import { MAX_COMMENT_CHARS } from '../../grading/rubric-model.js';

const Id = Type.Integer({ minimum: 1 });
const CriterionId = Type.String({ minLength: 1, maxLength: 64 });
const Level = Type.String({ minLength: 1, maxLength: 32 });
const Comment = Type.String({ maxLength: MAX_COMMENT_CHARS });
const Revision = Type.Integer({ minimum: 1, maximum: 2 ** 31 });

export const SessionParams = Type.Object({ id: Id });
export const ScriptParams = Type.Object({ id: Id, candidateId: Id });
export const JuryQuery = Type.Object(
  { lang: Type.Optional(Type.Union([Type.Literal('fr'), Type.Literal('en')])), download: Type.Optional(Type.Boolean()) },
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

export const MarkSaveResult = Type.Object({
  outcome: Type.Union([Type.Literal('stored'), Type.Literal('duplicate'), Type.Literal('stale'), Type.Literal('conflict')]),
  revision: Type.Integer(),
  updatedAt: Type.Integer(),
});

export const FinishResult = Type.Object({ finishedAt: Type.Integer(), status: Type.String() });

export const DistributionBody = Type.Object(
  { correctorIds: Type.Array(Id, { minItems: 1, maxItems: 50 }), doubleMarking: Type.Boolean() },
  { additionalProperties: false },
);

export const ThirdReadingBody = Type.Object(
  { candidateIds: Type.Array(Id, { minItems: 1, maxItems: 500 }), correctorId: Id },
  { additionalProperties: false },
);

export const SessionSummary = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  packId: Type.String(),
  state: Type.String(),
  endedAt: Type.Union([Type.Integer(), Type.Null()]),
  doubleMarking: Type.Boolean(),
  gradingClosedAt: Type.Union([Type.Integer(), Type.Null()]),
  scripts: Type.Integer(),
  readingsAssigned: Type.Integer(),
  readingsFinished: Type.Integer(),
  settled: Type.Integer(),
});

export const ClosedResult = Type.Object({ gradingClosedAt: Type.Integer() });

/** Large views are described by their TypeScript types in server/grading/views.ts. */
const view = (description: string) => Type.Object({}, { additionalProperties: true, description });
export const WorkspaceView = view("The corrector's scripts (candidate codes only), the questions, key points, passages and rubrics: WorkspaceView.");
export const ReadingsView = view('The other readings of a script and where they disagree: ReadingsView.');
export const OverviewView = view('Scripts, readers, disagreements and agreement figures of a session: OverviewView.');
export const ResultsView = view('Decision per criterion and evidence per candidate: ResultsView (names only in the jury export).');
