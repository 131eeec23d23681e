// The live protocol between the server and the proctor's dashboard, and the rules that turn what
// the server knows of a candidate into the state a tile shows. Types and pure functions only: the
// dashboard (client/proctor) imports this file too, so both sides agree at compile time.
import type { Activity, ClockView, SessionState } from '../live/protocol.js';

/** What a tile says about a candidate, in the order a session goes through them. */
export const tileStates = ['absent', 'not-logged-in', 'waiting', 'reading', 'typing', 'idle', 'offline', 'late', 'submitted'] as const;
export type TileState = (typeof tileStates)[number];

/** Kiosk events worth the proctor's eye: each one counts towards "problems first". */
export const suspiciousKinds = [
  'focus-lost',
  'page-hidden',
  'fullscreen-left',
  'paste',
  'copy',
  'context-menu',
  'blocked-shortcut',
  'reload',
  'second-login',
  'connection-lost',
] as const;

export interface CandidateTile {
  candidateId: number;
  /** As printed on the slip ("ABCD-EFGH"). */
  code: string;
  workstation: string | null;
  /** Logged in at least once in this session. */
  loggedIn: boolean;
  /** A kiosk socket is open and its heartbeat is fresh. */
  connected: boolean;
  activity: Activity | null;
  lastHeartbeatAt: number | null;
  noticeAcknowledged: boolean;
  locked: boolean;
  absent: boolean;
  /** This candidate alone is paused (the room's pause shows in the session header). */
  pausedAlone: boolean;
  submittedAt: number | null;
  submitKind: 'candidate' | 'deadline' | 'proctor' | null;
  clock: ClockView;
  /** Words of the last acknowledged save, per question id. */
  words: Record<string, number>;
  /** Server time of the last acknowledged save. */
  lastSavedAt: number | null;
  /** Saves that arrived after the deadline: kept apart and flagged. */
  lateSaves: number;
  /** Supervision events so far, by kind. */
  events: Record<string, number>;
  lastEvent: { kind: string; at: number } | null;
  /** Proctor messages this candidate has not acknowledged yet. */
  unacknowledged: number;
}

export interface DashboardSession {
  id: number;
  code: string;
  title: string;
  room: string;
  packId: string;
  packTitle: { fr: string; en: string };
  state: SessionState;
  durationMs: number;
  startedAt: number | null;
  endedAt: number | null;
  sebConfigKeySet: boolean;
}

export interface DashboardQuestion {
  id: string;
  sectionId: string;
  /** "Q1", "Q2"... in the order of the pack. */
  label: string;
  targetWords: number;
}

/** One line of the live feed: a kiosk event, a proctor's action, an incident, a message. */
export interface FeedItem {
  /** Unique across sources: "e12" (supervision event), "a40" (audit row), "r3" (refused save). */
  id: string;
  at: number;
  candidateId: number | null;
  source: 'kiosk' | 'server' | 'proctor';
  kind: string;
  detail: Record<string, unknown>;
  /** The proctor or admin who acted, for proctor items. */
  by?: string;
}

export interface MessageSummary {
  id: number;
  text: string;
  sentAt: number;
  sentBy: string | null;
  /** Null: to the whole room. */
  candidateId: number | null;
  recipients: number;
  acknowledgements: { candidateId: number; at: number }[];
}

export interface IncidentView {
  id: number;
  at: number;
  candidateId: number | null;
  text: string;
  by: string | null;
}

export interface DashboardSnapshot {
  serverNow: number;
  session: DashboardSession;
  questions: DashboardQuestion[];
  tiles: CandidateTile[];
  feed: FeedItem[];
  messages: MessageSummary[];
  incidents: IncidentView[];
}

// ---- dashboard -> server ----
export type StaffToServer = { type: 'subscribe'; sessionId: number } | { type: 'unsubscribe' } | { type: 'ping'; sentAt: number };

// ---- server -> dashboard ----
export type DashboardDelta =
  /** A candidate changed in a way that needs the whole tile (control, submission, message acknowledged). */
  | { type: 'tile'; tile: CandidateTile }
  | { type: 'presence'; candidateId: number; connected: boolean; activity: Activity | null; lastHeartbeatAt: number | null; loggedIn: boolean }
  | { type: 'words'; candidateId: number; questionId: string; words: number; savedAt: number }
  /** Start, pause, resume, end of the whole room: the header and every tile. */
  | { type: 'room'; session: DashboardSession; tiles: CandidateTile[] }
  | { type: 'feed'; item: FeedItem }
  | { type: 'message'; message: MessageSummary }
  | { type: 'message-ack'; messageId: number; candidateId: number; at: number }
  | { type: 'incident'; incident: IncidentView };

export type ServerToStaff =
  | { type: 'snapshot'; snapshot: DashboardSnapshot }
  /** Deltas produced in the same turn of the server's event loop travel together. */
  | { type: 'deltas'; serverNow: number; deltas: DashboardDelta[] }
  | { type: 'pong'; sentAt: number; serverNow: number }
  | { type: 'error'; code: string; message: string };

/** The one state a tile shows. `now` is the server's time (the dashboard corrects its own clock). */
export function tileState(tile: CandidateTile, sessionState: SessionState, timeLeftMs: number): TileState {
  if (tile.absent) return 'absent';
  // Ending the session closes every attempt, even of a candidate who never came: they stay "not logged in".
  if (!tile.loggedIn) return 'not-logged-in';
  if (tile.submittedAt !== null) return 'submitted';
  if (!tile.connected) return 'offline';
  if (sessionState === 'waiting') return 'waiting';
  if (sessionState === 'ended') return 'submitted';
  if (sessionState === 'running' && !tile.clock.paused && timeLeftMs <= 0) return 'late';
  return tile.activity ?? 'reading';
}

/** Why a tile needs the proctor's eye; empty when all is well. Worst first. */
export function tileProblems(tile: CandidateTile, state: TileState, sessionState: SessionState): string[] {
  const problems: string[] = [];
  const live = sessionState === 'running' || sessionState === 'paused';
  if (state === 'offline' && live) problems.push('offline');
  if (state === 'not-logged-in' && live) problems.push('not-logged-in');
  if (tile.locked) problems.push('locked');
  if (state === 'late') problems.push('late');
  if (tile.lateSaves > 0) problems.push('late-saves');
  if (state === 'idle') problems.push('idle');
  if ((tile.events['second-login'] ?? 0) > 0) problems.push('second-login');
  const suspicious = suspiciousKinds.reduce((n, k) => n + (k === 'second-login' || k === 'connection-lost' ? 0 : (tile.events[k] ?? 0)), 0);
  if (suspicious > 0) problems.push('events');
  if (tile.unacknowledged > 0 && live) problems.push('unacknowledged');
  return problems;
}

const problemWeight: Record<string, number> = {
  offline: 100,
  'not-logged-in': 60,
  locked: 50,
  late: 45,
  'second-login': 40,
  idle: 30,
  'late-saves': 20,
  events: 10,
  unacknowledged: 5,
};

export function problemScore(problems: string[]): number {
  return problems.reduce((n, p) => n + (problemWeight[p] ?? 1), 0);
}

// One collator, built once: localeCompare with options builds one per call, which a dashboard
// sorting 300 tiles many times a second cannot afford.
const workstationOrder = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** "PC-2" before "PC-10": workstations are numbered by people. */
export function compareWorkstations(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return workstationOrder.compare(a, b);
}
