// The WebSocket protocol between the server and the kiosk (candidates). One endpoint, /ws,
// authenticated by the login cookie before the upgrade, versioned (protocol-version.ts). Every
// message is a JSON object with a `type`. The server checks what a kiosk sends against
// KioskToServer (compiled once, server/live/kiosk-messages.ts); the kiosk reads ServerToKiosk.
import { Type, type Static } from '@sinclair/typebox';
import { Nullable, OneOf, Time } from './common.js';

export const sessionStates = ['waiting', 'running', 'paused', 'ended'] as const;
export const SessionState = OneOf(sessionStates);
export type SessionState = Static<typeof SessionState>;

/** The candidate's clock as the server sees it. The kiosk shows `timeLeftMs`, corrected for transit by `serverNow`. */
export const ClockView = Type.Object({
  serverNow: Time,
  sessionState: SessionState,
  /** The candidate's own pause, or the room's. */
  paused: Type.Boolean(),
  startedAt: Nullable(Time),
  /** Null before the start. */
  deadlineAt: Nullable(Time),
  timeLeftMs: Type.Integer(),
  extraMs: Type.Integer(),
});
export type ClockView = Static<typeof ClockView>;

export const submitKinds = ['candidate', 'deadline', 'proctor'] as const;
export const SubmitKind = OneOf(submitKinds);
export type SubmitKind = Static<typeof SubmitKind>;

export const Receipt = Type.Object({
  submittedAt: Time,
  kind: SubmitKind,
  /** SHA-256 (hex) of the submitted answers, question by question. */
  digest: Type.String(),
  answers: Type.Array(Type.Object({ questionId: Type.String(), revision: Type.Integer(), words: Type.Integer() })),
});
export type Receipt = Static<typeof Receipt>;

export const ProctorMessageView = Type.Object({
  id: Type.Integer(),
  text: Type.String(),
  sentAt: Time,
  toAll: Type.Boolean(),
  acknowledgedAt: Nullable(Time),
});
export type ProctorMessageView = Static<typeof ProctorMessageView>;

/** What the kiosk does; the dashboard shows it. */
export const activities = ['reading', 'typing', 'idle'] as const;
export const Activity = OneOf(activities);
export type Activity = Static<typeof Activity>;

export const supervisionKinds = [
  'focus-lost',
  'focus-back',
  'page-hidden',
  'page-visible',
  'fullscreen-left',
  'fullscreen-entered',
  'paste',
  'copy',
  'context-menu',
  'blocked-shortcut',
  'reload',
  // The kiosk sent again an answer the server had lost (restored from an older backup): issue 10, item 1.
  'answer-recovered',
] as const;
export type SupervisionKind = (typeof supervisionKinds)[number];

// ---- kiosk -> server ----
// Unknown fields are refused, not ignored: a message that does not match exactly gets an error
// and changes nothing.
const detailValue = Type.Union([Type.String({ maxLength: 200 }), Type.Number(), Type.Boolean()]);

export const SaveMessage = Type.Object(
  {
    type: Type.Literal('save'),
    questionId: Type.String({ minLength: 1, maxLength: 64 }),
    revision: Type.Integer({ minimum: 1, maximum: 1_000_000_000 }),
    // Length is checked separately so an oversized answer gets its own clear refusal.
    text: Type.String(),
  },
  { additionalProperties: false },
);

export const KioskToServer = Type.Union([
  SaveMessage,
  Type.Object({ type: Type.Literal('heartbeat'), activity: Activity }, { additionalProperties: false }),
  Type.Object(
    {
      type: Type.Literal('supervision'),
      kind: OneOf(supervisionKinds),
      /** paste: { length, source: 'document' | 'own-answer' | 'outside' }; focus-back: { awayMs }; blocked-shortcut: { shortcut } */
      detail: Type.Optional(Type.Record(Type.String({ maxLength: 40 }), detailValue, { maxProperties: 10 })),
    },
    { additionalProperties: false },
  ),
  Type.Object({ type: Type.Literal('acknowledge-message'), messageId: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
]);
export type KioskToServer = Static<typeof KioskToServer>;

export const saveRefusalReasons = ['late', 'not-started', 'ended', 'submitted', 'locked', 'unknown-question', 'too-long', 'conflict'] as const;
export const SaveRefusalReason = OneOf(saveRefusalReasons);
export type SaveRefusalReason = Static<typeof SaveRefusalReason>;

/** The server's word for a message it could not handle; `code` is stable, `message` plain English. */
export const SocketError = Type.Object({ type: Type.Literal('error'), code: Type.String(), message: Type.String() });

/** The server's answer to a page of another protocol version (protocol-version.ts), just before it closes the socket. */
export const Incompatible = Type.Object({
  type: Type.Literal('incompatible'),
  serverVersion: Type.Integer(),
  /** What the page sent; null when it announced none (a page from before versions). */
  clientVersion: Nullable(Type.Integer()),
  message: Type.String(),
});
export type Incompatible = Static<typeof Incompatible>;

/** The key of the room's sealed paper (base64, 32 bytes), and the name of the paper it opens. */
export const PaperKey = Type.Object({ keyId: Type.String(), key: Type.String() });
export type PaperKey = Static<typeof PaperKey>;

// ---- server -> kiosk ----
export const ServerToKiosk = Type.Union([
  Type.Object({ type: Type.Literal('clock'), clock: ClockView }),
  /** The answer to each heartbeat: proves the socket is alive and carries the server's time. */
  Type.Object({ type: Type.Literal('heartbeat-ack'), serverNow: Time }),
  Type.Object({ type: Type.Literal('saved'), questionId: Type.String(), revision: Type.Integer(), savedAt: Time, serverNow: Time }),
  Type.Object({ type: Type.Literal('save-refused'), questionId: Type.String(), revision: Type.Integer(), reason: SaveRefusalReason, message: Type.String() }),
  Type.Object({ type: Type.Literal('message'), message: ProctorMessageView }),
  Type.Object({ type: Type.Literal('locked'), locked: Type.Boolean() }),
  Type.Object({ type: Type.Literal('submitted'), receipt: Receipt }),
  /**
   * The session was started: the kiosk opens the sealed paper it fetched in the waiting room with
   * this key (server/exam/sealed-paper.ts), or, without one, fetches the questions and documents now.
   * The new clock comes in the same frame: one frame per kiosk when a whole room starts.
   */
  Type.Object({ type: Type.Literal('session-started'), paperKey: Type.Optional(PaperKey), clock: Type.Optional(ClockView) }),
  /** This kiosk is no longer the candidate's: moved to another workstation, or logged out. */
  Type.Object({ type: Type.Literal('logged-out'), reason: OneOf(['moved', 'revoked', 'replaced'] as const) }),
  /** This page was built for another protocol version: reload it. */
  Incompatible,
  SocketError,
]);
export type ServerToKiosk = Static<typeof ServerToKiosk>;
