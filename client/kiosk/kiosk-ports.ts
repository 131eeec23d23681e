// What the kiosk controller works with, as interfaces: the real ones are the API client, the
// connection, the server clock, the save queue and the supervision; the unit tests pass fakes.
import type { AttemptView, DocumentView } from '../../server/contract/attempt.js';
import type { ClockView, KioskToServer, ProctorMessageView, Receipt, ServerToKiosk, SessionState } from '../../server/contract/kiosk-protocol.js';
import type { ConnectionState } from '../common/connection.js';
import type { LoggedOutReason } from './lectern-logged-out.js';
import type { SaveQueue } from './save-queue.js';
import type { WriterClaim } from './single-writer.js';

export type KioskScreen = 'booting' | 'unreachable' | 'login' | 'notice' | 'waiting' | 'exam' | 'receipt' | 'ended' | 'logged-out';

/** What the kiosk shows; replaced (never mutated) on each change, so the element can compare. */
export interface KioskState {
  screen: KioskScreen;
  attempt: AttemptView | null;
  receipt: Receipt | null;
  locked: boolean;
  messages: readonly ProctorMessageView[];
  documents: ReadonlyMap<string, DocumentView>;
  documentFailures: ReadonlySet<string>;
  loggedOut: LoggedOutReason;
  submitOpen: boolean;
  /** Another tab or window of this browser writes the attempt: this one is read-only (single-writer.ts). */
  otherTab: boolean;
}

export function initialKioskState(): KioskState {
  return {
    screen: 'booting',
    attempt: null,
    receipt: null,
    locked: false,
    messages: [],
    documents: new Map(),
    documentFailures: new Set(),
    loggedOut: 'revoked',
    submitOpen: false,
    otherTab: false,
  };
}

/** The screen an attempt calls for: the receipt once submitted, the notice until acknowledged, then the session's state. */
export function screenFor(attempt: AttemptView): KioskScreen {
  if (attempt.candidate.receipt) return 'receipt';
  if (attempt.candidate.noticeAcknowledgedAt === null) return 'notice';
  switch (attempt.session.state) {
    case 'waiting':
      return 'waiting';
    case 'running':
    case 'paused':
      return 'exam';
    case 'ended':
      return 'ended';
  }
}

export interface KioskApi {
  /** `revalidate`: the browser may keep the answer and revalidate it by its tag (a section's document). */
  get<T>(path: string, options?: { revalidate?: boolean }): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  setCsrfToken(token: string | null): void;
  readonly hasCsrfToken: boolean;
}

/** The kiosk's socket (client/common/connection.ts). */
export interface KioskLink {
  readonly state: ConnectionState;
  readonly failures: number;
  start(): void;
  stop(): void;
  send(message: KioskToServer): boolean;
  onMessage(listener: (message: ServerToKiosk) => void): () => void;
  onStateChange(listener: (state: ConnectionState) => void): () => void;
}

/** The server's clock as the kiosk keeps it (client/common/server-clock.ts). */
export interface KioskClock {
  readonly timeUp: boolean;
  readonly paused: boolean;
  readonly sessionState: SessionState | null;
  update(clock: ClockView): void;
  observeServerTime(serverNow: number): void;
  observeRoundTrip(roundTripMs: number): void;
}

export type KioskQueue = Pick<SaveQueue, 'open' | 'text' | 'edit' | 'release' | 'acknowledge' | 'refuse' | 'connectionChanged' | 'settleWithReceipt' | 'sendNow' | 'snapshot' | 'setWriter'>;

/** Claims the attempt for this tab (single-writer.ts); `granted` fires when a waiting tab becomes the writer. */
export type ClaimWriter = (scope: { sessionCode: string; candidateCode: string }, granted: () => void) => WriterClaim;

/** The supervision (client/kiosk/supervision.ts): what it watches and reports, and when. */
export interface KioskSupervision {
  monitoring: boolean;
  heartbeats: boolean;
  readonly lastHeartbeatAt: number | null;
  flushOutbox(): void;
  reportReloadIfAny(): void;
}

export interface KioskControllerOptions {
  api: KioskApi;
  link: KioskLink;
  clock: KioskClock;
  queue: KioskQueue;
  supervision: KioskSupervision;
  /** The text of a document's HTML, for telling pasted text copied from it (DOMParser in the browser). */
  textOfHtml: (html: string) => string;
  /** One writer per attempt; without it (unit tests) this tab always writes. */
  claimWriter?: ClaimWriter;
  /** A candidate's login was found on boot: the kiosk fetches the exam's screens at once (exam-screens-loader.ts). */
  candidateFound?: () => void;
  /** Wait before trying an unreachable server or a failed document again. */
  retryMs?: number;
  now?: () => number;
  monotonicNow?: () => number;
  warn?: (message: string) => void;
}
