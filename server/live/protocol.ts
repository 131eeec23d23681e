// The WebSocket protocol between the server and the kiosk (candidates) or the dashboard (proctors).
// One endpoint, /ws, authenticated by the login cookie before the upgrade. Every message is a JSON
// object with a `type`. The client imports these types too, so both sides agree at compile time.

export const MAX_ANSWER_CHARS = 50_000;
export const MAX_MESSAGE_BYTES = 256 * 1024;

export type SessionState = 'waiting' | 'running' | 'paused' | 'ended';

/** The candidate's clock as the server sees it. The kiosk shows `timeLeftMs`, corrected for transit by `serverNow`. */
export interface ClockView {
  serverNow: number;
  sessionState: SessionState;
  /** The candidate's own pause, or the room's. */
  paused: boolean;
  startedAt: number | null;
  /** Null before the start. */
  deadlineAt: number | null;
  timeLeftMs: number;
  extraMs: number;
}

export interface Receipt {
  submittedAt: number;
  kind: 'candidate' | 'deadline' | 'proctor';
  /** SHA-256 (hex) of the submitted answers, question by question. */
  digest: string;
  answers: { questionId: string; revision: number; words: number }[];
}

export interface ProctorMessageView {
  id: number;
  text: string;
  sentAt: number;
  toAll: boolean;
  acknowledgedAt: number | null;
}

/** What the kiosk does; the dashboard shows it. */
export type Activity = 'reading' | 'typing' | 'idle';

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
] as const;
export type SupervisionKind = (typeof supervisionKinds)[number];

// ---- kiosk -> server ----
export type KioskToServer =
  | { type: 'save'; questionId: string; revision: number; text: string }
  | { type: 'heartbeat'; activity: Activity }
  | {
      type: 'supervision';
      kind: SupervisionKind;
      /** paste: { length, source: 'document' | 'own-answer' | 'outside' }; focus-back: { awayMs }; blocked-shortcut: { shortcut } */
      detail?: Record<string, string | number | boolean>;
    }
  | { type: 'acknowledge-message'; messageId: number };

export type SaveRefusalReason =
  | 'late'
  | 'not-started'
  | 'ended'
  | 'submitted'
  | 'locked'
  | 'unknown-question'
  | 'too-long'
  | 'conflict';

// ---- server -> kiosk ----
export type ServerToKiosk =
  | { type: 'clock'; clock: ClockView }
  /** The answer to each heartbeat: proves the socket is alive and carries the server's time. */
  | { type: 'heartbeat-ack'; serverNow: number }
  | { type: 'saved'; questionId: string; revision: number; savedAt: number; serverNow: number }
  | { type: 'save-refused'; questionId: string; revision: number; reason: SaveRefusalReason; message: string }
  | { type: 'message'; message: ProctorMessageView }
  | { type: 'locked'; locked: boolean }
  | { type: 'submitted'; receipt: Receipt }
  /** The session was started: the kiosk fetches the questions and documents now. */
  | { type: 'session-started' }
  /** This kiosk is no longer the candidate's: moved to another workstation, or logged out. */
  | { type: 'logged-out'; reason: 'moved' | 'revoked' | 'replaced' }
  | { type: 'error'; code: string; message: string };
