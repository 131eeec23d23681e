// No answer is ever lost. Every edit gets the next revision of its question and is written to the
// workstation's storage *synchronously*, before anything else happens; it is sent to the server
// 1 s after the candidate stops typing, and at least every 5 s while they type. The local copy is
// removed only once the server has acknowledged (as durable) that revision or a newer one. After a
// reconnect or a reload every unacknowledged edit is sent again; the server's revision rule
// (server/contract/rules/revision.ts) makes resending safe: duplicates and stale saves are acknowledged
// without being written.
//
// This module has no DOM dependency: storage, transport, clock and host are passed in, so the
// rules are unit-tested in Node (test/client/save-queue.test.ts).
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { KioskToServer, Receipt, SaveRefusalReason } from '../../server/contract/kiosk-protocol.js';

export type SaveMessage = Extract<KioskToServer, { type: 'save' }>;

/** The subset of the Web Storage API the queue uses (localStorage in the browser, a fake in tests). */
export interface KeyValueStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface SaveTransport {
  /** True while a save sent now can reach the server. */
  readonly online: boolean;
  /** Sends now; false means it was not sent (it stays pending and goes after the next reconnect). */
  send(save: SaveMessage): boolean;
  /** Drops a connection that no longer answers and opens a new one. */
  reconnect?(): void;
}

/** An edit as kept on the workstation until the server acknowledges it. */
export interface LocalEdit {
  questionId: string;
  revision: number;
  text: string;
  /**
   * The latest revision the server had acknowledged to this workstation when the edit was made.
   * If the server has moved past it since (the candidate wrote on another workstation), the
   * local copy is not a continuation of the server's text and must not overwrite it.
   */
  base: number;
}

/** An answer as the server holds it (AttemptView.answers). */
export interface ServerAnswer {
  questionId: string;
  text: string;
  revision: number;
  savedAt: number;
}

export interface AnswerScope {
  sessionCode: string;
  candidateCode: string;
}

export type SaveState = 'saved' | 'saving' | 'offline' | 'refused';

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

export type HoldReason = 'locked' | 'not-started';

/** Refusals after which nothing more can be saved: the local copies are kept, sending stops. */
export const terminalRefusals: readonly SaveRefusalReason[] = ['late', 'ended', 'submitted'];
/** Refusals that only mean "not now": sending resumes when the kiosk releases the hold. */
const holdingRefusals: Partial<Record<SaveRefusalReason, HoldReason>> = { locked: 'locked', 'not-started': 'not-started' };
/** A `conflict` (same revision, other text: another kiosk wrote it) is retried under a newer revision this many times. */
const MAX_CONFLICT_RETRIES = 3;

export class SaveRefusedError extends Error {
  constructor(readonly refusal: SaveRefusal) {
    super(refusal.message);
    this.name = 'SaveRefusedError';
  }
}

// ---- local copies ----------------------------------------------------------------------------

export function localKeyPrefix(scope: AnswerScope): string {
  return `lectern.answers.v1.${scope.sessionCode.toUpperCase()}.${scope.candidateCode.toUpperCase()}.`;
}

/** Where diverged local copies are put aside: never sent, never deleted by the kiosk. */
export function asideKeyPrefix(scope: AnswerScope): string {
  return `lectern.answers-aside.v1.${scope.sessionCode.toUpperCase()}.${scope.candidateCode.toUpperCase()}.`;
}

/** The candidate's unacknowledged edits in the workstation's storage, one key per question. */
export class LocalCopies {
  private readonly prefix: string;
  private readonly asidePrefix: string;

  constructor(
    private readonly storage: KeyValueStorage,
    scope: AnswerScope,
  ) {
    this.prefix = localKeyPrefix(scope);
    this.asidePrefix = asideKeyPrefix(scope);
  }

