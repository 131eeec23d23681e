// The live protocol between the server and the proctor's dashboard (the /ws socket of a staff
// login, versioned like the kiosk's: protocol-version.ts). The dashboard subscribes to a session,
// gets a snapshot, then deltas. GET /api/proctor/sessions/:id/snapshot answers the same snapshot.
import { Type, type Static } from '@sinclair/typebox';
import { Counts, Localized, Nullable, OneOf, Time } from './common.js';
import { Activity, ClockView, Incompatible, SessionState, SocketError, SubmitKind } from './kiosk-protocol.js';

export const CandidateTile = Type.Object({
  candidateId: Type.Integer(),
  /** As printed on the slip ("ABCD-EFGH"). */
  code: Type.String(),
  workstation: Nullable(Type.String()),
  /** Logged in at least once in this session. */
  loggedIn: Type.Boolean(),
  /** A kiosk socket is open and its heartbeat is fresh. */
  connected: Type.Boolean(),
  activity: Nullable(Activity),
  lastHeartbeatAt: Nullable(Time),
  noticeAcknowledged: Type.Boolean(),
  locked: Type.Boolean(),
  absent: Type.Boolean(),
  /** This candidate alone is paused (the room's pause shows in the session header). */
  pausedAlone: Type.Boolean(),
  submittedAt: Nullable(Time),
  submitKind: Nullable(SubmitKind),
  clock: ClockView,
  /** Words of the last acknowledged save, per question id. */
  words: Counts,
  /** Server time of the last acknowledged save. */
  lastSavedAt: Nullable(Time),
  /** Saves that arrived after the deadline: kept apart and flagged. */
  lateSaves: Type.Integer(),
  /** Supervision events so far, by kind. */
  events: Counts,
  lastEvent: Nullable(Type.Object({ kind: Type.String(), at: Time })),
  /** Proctor messages this candidate has not acknowledged yet. */
  unacknowledged: Type.Integer(),
});
export type CandidateTile = Static<typeof CandidateTile>;

export const DashboardSession = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  title: Type.String(),
  room: Type.String(),
  packId: Type.String(),
  packTitle: Localized,
  state: SessionState,
  durationMs: Type.Integer(),
  startedAt: Nullable(Time),
  endedAt: Nullable(Time),
  sebConfigKeySet: Type.Boolean(),
});
export type DashboardSession = Static<typeof DashboardSession>;

export const DashboardQuestion = Type.Object({
  id: Type.String(),
  sectionId: Type.String(),
  /** "Q1", "Q2"... in the order of the pack. */
  label: Type.String(),
  targetWords: Type.Integer(),
});
export type DashboardQuestion = Static<typeof DashboardQuestion>;

/** One line of the live feed: a kiosk event, a proctor's action, an incident, a message. */
export const FeedItem = Type.Object({
  /** Unique across sources: "e12" (supervision event), "a40" (audit row), "r3" (refused save). */
  id: Type.String(),
  at: Time,
  candidateId: Nullable(Type.Integer()),
  source: OneOf(['kiosk', 'server', 'proctor'] as const),
  kind: Type.String(),
  /** What the event or action recorded: its fields differ by kind. */
  detail: Type.Record(Type.String(), Type.Unknown()),
  /** The proctor or admin who acted, for proctor items. */
  by: Type.Optional(Type.String()),
});
export type FeedItem = Static<typeof FeedItem>;

export const MessageSummary = Type.Object({
  id: Type.Integer(),
  text: Type.String(),
  sentAt: Time,
  sentBy: Nullable(Type.String()),
  /** Null: to the whole room. */
  candidateId: Nullable(Type.Integer()),
  recipients: Type.Integer(),
  acknowledgements: Type.Array(Type.Object({ candidateId: Type.Integer(), at: Time })),
});
export type MessageSummary = Static<typeof MessageSummary>;

export const IncidentView = Type.Object({
  id: Type.Integer(),
  at: Time,
  candidateId: Nullable(Type.Integer()),
  text: Type.String(),
  by: Nullable(Type.String()),
});
export type IncidentView = Static<typeof IncidentView>;

export const DashboardSnapshot = Type.Object({
  serverNow: Time,
  session: DashboardSession,
  questions: Type.Array(DashboardQuestion),
  tiles: Type.Array(CandidateTile),
  feed: Type.Array(FeedItem),
  messages: Type.Array(MessageSummary),
  incidents: Type.Array(IncidentView),
});
export type DashboardSnapshot = Static<typeof DashboardSnapshot>;

// ---- dashboard -> server ----
// Exact shapes: a kiosk message (a save, a heartbeat) on a staff socket is refused.
export const StaffToServer = Type.Union([
  Type.Object({ type: Type.Literal('subscribe'), sessionId: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('unsubscribe') }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('ping'), sentAt: Type.Number() }, { additionalProperties: false }),
]);
export type StaffToServer = Static<typeof StaffToServer>;

// ---- server -> dashboard ----
export const DashboardDelta = Type.Union([
  /** A candidate changed in a way that needs the whole tile (control, submission, message acknowledged). */
  Type.Object({ type: Type.Literal('tile'), tile: CandidateTile }),
  Type.Object({
    type: Type.Literal('presence'),
    candidateId: Type.Integer(),
    connected: Type.Boolean(),
    activity: Nullable(Activity),
    lastHeartbeatAt: Nullable(Time),
    loggedIn: Type.Boolean(),
  }),
  Type.Object({ type: Type.Literal('words'), candidateId: Type.Integer(), questionId: Type.String(), words: Type.Integer(), savedAt: Time }),
  /** Start, pause, resume, end of the whole room: the header and every tile. */
  Type.Object({ type: Type.Literal('room'), session: DashboardSession, tiles: Type.Array(CandidateTile) }),
  Type.Object({ type: Type.Literal('feed'), item: FeedItem }),
  Type.Object({ type: Type.Literal('message'), message: MessageSummary }),
  Type.Object({ type: Type.Literal('message-ack'), messageId: Type.Integer(), candidateId: Type.Integer(), at: Time }),
  Type.Object({ type: Type.Literal('incident'), incident: IncidentView }),
]);
export type DashboardDelta = Static<typeof DashboardDelta>;

export const ServerToStaff = Type.Union([
  Type.Object({ type: Type.Literal('snapshot'), snapshot: DashboardSnapshot }),
  /** Deltas produced in the same turn of the server's event loop travel together. */
  Type.Object({ type: Type.Literal('deltas'), serverNow: Time, deltas: Type.Array(DashboardDelta) }),
  Type.Object({ type: Type.Literal('pong'), sentAt: Type.Number(), serverNow: Time }),
  /** This page was built for another protocol version: reload it. */
  Incompatible,
  SocketError,
]);
export type ServerToStaff = Static<typeof ServerToStaff>;
