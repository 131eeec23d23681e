import { Type } from '@sinclair/typebox';

// Schemas of the proctor's routes. Lengths and ranges the proctor can get wrong (a message that
// is too long, a negative extension) are checked in the domain code too, with a message that
// says what to change; the schemas here refuse shapes no client of ours sends.

export const CandidateParams = Type.Object({ id: Type.Integer({ minimum: 1 }), candidateId: Type.Integer({ minimum: 1 }) });
export const LangQuery = Type.Object({ lang: Type.Optional(Type.Union([Type.Literal('fr'), Type.Literal('en')])) }, { additionalProperties: false });

export const PauseBody = Type.Object({ reason: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false });

export const ExtraTimeBody = Type.Object(
  {
    /** Minutes, decimals allowed (1.5 = 1 min 30 s). Range checked with a clear message. */
    minutes: Type.Number(),
    kind: Type.Union([Type.Literal('accommodation'), Type.Literal('incident')]),
    reason: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const MoveBody = Type.Object({ workstation: Type.String({ maxLength: 200 }) }, { additionalProperties: false });
export const AbsentBody = Type.Object({ absent: Type.Optional(Type.Boolean()) }, { additionalProperties: false });

export const MessageBody = Type.Object(
  {
    /** At most 2,000 characters: checked in the code so the error says how long it was. */
    text: Type.String({ maxLength: 100_000 }),
    candidateId: Type.Optional(Type.Union([Type.Null(), Type.Integer({ minimum: 1 })])),
  },
  { additionalProperties: false },
);

export const IncidentBody = Type.Object(
  {
    text: Type.String({ maxLength: 100_000 }),
    candidateId: Type.Optional(Type.Union([Type.Null(), Type.Integer({ minimum: 1 })])),
    /** When it happened (server epoch ms); now when omitted. */
    at: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);

export const SebKeyBody = Type.Object({ configKey: Type.Union([Type.Null(), Type.String({ maxLength: 200 })]) }, { additionalProperties: false });

export const Done = Type.Object({ ok: Type.Literal(true) });

export const ExtraTimeResult = Type.Object({ ok: Type.Literal(true), durationMs: Type.Integer(), totalExtraMs: Type.Integer(), deadlineAt: Type.Union([Type.Integer(), Type.Null()]) });
export const MoveResult = Type.Object({ ok: Type.Literal(true), from: Type.Union([Type.String(), Type.Null()]), to: Type.String() });

export const MessageSummarySchema = Type.Object({
  id: Type.Integer(),
  text: Type.String(),
  sentAt: Type.Integer(),
  sentBy: Type.Union([Type.String(), Type.Null()]),
  candidateId: Type.Union([Type.Integer(), Type.Null()]),
  recipients: Type.Integer(),
  acknowledgements: Type.Array(Type.Object({ candidateId: Type.Integer(), at: Type.Integer() })),
});

export const IncidentSchema = Type.Object({
  id: Type.Integer(),
  at: Type.Integer(),
  candidateId: Type.Union([Type.Integer(), Type.Null()]),
  text: Type.String(),
  by: Type.Union([Type.String(), Type.Null()]),
});

/** The dashboard snapshot and the report are large nested documents, typed in server/proctor; described loosely here. */
export const SnapshotSchema = Type.Object(
  {
    serverNow: Type.Integer(),
    session: Type.Any(),
    questions: Type.Any(),
    tiles: Type.Any(),
    feed: Type.Any(),
    messages: Type.Any(),
    incidents: Type.Any(),
  },
  { description: 'See DashboardSnapshot in server/proctor/dashboard-protocol.ts' },
);

export const ReportSchema = Type.Object(
  {
    generatedAt: Type.Integer(),
    timeZone: Type.String(),
    session: Type.Any(),
    proctors: Type.Any(),
    pauses: Type.Any(),
    extensions: Type.Any(),
    incidents: Type.Any(),
    messages: Type.Any(),
    actions: Type.Any(),
    candidates: Type.Any(),
    totals: Type.Any(),
    audit: Type.Any(),
  },
  { description: 'See SessionReport in server/proctor/report.ts' },
);