  /** Moves a diverged copy out of the way (kept for the proctor to recover by hand). */
  putAside(edit: LocalEdit): void {
    try {
      this.storage.setItem(`${this.asidePrefix}${edit.questionId}.${edit.revision}`, JSON.stringify(edit));
      this.storage.removeItem(this.prefix + edit.questionId);
    } catch {
      // Storage full: the copy stays under its own key, where the next merge finds it diverged again.
    }
  }

  /** Throws if the storage refuses (full, disabled): the caller must know the copy is not there. */
  write(edit: LocalEdit): void {
    this.storage.setItem(this.prefix + edit.questionId, JSON.stringify(edit));
  }

  read(questionId: string): LocalEdit | null {
    return parseLocalEdit(this.safeGet(this.prefix + questionId), questionId);
  }

  all(): LocalEdit[] {
    const keys: string[] = [];
    for (let i = 0; i < this.storage.length; i++) {
      const key = this.storage.key(i);
      if (key !== null && key.startsWith(this.prefix)) keys.push(key);
    }
    const edits: LocalEdit[] = [];
    for (const key of keys) {
      const edit = parseLocalEdit(this.safeGet(key), key.slice(this.prefix.length));
      if (edit) edits.push(edit);
    }
    return edits;
  }

  /** Removes the copy of `questionId` unless it holds a revision newer than `revision`. */
  removeUpTo(questionId: string, revision: number): void {
    const stored = this.read(questionId);
    if (stored && stored.revision > revision) return;
    try {
      this.storage.removeItem(this.prefix + questionId);
    } catch {
      // A copy that stays behind is harmless: its revision is not newer than the server's.
    }
  }

  private safeGet(key: string): string | null {
    try {
      return this.storage.getItem(key);
    } catch {
      return null;
    }
  }
}

function parseLocalEdit(raw: string | null, questionId: string): LocalEdit | null {
  if (raw === null) return null;
  try {
    const value = JSON.parse(raw) as Partial<LocalEdit>;
    if (value.questionId !== questionId || typeof value.text !== 'string') return null;
    if (typeof value.revision !== 'number' || !Number.isInteger(value.revision) || value.revision < 1) return null;
    const base = typeof value.base === 'number' && Number.isInteger(value.base) && value.base >= 0 ? value.base : 0;
    return { questionId, revision: value.revision, text: value.text, base };
  } catch {
    return null;
  }
}

// ---- merging local and server state ----------------------------------------------------------

export interface MergedAnswer {
  questionId: string;
  /** What the textarea shows. */
  text: string;
  /** The latest revision known on either side. */
  revision: number;
  /** The latest revision the server holds as durable. */
  ackedRevision: number;
  ackedAt: number | null;
}

/**
 * A local copy whose revision is higher than the server's wins (its text is shown and resent),
 * provided it continues the server's text: if the server has acknowledged, from elsewhere, a
 * revision newer than the one the copy was based on, the two have diverged; the server's text
 * stays and the copy is put aside. A copy not newer than the server's is stale and discarded.
 */
export function mergeAnswers(
  serverAnswers: readonly ServerAnswer[],
  localEdits: readonly LocalEdit[],
): { answers: Map<string, MergedAnswer>; discard: string[]; aside: LocalEdit[] } {
  const answers = new Map<string, MergedAnswer>();
  for (const server of serverAnswers) {
    answers.set(server.questionId, {
      questionId: server.questionId,
      text: server.text,
      revision: server.revision,
      ackedRevision: server.revision,
      ackedAt: server.savedAt,
    });
  }
  const discard: string[] = [];
  const aside: LocalEdit[] = [];
  for (const local of localEdits) {
    const merged = answers.get(local.questionId);
    if (!merged) {
      answers.set(local.questionId, { questionId: local.questionId, text: local.text, revision: local.revision, ackedRevision: 0, ackedAt: null });
    } else if (local.revision > merged.revision && merged.ackedRevision > local.base && local.text !== merged.text) {
      aside.push(local);
    } else if (local.revision > merged.revision) {
      merged.text = local.text;
      merged.revision = local.revision;
    } else if (local.revision > merged.ackedRevision) {
      // Two local edits for one question (memory and storage): the newer one was already taken.
    } else {
      discard.push(local.questionId);
    }
  }
  return { answers, discard, aside };
}

