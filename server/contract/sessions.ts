// Exam sessions as staff open and run them (/api/sessions...).
import { Type, type Static } from '@sinclair/typebox';
import { Nullable, OneOf, Time } from './common.js';
import { SessionState } from './kiosk-protocol.js';

export const NewCandidateLine = Type.Object(
  {
    workstation: Type.Optional(Type.String({ maxLength: 64 })),
    fullName: Type.Optional(Type.String({ maxLength: 200 })),
    accommodationMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 240 })),
  },
  { additionalProperties: false },
);
export type NewCandidateLine = Static<typeof NewCandidateLine>;

/** What can be wrong in a candidate file; pages word each as `sessions.csv.problem.<code>`. */
export const csvProblemCodes = [
  'wrong-separator',
  'missing-column',
  'no-candidates',
  'too-many-candidates',
  'unreadable',
  'column-count',
  'missing-value',
  'too-long',
  'unknown-accommodation',
  'accommodation-without-reason',
  'duplicate-candidate',
  'workstation-twice',
] as const;
export type CsvProblemCode = (typeof csvProblemCodes)[number];

/** One faulty line of a candidate file: `code` names the problem, the rest are its placeholders. */
export const CsvProblem = Type.Object({
  line: Type.Integer({ minimum: 1 }),
  code: OneOf(csvProblemCodes),
  /** lastName, firstName, candidateNumber, workstation, accommodation or reason. */
  column: Type.Optional(Type.String()),
  value: Type.Optional(Type.String()),
  otherLine: Type.Optional(Type.Integer()),
  expected: Type.Optional(Type.Integer()),
  found: Type.Optional(Type.Integer()),
});
export type CsvProblem = Static<typeof CsvProblem>;

export const NewSession = Type.Object(
  {
    packId: Type.String({ minLength: 1, maxLength: 64 }),
    /** The form of a pack with parallel forms (docs/forms.md); its first form when left out. */
    formId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    /** A pilot tries questions out: graded, never in the jury export. */
    pilot: Type.Optional(Type.Boolean()),
    title: Type.Optional(Type.String({ maxLength: 200 })),
    room: Type.Optional(Type.String({ maxLength: 100 })),
    /** When the session is planned to start; not in the past. */
    scheduledAt: Type.Optional(Time),
    /** The centre's candidate list, the file's bytes in base64 (see server/exam/sessions-csv.ts). */
    candidatesCsv: Type.Optional(Type.String({ minLength: 1, maxLength: 2_000_000, contentEncoding: 'base64' })),
    /** Either a number of anonymous candidates, or the list with workstations and names. */
    candidateCount: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
    candidates: Type.Optional(Type.Array(NewCandidateLine, { minItems: 1, maxItems: 500 })),
    doubleMarking: Type.Optional(Type.Boolean()),
    proctorIds: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 20 })),
    correctorIds: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 50 })),
  },
  { additionalProperties: false },
);
export type NewSession = Static<typeof NewSession>;

export const SessionSummary = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  title: Type.String(),
  room: Type.String(),
  scheduledAt: Nullable(Time),
  packId: Type.String(),
  /** The form the session runs, for a pack with parallel forms. */
  formId: Nullable(Type.String()),
  pilot: Type.Boolean(),
  state: SessionState,
  durationMs: Type.Integer(),
  startedAt: Nullable(Time),
  endedAt: Nullable(Time),
  candidateCount: Type.Integer(),
});
export type SessionSummary = Static<typeof SessionSummary>;

export const SessionCandidate = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  workstation: Nullable(Type.String()),
  submittedAt: Nullable(Time),
  absent: Type.Boolean(),
});

export const SessionDetail = Type.Composite([
  SessionSummary,
  Type.Object({ candidates: Type.Array(SessionCandidate), proctorIds: Type.Array(Type.Integer()), correctorIds: Type.Array(Type.Integer()) }),
]);
export type SessionDetail = Static<typeof SessionDetail>;
