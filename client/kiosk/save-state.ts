// What the save queue tells the kiosk about each answer (saved, saving, offline, refused) and why
// sending stopped or waits; the status bar and the answer fields show it.
import type { SaveRefusalReason } from '../../server/contract/kiosk-protocol.js';
import type { MergedAnswer } from './answer-merge.js';
import type { LocalEdit } from './local-copies.js';
import { unacknowledgedSends, type SentRevision } from './sent-revisions.js';

export type SaveState = 'saved' | 'saving' | 'offline' | 'refused';

export type HoldReason = 'locked' | 'not-started';

export interface SaveRefusal {
  reason: SaveRefusalReason;
  message: string;
}

export interface QuestionSaveStatus {
  state: SaveState;
  /** Server time of the last acknowledgement of this answer; null if never saved. */
  savedAt: number | null;
  refusal: SaveRefusal | null;
}

export interface SaveSnapshot {
  state: SaveState;
  /** Server time of the latest acknowledgement of any answer. */
  lastSavedAt: number | null;
  /** Why sending stopped for good (deadline, end, submission), if it did. */
  stopped: SaveRefusal | null;
  /** Why sending waits (the workstation is locked, the exam has not started), if it does. */
  held: HoldReason | null;
  /** True when writing the local copy failed (storage full or disabled): answers then live only in memory until acknowledged. */
  localCopyFailed: boolean;
  /** Local copies that diverged from the server's newer answers (written elsewhere) and were put aside, not sent. */
  putAside: number;
  pendingCount: number;
  questions: ReadonlyMap<string, QuestionSaveStatus>;
}

/** Refusals after which nothing more can be saved: the local copies are kept, sending stops. */
export const terminalRefusals: readonly SaveRefusalReason[] = ['late', 'ended', 'submitted'];
/** Refusals that only mean "not now": sending resumes when the kiosk releases the hold. */
export const holdingRefusals: Partial<Record<SaveRefusalReason, HoldReason>> = { locked: 'locked', 'not-started': 'not-started' };

export class SaveRefusedError extends Error {
  constructor(readonly refusal: SaveRefusal) {
    super(refusal.message);
    this.name = 'SaveRefusedError';
  }
}

/** One answer as the queue tracks it between the candidate's edits and the server's acknowledgements. */
export interface AnswerRecord {
  questionId: string;
  text: string;
  /** The latest local revision; only ever grows. */
  revision: number;
  /** The latest revision the server acknowledged as durable (0: none). */
  ackedRevision: number;
  ackedAt: number | null;
  /** The server revision the pending edits build on (see LocalEdit.base). */
  base: number;
  /** The latest revision sent on the current connection and not yet answered (0: none). */
  sentRevision: number;
  /** Monotonic time of that send, for the round trip and the acknowledgement watchdog. */
  sentAt: number | null;
  refusal: SaveRefusal | null;
  conflicts: number;
  /** Revisions sent and not yet acknowledged, with digests of their texts (sent-revisions.ts). */
  sent: SentRevision[];
  /** The server acknowledged a revision this kiosk never made: its text is not `text`; the next refresh shows the server's. */
  behindServer: boolean;
}

export function newAnswerRecord(questionId: string): AnswerRecord {
  return { questionId, text: '', revision: 0, ackedRevision: 0, ackedAt: null, base: 0, sentRevision: 0, sentAt: null, refusal: null, conflicts: 0, sent: [], behindServer: false };
}

/** The record's save in flight is forgotten: it is sent again (a new connection, a hold, its answer came). */
export function forgetSend(record: AnswerRecord): void {
  record.sentRevision = 0;
  record.sentAt = null;
}

/**
 * Takes the server's `saved` into a record: 'acknowledged' when nothing newer waits (the local
 * copy can go), 'rebased' when newer edits now build on it (their copy must be written again, so
 * a reload does not take it for a diverged one), else 'pending'.
 */
export function takeAcknowledgement(record: AnswerRecord, saved: { revision: number; savedAt: number }): 'acknowledged' | 'rebased' | 'pending' {
  if (saved.revision >= record.ackedRevision) {
    record.ackedRevision = saved.revision;
    record.ackedAt = saved.savedAt;
  }
  // The server may hold a newer revision than this kiosk knows (written from elsewhere): the next edit must go above it.
  record.revision = Math.max(record.revision, record.ackedRevision);
  if (saved.revision >= record.sentRevision) forgetSend(record);
  record.sent = unacknowledgedSends(record.sent, record.ackedRevision);
  if (record.ackedRevision >= record.revision) {
    record.refusal = null;
    record.conflicts = 0;
    return 'acknowledged';
  }
  if (record.base < record.ackedRevision) {
    record.base = record.ackedRevision;
    return 'rebased';
  }
  return 'pending';
}

/**
 * The record of an answer after merging the server's and the local versions; what the queue
 * already knew of the server (`previous`) is not forgotten. Everything unacknowledged is sent again:
 * a resent save the server already has is acknowledged as a duplicate.
 */
