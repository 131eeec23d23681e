// Exam sessions as staff open and run them (/api/sessions...).
import { Type, type Static } from '@sinclair/typebox';
import { Nullable, Time } from './common.js';
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

export const NewSession = Type.Object(
  {
    packId: Type.String({ minLength: 1, maxLength: 64 }),
    title: Type.Optional(Type.String({ maxLength: 200 })),
    room: Type.Optional(Type.String({ maxLength: 100 })),
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
  packId: Type.String(),
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

export const SessionDetail = Type.Composite([SessionSummary, Type.Object({ candidates: Type.Array(SessionCandidate) })]);
export type SessionDetail = Static<typeof SessionDetail>;