// ---- scheduling --------------------------------------------------------------------------------

/**
 * When to send: `idleMs` after the last edit, and no later than `maxWaitMs` after the first edit
 * not yet sent, so a candidate who types without a pause is still saved regularly.
 */
export class SaveScheduler {
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private maxTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly fire: () => void,
    private readonly idleMs = 1000,
    private readonly maxWaitMs = 5000,
  ) {}

  get scheduled(): boolean {
    return this.idleTimer !== null || this.maxTimer !== null;
  }

  noteEdit(): void {
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.fireNow(), this.idleMs);
    this.maxTimer ??= setTimeout(() => this.fireNow(), this.maxWaitMs);
  }

  fireNow(): void {
    this.cancel();
    this.fire();
  }

  cancel(): void {
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    if (this.maxTimer !== null) clearTimeout(this.maxTimer);
    this.idleTimer = null;
    this.maxTimer = null;
  }
}

// ---- the queue ---------------------------------------------------------------------------------

interface AnswerRecord {
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
}

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
  private readonly scheduler: SaveScheduler;
  private watchdog: ReturnType<typeof setTimeout> | null = null;
  private waiters: { resolve: () => void; reject: (error: Error) => void }[] = [];
  private snapshotCache: SaveSnapshot | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly options: Required<Omit<SaveQueueOptions, 'onRoundTrip'>> & Pick<SaveQueueOptions, 'onRoundTrip'>;

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
    this.scheduler = new SaveScheduler(() => this.sendDue(), this.options.idleMs, this.options.maxWaitMs);
    host?.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    // Pending edits are in storage; the next start resends them.
    this.scheduler.cancel();
    this.clearWatchdog();
  }

  /**
   * Starts (or resynchronises) the queue for one candidate: local copies newer than the server's
   * answers win and are resent; the texts to show are returned per question.
   */
  open(scope: AnswerScope, serverAnswers: readonly ServerAnswer[]): Map<string, string> {
    const sameScope =
      this.scope !== null &&
      this.scope.sessionCode.toUpperCase() === scope.sessionCode.toUpperCase() &&
      this.scope.candidateCode.toUpperCase() === scope.candidateCode.toUpperCase();
    if (!sameScope) {
      this.records.clear();
      this.stopped = null;
      this.held = null;
      this.rejectWaiters(new Error('The candidate changed.'));
    }
    this.scope = scope;
    this.local = this.options.storage ? new LocalCopies(this.options.storage, scope) : null;

    // Edits in memory count as local copies too (their storage write may have failed).
    const localEdits = [...(this.local?.all() ?? [])];
    for (const record of this.records.values()) {
      if (record.revision > record.ackedRevision) localEdits.push({ questionId: record.questionId, revision: record.revision, text: record.text, base: record.base });
    }
    const { answers, discard, aside } = mergeAnswers(serverAnswers, localEdits);
    for (const questionId of discard) this.local?.removeUpTo(questionId, answers.get(questionId)?.ackedRevision ?? 0);
    for (const edit of aside) {
      this.local?.putAside(edit);
      this.putAside++;
    }

    const texts = new Map<string, string>();
    for (const merged of answers.values()) {
      const previous = this.records.get(merged.questionId);
      this.records.set(merged.questionId, {
        questionId: merged.questionId,
        text: merged.text,
        revision: merged.revision,
        ackedRevision: Math.max(merged.ackedRevision, previous?.ackedRevision ?? 0),
        ackedAt: previous && previous.ackedRevision > merged.ackedRevision ? previous.ackedAt : merged.ackedAt,
        base: Math.max(merged.ackedRevision, previous?.ackedRevision ?? 0),
        // Everything unacknowledged is sent again: a resent save the server already has is acknowledged as a duplicate.
        sentRevision: 0,
        sentAt: null,
        refusal: null,
        conflicts: 0,
      });
      texts.set(merged.questionId, merged.text);
    }
    this.changed();
    this.sendDue();
    return texts;
  }

  /** The text to show for a question ('' if never written). */
  text(questionId: string): string {
    return this.records.get(questionId)?.text ?? '';
  }

  /** The candidate changed an answer. Stored locally before this returns; sent by the scheduler. */
  edit(questionId: string, text: string): void {
    let record = this.records.get(questionId);
    if (record && record.text === text) return;
    if (!record) {
      record = { questionId, text: '', revision: 0, ackedRevision: 0, ackedAt: null, base: 0, sentRevision: 0, sentAt: null, refusal: null, conflicts: 0 };
      this.records.set(questionId, record);
    }
    record.revision = Math.max(record.revision, record.ackedRevision) + 1;
    record.text = text;
    record.base = record.ackedRevision;
    if (record.refusal && !terminalRefusals.includes(record.refusal.reason)) record.refusal = null;
    this.writeLocal(record);
    if (!this.stopped) this.scheduler.noteEdit();
    this.changed();
  }

  /** The server's `saved`: the revision (and every older one) is durable. */
  acknowledge(saved: { questionId: string; revision: number; savedAt: number }): void {
    const record = this.records.get(saved.questionId);
    if (!record) return;
    if (record.sentAt !== null && saved.revision === record.sentRevision) {
      this.options.onRoundTrip?.(this.options.monotonicNow() - record.sentAt);
    }
    if (saved.revision >= record.ackedRevision) {
      record.ackedRevision = saved.revision;
      record.ackedAt = saved.savedAt;
    }
    // The server may hold a newer revision than this kiosk knows (written from elsewhere): the next edit must go above it.
    record.revision = Math.max(record.revision, record.ackedRevision);
    if (saved.revision >= record.sentRevision) {
      record.sentRevision = 0;
      record.sentAt = null;
    }
    if (record.ackedRevision >= record.revision) {
      record.refusal = null;
      record.conflicts = 0;
      this.local?.removeUpTo(record.questionId, record.ackedRevision);
    } else if (record.base < record.ackedRevision) {
      // Newer edits wait: their copy now builds on this acknowledged revision (so a reload does not take it for a diverged one).
      record.base = record.ackedRevision;
      this.writeLocal(record);
    }
    this.changed();
    this.settleWaiters();
    this.armWatchdog();
  }

  /** The server's `save-refused`. */
  refuse(refused: { questionId: string; revision: number; reason: SaveRefusalReason; message: string }): void {
    const refusal: SaveRefusal = { reason: refused.reason, message: refused.message };
    const record = this.records.get(refused.questionId);
    if (record && refused.revision >= record.sentRevision) {
      record.sentRevision = 0;
      record.sentAt = null;
    }
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
    this.settleWaiters();
  }

  /** The connection opened or dropped. On opening, every unacknowledged edit is sent again. */
  connectionChanged(online: boolean): void {
    if (online === this.wasOnline) return;
    this.wasOnline = online;
    for (const record of this.records.values()) {
      record.sentRevision = 0;
      record.sentAt = null;
    }
    if (online) this.sendDue();
    else this.clearWatchdog();
    this.changed();
  }

  /** Waits to send (the workstation is locked, the exam has not started); edits are still kept. */
  hold(reason: HoldReason): void {
    this.held = reason;
    for (const record of this.records.values()) {
      record.sentRevision = 0;
      record.sentAt = null;
    }
    this.clearWatchdog();
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
    this.clearWatchdog();
    this.changed();
    this.rejectWaiters(new SaveRefusedError(this.stopped));
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
    this.stop({ reason: 'submitted', message: 'Submitted.' });
  }

  /** Sends everything now; resolves once every edit is acknowledged, rejects if a save is refused. */
  flush(): Promise<void> {
    this.scheduler.cancel();
    this.sendDue();
    return new Promise<void>((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      this.settleWaiters();
    });
  }

  /** Sends what is due now, without waiting for the scheduler (e.g. when the time is up). */
  sendNow(): void {
    this.scheduler.fireNow();
  }

  get snapshot(): SaveSnapshot {
    this.snapshotCache ??= this.computeSnapshot();
    return this.snapshotCache;
  }

  /** Called after every change of state (besides the host's update). */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ---- internals ----

  private writeLocal(record: AnswerRecord): void {
    if (!this.local) return;
    try {
      this.local.write({ questionId: record.questionId, revision: record.revision, text: record.text, base: record.base });
    } catch {
      this.localCopyFailed = true;
    }
  }

  private sendDue(): void {
    if (this.stopped || this.held || !this.options.transport.online) return;
    const now = this.options.monotonicNow();
    let sent = false;
    for (const record of this.records.values()) {
      if (record.revision <= record.ackedRevision || record.revision <= record.sentRevision || record.refusal) continue;
      const ok = this.options.transport.send({ type: 'save', questionId: record.questionId, revision: record.revision, text: record.text });
      if (!ok) break;
      record.sentRevision = record.revision;
      record.sentAt = now;
      sent = true;
    }
    if (sent) {
      this.armWatchdog();
      this.changed();
    }
  }

  private armWatchdog(): void {
    this.clearWatchdog();
    let oldest: number | null = null;
    for (const record of this.records.values()) {
      if (record.sentAt !== null && (oldest === null || record.sentAt < oldest)) oldest = record.sentAt;
    }
    if (oldest === null) return;
    const wait = Math.max(0, oldest + this.options.ackTimeoutMs - this.options.monotonicNow());
    this.watchdog = setTimeout(() => {
      this.watchdog = null;
      // No answer to a save for that long: the socket is dead without knowing it. A new one resends everything.
      this.options.transport.reconnect?.();
    }, wait);
  }

  private clearWatchdog(): void {
    if (this.watchdog !== null) clearTimeout(this.watchdog);
    this.watchdog = null;
  }

  private settleWaiters(): void {
    if (this.waiters.length === 0) return;
    if (this.stopped) {
      this.rejectWaiters(new SaveRefusedError(this.stopped));
      return;
    }
    let pending = false;
    for (const record of this.records.values()) {
      if (record.revision <= record.ackedRevision) continue;
      if (record.refusal) {
        this.rejectWaiters(new SaveRefusedError(record.refusal));
        return;
      }
      pending = true;
    }
    if (pending) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter.resolve();
  }

  private rejectWaiters(error: Error): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter.reject(error);
  }

  private changed(): void {
    this.snapshotCache = null;
    this.host?.requestUpdate();
    for (const listener of [...this.listeners]) listener();
  }

  private computeSnapshot(): SaveSnapshot {
    const online = this.options.transport.online;
    const questions = new Map<string, QuestionSaveStatus>();
    let lastSavedAt: number | null = null;
    let pendingCount = 0;
    let anyRefused = false;
    for (const record of this.records.values()) {
      const pending = record.revision > record.ackedRevision;
      if (pending) pendingCount++;
      const refusal = pending ? (record.refusal ?? this.stopped) : null;
      if (refusal) anyRefused = true;
      const state: SaveState = refusal ? 'refused' : !pending ? 'saved' : online ? 'saving' : 'offline';
      questions.set(record.questionId, { state, savedAt: record.ackedAt, refusal });
      if (record.ackedAt !== null && (lastSavedAt === null || record.ackedAt > lastSavedAt)) lastSavedAt = record.ackedAt;
    }
    const state: SaveState =
      anyRefused || (this.stopped && pendingCount > 0) ? 'refused' : pendingCount === 0 ? 'saved' : online ? 'saving' : 'offline';
    return { state, lastSavedAt, stopped: this.stopped, held: this.held, localCopyFailed: this.localCopyFailed, putAside: this.putAside, pendingCount, questions };
  }
}
