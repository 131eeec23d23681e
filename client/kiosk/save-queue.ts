// No answer is ever lost. Every edit gets the next revision of its question and is written to the
// workstation's storage *synchronously*, before anything else happens; it is sent to the server
// 1 s after the candidate stops typing, and at least every 5 s while they type. The local copy is
// removed only once the server has acknowledged (as durable) that revision or a newer one. After a
// reconnect or a reload every unacknowledged edit is sent again; the server's revision rule
// (server/contract/rules/revision.ts) makes resending safe: duplicates and stale saves are acknowledged
// without being written.
//
// This module has no DOM dependency: storage, transport, clock and host are passed in, so the
// rules are unit-tested in Node (test/client/kiosk/save-queue.test.ts).
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Receipt, SaveRefusalReason } from '../../server/contract/kiosk-protocol.js';
import type { KeyValueStorage } from '../common/local-store.js';
import type { ServerAnswer } from './answer-merge.js';
import { readOnlyRecords, reconcileOnOpen } from './answer-reconciliation.js';
import { LocalCopies, sameScope, type AnswerScope, type LocalEdit } from './local-copies.js';
import { AckWatchdog } from './ack-watchdog.js';
import { SaveScheduler } from './save-scheduler.js';
import type { SaveTransport } from './save-transport.js';
import { SaveWaiters } from './save-waiters.js';
import { withSent } from './sent-revisions.js';
import {
  SaveRefusedError,
  holdingRefusals,
  newAnswerRecord,
  forgetSend,
  localEditOf,
  snapshotOf,
  takeAcknowledgement,
  terminalRefusals,
  type AnswerRecord,
  type HoldReason,
  type SaveRefusal,
  type SaveSnapshot,
} from './save-state.js';

// The kiosk's elements read the queue's state types from here, the queue being what they talk to.
export { SaveRefusedError } from './save-state.js';
export type { QuestionSaveStatus, SaveSnapshot } from './save-state.js';

export type { SaveMessage, SaveTransport } from './save-transport.js';

/** A `conflict` (same revision, other text: another kiosk wrote it) is retried under a newer revision this many times. */
const MAX_CONFLICT_RETRIES = 3;

export interface SaveQueueOptions {
  storage: KeyValueStorage | null;
  transport: SaveTransport;
  idleMs?: number;
  maxWaitMs?: number;
  /** A save unanswered this long on an open connection means the connection is dead: reconnect. */
  ackTimeoutMs?: number;
  /** Monotonic clock in ms (performance.now() in the browser). */
  monotonicNow?: () => number;
  /** Each measured save round trip, for the server clock's transit estimate. */
  onRoundTrip?: (roundTripMs: number) => void;
  /**
   * The server holds a newer revision than any this kiosk made (written elsewhere): the kiosk must
   * fetch the attempt again to show it. The kiosk's own diverging text is put aside first.
   */
  onServerAhead?: () => void;
  /**
   * The server holds less of an answer than this workstation had seen acknowledged (restored from
   * an older backup): the kept copy is sent again. Reported so the proctor's dashboard and the
   * session report show the answer as recovered.
   */
  onRecovered?: (recovered: { questionId: string; revision: number; length: number }) => void;
}

export class SaveQueue implements ReactiveController {
  private records = new Map<string, AnswerRecord>();
  private local: LocalCopies | null = null;
  private scope: AnswerScope | null = null;
  private stopped: SaveRefusal | null = null;
  private held: HoldReason | null = null;
  private localCopyFailed = false;
  private putAside = 0;
  private wasOnline = false;
  /** False in a second tab of the same attempt: it shows the server's answers and writes nothing (single-writer.ts). */
  private writer = true;
  private readonly scheduler: SaveScheduler;
  private readonly watchdog: AckWatchdog;
  private readonly waiters = new SaveWaiters();
  private snapshotCache: SaveSnapshot | null = null;
  /** The last snapshot handed out: its per-question statuses are reused while unchanged, so a field whose save state did not move is not drawn again. */
  private lastSnapshot: SaveSnapshot | null = null;
  /** asideOf's answers: the copies put aside change only when the queue opens or puts one aside, not on each key. */
  private readonly asideCache = new Map<string, LocalEdit[]>();
  private readonly listeners = new Set<() => void>();
  private readonly options: Required<Omit<SaveQueueOptions, 'onRoundTrip' | 'onServerAhead' | 'onRecovered'>> &
    Pick<SaveQueueOptions, 'onRoundTrip' | 'onServerAhead' | 'onRecovered'>;

  constructor(
    private readonly host: ReactiveControllerHost | null,
    options: SaveQueueOptions,
  ) {
    this.options = {
      idleMs: 1000,
      maxWaitMs: 5000,
      ackTimeoutMs: 15_000,
      monotonicNow: () => performance.now(),
      ...options,
    };
    this.scheduler = new SaveScheduler(() => this.sendDue(), this.options.idleMs, this.options.maxWaitMs, this.options.monotonicNow);
    // No answer to a save for that long: the socket is dead without knowing it. A new one resends everything.
    this.watchdog = new AckWatchdog(this.options.ackTimeoutMs, this.options.monotonicNow, () => this.options.transport.reconnect?.());
    host?.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    // Pending edits are in storage; the next start resends them.
    this.scheduler.cancel();
    this.watchdog.clear();
  }