export function mergedRecord(merged: MergedAnswer, previous: AnswerRecord | undefined): AnswerRecord {
  const ackedRevision = Math.max(merged.ackedRevision, previous?.ackedRevision ?? 0);
  // The refresh after a reconnect may carry the server's answer as it was before a save this queue
  // has since seen acknowledged (the GET was answered first): what the candidate has on screen is
  // newer and stays, or the next keystroke would be built on the older text (issue 10, item 8).
  // Only a server that moved past this queue's knowledge (written elsewhere) replaces it.
  const keepPrevious =
    previous !== undefined && !previous.behindServer && previous.ackedRevision >= merged.ackedRevision && previous.revision >= merged.revision;
  return {
    ...newAnswerRecord(merged.questionId),
    text: keepPrevious ? previous.text : merged.text,
    revision: keepPrevious ? previous.revision : merged.revision,
    ackedRevision,
    ackedAt: previous && previous.ackedRevision > merged.ackedRevision ? previous.ackedAt : merged.ackedAt,
    base: ackedRevision,
    sent: unacknowledgedSends([...(previous?.sent ?? []), ...(merged.sent ?? [])], ackedRevision),
  };
}

/** The edits held in memory and not yet acknowledged: they count as local copies too (their storage write may have failed). */
export function unacknowledgedEdits(records: Iterable<AnswerRecord>): LocalEdit[] {
  const edits: LocalEdit[] = [];
  for (const record of records) {
    if (record.revision > record.ackedRevision) edits.push(localEditOf(record));
  }
  return edits;
}

/** What the workstation's storage keeps of a record. */
export function localEditOf(record: AnswerRecord): LocalEdit {
  const { questionId, revision, text, base, sent } = record;
  return { questionId, revision, text, base, ...(sent.length > 0 ? { sent } : {}) };
}

/** The same status object as `previous` when nothing in it changed (the field showing it is then not drawn again). */
function sameStatus(previous: QuestionSaveStatus | undefined, next: QuestionSaveStatus): QuestionSaveStatus {
  return previous && previous.state === next.state && previous.savedAt === next.savedAt && previous.refusal === next.refusal ? previous : next;
}

/**
 * The queue's state as the kiosk shows it: per question, and for the whole attempt. A question's
 * status is the object of `previous` (the last snapshot's) when it did not change.
 */
export function snapshotOf(
  records: Iterable<AnswerRecord>,
  queue: { online: boolean; stopped: SaveRefusal | null; held: HoldReason | null; localCopyFailed: boolean; putAside: number },
  previous?: SaveSnapshot | null,
): SaveSnapshot {
  const next = computeSnapshot(records, queue, previous?.questions);
  return previous && sameSnapshot(previous, next) ? previous : next;
}

/**
 * True when nothing shown changed: the same statuses (sameStatus keeps their objects) and the same
 * queue-wide facts; the state, the last save time and the pending count follow from the statuses.
 * The kiosk then hands its screens the same snapshot, and a key that leaves the save state as it
 * was draws neither the status bar nor the exam again (issue 13, item 7).
 */
function sameSnapshot(a: SaveSnapshot, b: SaveSnapshot): boolean {
  if (a.stopped !== b.stopped || a.held !== b.held || a.localCopyFailed !== b.localCopyFailed || a.putAside !== b.putAside) return false;
  if (a.questions.size !== b.questions.size) return false;
  for (const [questionId, status] of b.questions) if (a.questions.get(questionId) !== status) return false;
  return true;
}

function computeSnapshot(
  records: Iterable<AnswerRecord>,
  queue: { online: boolean; stopped: SaveRefusal | null; held: HoldReason | null; localCopyFailed: boolean; putAside: number },
  previous?: ReadonlyMap<string, QuestionSaveStatus>,
): SaveSnapshot {
  const { online, stopped } = queue;
  const questions = new Map<string, QuestionSaveStatus>();
  let lastSavedAt: number | null = null;
  let pendingCount = 0;
  let anyRefused = false;
  for (const record of records) {
    const pending = record.revision > record.ackedRevision;
    if (pending) pendingCount++;
    const refusal = pending ? (record.refusal ?? stopped) : null;
    if (refusal) anyRefused = true;
    const state: SaveState = refusal ? 'refused' : !pending ? 'saved' : online ? 'saving' : 'offline';
    questions.set(record.questionId, sameStatus(previous?.get(record.questionId), { state, savedAt: record.ackedAt, refusal }));
    if (record.ackedAt !== null && (lastSavedAt === null || record.ackedAt > lastSavedAt)) lastSavedAt = record.ackedAt;
  }
  const state: SaveState = anyRefused || (stopped && pendingCount > 0) ? 'refused' : pendingCount === 0 ? 'saved' : online ? 'saving' : 'offline';
  return { state, lastSavedAt, stopped, held: queue.held, localCopyFailed: queue.localCopyFailed, putAside: queue.putAside, pendingCount, questions };
}
