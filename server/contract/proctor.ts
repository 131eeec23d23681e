// What the proctor's pages send and read over HTTP: room and candidate controls, messages,
// incidents, and the session report (procès-verbal). Lengths and ranges the proctor can get wrong
// (a message that is too long, a negative extension) are checked in the domain code too, with a
// message that says what to change; the schemas here refuse shapes no client of ours sends.
import { Type, type Static } from '@sinclair/typebox';
import { Counts, Localized, Nullable, OneOf, Time } from './common.js';
import { SubmitKind } from './kiosk-protocol.js';

export { Done, IdParams } from './common.js';
export { DashboardSnapshot, IncidentView, MessageSummary } from './staff-protocol.js';

export const CandidateParams = Type.Object({ id: Type.Integer({ minimum: 1 }), candidateId: Type.Integer({ minimum: 1 }) });
export const LangQuery = Type.Object({ lang: Type.Optional(OneOf(['fr', 'en'] as const)) }, { additionalProperties: false });

export const PauseBody = Type.Object({ reason: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false });
export type PauseBody = Static<typeof PauseBody>;

export const extraTimeKinds = ['accommodation', 'incident'] as const;
export const ExtraTimeBody = Type.Object(
  {
    /** Minutes, decimals allowed (1.5 = 1 min 30 s). Range checked with a clear message. */
    minutes: Type.Number(),
    kind: OneOf(extraTimeKinds),
    reason: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type ExtraTimeBody = Static<typeof ExtraTimeBody>;

export const MoveBody = Type.Object({ workstation: Type.String({ maxLength: 200 }) }, { additionalProperties: false });
export type MoveBody = Static<typeof MoveBody>;
export const AbsentBody = Type.Object({ absent: Type.Optional(Type.Boolean()) }, { additionalProperties: false });
export type AbsentBody = Static<typeof AbsentBody>;

export const MessageBody = Type.Object(
  {
    /** At most 2,000 characters: checked in the code so the error says how long it was. */
    text: Type.String({ maxLength: 100_000 }),
    candidateId: Type.Optional(Type.Union([Type.Null(), Type.Integer({ minimum: 1 })])),
  },
  { additionalProperties: false },
);
export type MessageBody = Static<typeof MessageBody>;

export const IncidentBody = Type.Object(
  {
    text: Type.String({ maxLength: 100_000 }),
    candidateId: Type.Optional(Type.Union([Type.Null(), Type.Integer({ minimum: 1 })])),
    /** When it happened (server epoch ms); now when omitted. */
    at: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);
export type IncidentBody = Static<typeof IncidentBody>;

export const SebKeyBody = Type.Object({ configKey: Type.Union([Type.Null(), Type.String({ maxLength: 200 })]) }, { additionalProperties: false });
export type SebKeyBody = Static<typeof SebKeyBody>;

export const ExtraTimeResult = Type.Object({ ok: Type.Literal(true), durationMs: Type.Integer(), totalExtraMs: Type.Integer(), deadlineAt: Nullable(Time) });
export type ExtraTimeResult = Static<typeof ExtraTimeResult>;
export const MoveResult = Type.Object({ ok: Type.Literal(true), from: Nullable(Type.String()), to: Type.String() });
export type MoveResult = Static<typeof MoveResult>;

// ---- the session report ----

export const ReportCandidate = Type.Object({
  candidateId: Type.Integer(),
  code: Type.String(),
  workstation: Nullable(Type.String()),
  /** Logged in at least once and not marked absent. */
  present: Type.Boolean(),
  absentMarkedAt: Nullable(Time),
  firstLoginAt: Nullable(Time),
  moves: Type.Array(Type.Object({ at: Time, from: Nullable(Type.String()), to: Type.String() })),
  submittedAt: Nullable(Time),
  submitKind: Nullable(SubmitKind),
  receiptDigest: Nullable(Type.String()),
  extraMs: Type.Integer(),
  answered: Type.Integer(),
  words: Type.Integer(),
  lateSaves: Type.Integer(),
  /** Supervision events by kind. */
  events: Counts,
  /** Total time away from the page (focus lost), from the kiosk's measurements. */
  focusAwayMs: Type.Number(),
  pastes: Type.Object({ document: Type.Integer(), ownAnswer: Type.Integer(), outside: Type.Integer(), outsideChars: Type.Integer() }),
  /** Questions whose answer the workstation sent again to a server restored from an older backup (events 'answer-recovered' count the sends). */
  recoveredQuestions: Type.Array(Type.String()),
  incidents: Type.Integer(),
});
export type ReportCandidate = Static<typeof ReportCandidate>;

export const SessionReport = Type.Object({
  generatedAt: Time,
  timeZone: Type.String(),
  session: Type.Object({
    id: Type.Integer(),
    code: Type.String(),
    title: Type.String(),
    room: Type.String(),
    state: Type.String(),
    packId: Type.String(),
    packTitle: Localized,
    packDigest: Type.String(),
    durationMs: Type.Integer(),
    createdAt: Time,
    startedAt: Nullable(Time),
    endedAt: Nullable(Time),
    sebConfigKeySet: Type.Boolean(),
  }),
  proctors: Type.Array(Type.Object({ name: Type.String(), username: Type.String() })),
  pauses: Type.Array(
    Type.Object({ candidateId: Nullable(Type.Integer()), candidateCode: Nullable(Type.String()), startedAt: Time, endedAt: Nullable(Time), reason: Type.String(), by: Nullable(Type.String()) }),
  ),
  extensions: Type.Array(
    Type.Object({ candidateId: Type.Integer(), candidateCode: Type.String(), at: Time, durationMs: Type.Integer(), kind: Type.String(), reason: Type.String(), by: Nullable(Type.String()) }),
  ),
  /**
   * The server's own interruptions (a crash or a power cut) during the session, from its last
   * heartbeat to its restart, with the time each candidate who was writing lost (issue 13, item 4).
   */
  interruptions: Type.Array(
    Type.Object({
      from: Time,
      to: Time,
      paused: Type.Boolean(),
      candidates: Type.Array(Type.Object({ candidateId: Type.Integer(), candidateCode: Type.String(), lostMs: Type.Integer() })),
    }),
  ),
  incidents: Type.Array(
    Type.Object({ id: Type.Integer(), at: Time, candidateId: Nullable(Type.Integer()), candidateCode: Nullable(Type.String()), text: Type.String(), by: Nullable(Type.String()) }),
  ),
  messages: Type.Array(
    Type.Object({ id: Type.Integer(), sentAt: Time, candidateCode: Nullable(Type.String()), text: Type.String(), recipients: Type.Integer(), acknowledged: Type.Integer(), by: Nullable(Type.String()) }),
  ),
  /** Proctors' and admins' actions from the audit log; `detail` differs by action. */
  actions: Type.Array(
    Type.Object({ at: Time, by: Nullable(Type.String()), action: Type.String(), candidateCode: Nullable(Type.String()), detail: Type.Record(Type.String(), Type.Unknown()) }),
  ),
  candidates: Type.Array(ReportCandidate),
  totals: Type.Object({ candidates: Type.Integer(), present: Type.Integer(), absent: Type.Integer(), submitted: Type.Integer(), events: Counts }),
  audit: Type.Object({
    /** Hash of the audit row that ended the session: the log's digest at closing. Null before the end. */
    closingDigest: Nullable(Type.String()),
    closingAt: Nullable(Time),
    /** The chain's head now, and whether the whole chain verifies. */
    headDigest: Type.String(),
    rows: Type.Integer(),
    intact: Type.Boolean(),
    brokenAt: Nullable(Type.Integer()),
  }),
});
export type SessionReport = Static<typeof SessionReport>;