  /**
   * Starts (or resynchronises) the queue for one candidate: local copies newer than the server's
   * answers win and are resent; the texts to show are returned per question.
   */
  open(scope: AnswerScope, serverAnswers: readonly ServerAnswer[]): Map<string, string> {
    if (!sameScope(this.scope, scope)) {
      this.records.clear();
      this.stopped = null;
      this.held = null;
      this.waiters.reject(new Error('The candidate changed.'));
    }
    this.scope = scope;
    this.asideCache.clear();
    if (!this.writer) return this.openReadOnly(serverAnswers);
    this.local = this.options.storage ? new LocalCopies(this.options.storage, scope) : null;
    this.local?.clearKeptOfOthers();

    const { texts, putAside } = reconcileOnOpen(serverAnswers, {
      records: this.records,
      local: this.local,
      writeLocal: (record) => this.writeLocal(record),
      onRecovered: this.options.onRecovered,
    });
    this.putAside += putAside;
    this.changed();
    this.sendDue();
    return texts;
  }

  /**
   * Whether this tab writes the attempt. A tab that does not (another tab of the same attempt
   * does) neither reads nor writes the workstation's copies, nor sends: the writer owns them.
   */
  setWriter(writer: boolean): void {
    if (writer === this.writer) return;
    this.writer = writer;
    if (!writer) {
      this.scheduler.cancel();
      this.watchdog.clear();
    }
    this.changed();
  }

  get isWriter(): boolean {
    return this.writer;
  }

  /** The workstation's copies of a question that diverged from the server's newer text, kept for the proctor. */
  asideOf(questionId: string): LocalEdit[] {
    let aside = this.asideCache.get(questionId);
    if (!aside) {
      aside = this.local?.asideOf(questionId) ?? [];
      this.asideCache.set(questionId, aside);
    }
    return aside;
  }

  /** The text to show for a question ('' if never written). */
  text(questionId: string): string {
    return this.records.get(questionId)?.text ?? '';
  }

  /** The candidate changed an answer. Stored locally before this returns; sent by the scheduler. */
  edit(questionId: string, text: string): void {
    if (!this.writer) return;
    let record = this.records.get(questionId);
    if (record && record.text === text) return;
    if (!record) {
      record = newAnswerRecord(questionId);
      this.records.set(questionId, record);
    }
    record.revision = Math.max(record.revision, record.ackedRevision) + 1;
    record.text = text;
    record.behindServer = false;
    record.base = record.ackedRevision;
    if (record.refusal && !terminalRefusals.includes(record.refusal.reason)) record.refusal = null;
    this.writeLocal(record);
    if (!this.stopped) this.scheduler.noteEdit();
    // The field the candidate typed in shows the text already: the kiosk is drawn again only when
    // the save state moved (the first key after a save, a copy that failed), not on every key.
    const shown = this.lastSnapshot;
    this.changed(false);
    if (this.snapshot !== shown) this.host?.requestUpdate();
  }

  /** The server's `saved`: the revision (and every older one) is durable. */
  acknowledge(saved: { questionId: string; revision: number; savedAt: number }): void {
    const record = this.records.get(saved.questionId);
    if (!record) return;
    if (record.sentAt !== null && saved.revision === record.sentRevision) {
      this.options.onRoundTrip?.(this.options.monotonicNow() - record.sentAt);
    }
    const ahead = saved.revision > record.revision;
    // A stale save is acknowledged with the server's newer revision: the server holds another text,
    // written elsewhere. Never "saved" for this one: it is kept aside, shown, and the server's fetched.
    if (ahead && record.revision > record.ackedRevision) this.keepAside(record);
    const outcome = takeAcknowledgement(record, saved);
    if (ahead) {
      record.behindServer = true;
      this.options.onServerAhead?.();
    }
    if (outcome === 'acknowledged') {
      this.local?.settleUpTo(record.questionId, record.ackedRevision);
      // The second copy: kept until the receipt, for a server restored from an older backup.
      if (!ahead) this.local?.keep({ questionId: record.questionId, revision: record.ackedRevision, text: record.text });
    }
    else if (outcome === 'rebased') this.writeLocal(record);
    this.changed();
    this.waiters.settle(this.records.values(), this.stopped);
    this.watchdog.arm(this.records.values());
  }

  /** The server's `save-refused`. */
  refuse(refused: { questionId: string; revision: number; reason: SaveRefusalReason; message: string }): void {
    const refusal: SaveRefusal = { reason: refused.reason, message: refused.message };
    const record = this.records.get(refused.questionId);
    if (record && refused.revision >= record.sentRevision) forgetSend(record);
    if (terminalRefusals.includes(refused.reason)) {
      this.stop(refusal);
      return;
    }
    const hold = holdingRefusals[refused.reason];
    if (hold) {
      this.hold(hold);
      return;
    }
    // A refusal of an older revision says nothing of the newer one already on its way.
    if (!record || refused.revision < record.revision) {
      this.changed();
      return;
    }
    if (refused.reason === 'conflict' && record.conflicts < MAX_CONFLICT_RETRIES) {
      // Another kiosk wrote this revision first: what this candidate sees goes in under the next one.
      record.conflicts++;
      record.revision++;
      this.writeLocal(record);
      this.sendDue();
      this.changed();
      return;
    }
    record.refusal = refusal;
    this.changed();
    this.waiters.settle(this.records.values(), this.stopped);
  }

  /** The connection opened or dropped. On opening, every unacknowledged edit is sent again. */
  connectionChanged(online: boolean): void {
    if (online === this.wasOnline) return;
    this.wasOnline = online;
    for (const record of this.records.values()) forgetSend(record);
    if (online) this.sendDue();
    else this.watchdog.clear();
    this.changed();
  }

  /** Waits to send (the workstation is locked, the exam has not started); edits are still kept. */
  hold(reason: HoldReason): void {
    this.held = reason;
    for (const record of this.records.values()) forgetSend(record);
    this.watchdog.clear();
    this.changed();
  }

  release(reason?: HoldReason): void {
    if (this.held === null || (reason && this.held !== reason)) return;
    this.held = null;
    this.changed();
    this.sendDue();
  }

  /** Nothing more can be saved (deadline passed, session ended, script submitted): local copies stay. */
  stop(refusal: SaveRefusal): void {
    this.stopped ??= refusal;
    this.scheduler.cancel();
    this.watchdog.clear();
    this.changed();
    this.waiters.reject(new SaveRefusedError(this.stopped));
  }

  /** The script was submitted: local copies that the receipt covers are no longer needed. */
  settleWithReceipt(receipt: Receipt): void {
    for (const answer of receipt.answers) {
      const record = this.records.get(answer.questionId);
      if (record && answer.revision >= record.ackedRevision) {
        record.ackedRevision = answer.revision;
        record.revision = Math.max(record.revision, answer.revision);
      }
      this.local?.removeUpTo(answer.questionId, answer.revision);
    }
    this.local?.clearKept();
    this.stop({ reason: 'submitted', message: 'Submitted.' });
  }

  /** Sends everything now; resolves once every edit is acknowledged, rejects if a save is refused. */
  flush(): Promise<void> {
    this.scheduler.cancel();
    this.sendDue();
    const settled = this.waiters.add();
    this.waiters.settle(this.records.values(), this.stopped);
    return settled;
  }

  /** Sends what is due now, without waiting for the scheduler (e.g. when the time is up). */
  sendNow(): void {
    this.scheduler.fireNow();
  }

  get snapshot(): SaveSnapshot {
    if (!this.snapshotCache) {
      this.snapshotCache = this.computeSnapshot();
      this.lastSnapshot = this.snapshotCache;
    }
    return this.snapshotCache;
  }

  /** Called after every change of state (besides the host's update). */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ---- internals ----

  private keepAside(record: AnswerRecord): void {
    this.local?.putAside(localEditOf(record));
    this.asideCache.delete(record.questionId);
    this.putAside++;
  }

  private writeLocal(record: AnswerRecord): void {
    if (!this.local) return;
    try {
      this.local.write(localEditOf(record));
    } catch {
      this.localCopyFailed = true;
    }
  }

  /** A read-only tab shows what the server holds, and only that: its "saved" is then true. */
  private openReadOnly(serverAnswers: readonly ServerAnswer[]): Map<string, string> {
    this.local = null;
    const texts = readOnlyRecords(this.records, serverAnswers);
    this.changed();
    return texts;
  }

  private sendDue(): void {
    if (!this.writer) return;
    if (this.stopped || this.held || !this.options.transport.online) return;
    const now = this.options.monotonicNow();
    let sent = false;
    for (const record of this.records.values()) {
      if (record.revision <= record.ackedRevision || record.revision <= record.sentRevision || record.refusal) continue;
      const ok = this.options.transport.send({ type: 'save', questionId: record.questionId, revision: record.revision, text: record.text });
      if (!ok) break;
      record.sentRevision = record.revision;
      record.sentAt = now;
      // Remembered (in storage too) so that this save, once on the server, is known as this kiosk's own.
      record.sent = withSent(record.sent, record.revision, record.text);
      this.writeLocal(record);
      sent = true;
    }
    if (sent) {
      this.watchdog.arm(this.records.values());
      this.changed();
    }
  }

  private changed(redraw = true): void {
    this.snapshotCache = null;
    if (redraw) this.host?.requestUpdate();
    for (const listener of [...this.listeners]) listener();
  }

  private computeSnapshot(): SaveSnapshot {
    const { stopped, held, localCopyFailed, putAside } = this;
    return snapshotOf(this.records.values(), { online: this.options.transport.online, stopped, held, localCopyFailed, putAside }, this.lastSnapshot);
  }
}
