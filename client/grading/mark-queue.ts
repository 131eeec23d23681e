// Marks follow the answers' durability rule. Every change gets the next revision of its mark and is
// written to the workstation's storage *synchronously*, before it is sent; the local copy goes only
// once the server has acknowledged that revision (or a newer one) as committed to SQLite. Sends go
// one at a time, oldest mark first, the latest version of each mark only; a failure that may pass
// (no network, a 5xx) is retried with a growing delay, and whatever is not acknowledged is sent
// again after a reload. The corrector never waits: the view moves on at once.
//
// The queue owns the marks' revisions, as the kiosk's save queue owns the answers': the view says
// what the server holds (`load`) and what the corrector changed (`change`); the queue numbers it.
//
// No DOM here apart from the optional controller at the end: storage and transport are passed in.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AnswerMark, MarkSaveResult, ScriptMark } from '../../server/contract/grading.js';
import { keysWithPrefix, readItem, removeItem, type KeyValueStorage } from '../common/local-store.js';

export type MarkTarget = { kind: 'answer'; candidateId: number; questionId: string } | { kind: 'script'; candidateId: number };

export interface PendingMark {
  target: MarkTarget;
  revision: number;
  body: AnswerMark | ScriptMark;
}

/** A mark's revision as the server holds it (from the workspace the view loaded). */
export interface HeldRevision {
  target: MarkTarget;
  revision: number;
}

/** How a failed send is to be treated; `refused` drops the mark (the server will never take it). */
export interface SendFailure {
  status: number;
  code: string;
  message: string;
}

export type QueueState = 'saved' | 'saving' | 'offline' | 'logged-out';

export interface MarkQueueOptions {
  storage: KeyValueStorage | null;
  accountId: number;
  sessionId: number;
  send: (mark: PendingMark) => Promise<MarkSaveResult>;
  onChange?: () => void;
  /** Told when the server turns out to hold a newer revision than sent (the queue has already taken it into account). */
  onRevision?: (target: MarkTarget, revision: number) => void;
  minDelayMs?: number;
  maxDelayMs?: number;
}

export function markKey(target: MarkTarget): string {
  return target.kind === 'answer' ? `a.${target.candidateId}.${target.questionId}` : `s.${target.candidateId}`;
}

export class MarkQueue {
  private readonly pending = new Map<string, PendingMark>();
  /** The highest revision known for each mark, the server's or a local change's: the next change goes above it. */
  private readonly revisions = new Map<string, number>();
  private readonly prefix: string;
  private inFlight: string | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private disposed = false;
  private _state: QueueState = 'saved';
  /** Marks the server refused for good (e.g. grading closed), with its message. */
  readonly refusals: { target: MarkTarget; message: string; code: string }[] = [];
  /** True when the browser's storage refused a copy: marks then live in memory until acknowledged. */
  localCopyFailed = false;

  constructor(private readonly options: MarkQueueOptions) {
    this.prefix = `lectern.grading.v1.${options.accountId}.${options.sessionId}.`;
  }

  get state(): QueueState {
    return this._state;
  }

  get size(): number {
    return this.pending.size;
  }

  has(target: MarkTarget): boolean {
    return this.pending.has(markKey(target));
  }

  /** Unacknowledged marks kept on this workstation from an earlier page (the caller merges them). */
  restore(): PendingMark[] {
    const storage = this.options.storage;
    if (!storage) return [];
    const found: PendingMark[] = [];
    for (const key of keysWithPrefix(storage, this.prefix)) {
      try {
        const value = JSON.parse(readItem(storage, key) ?? 'null') as PendingMark | null;
        if (value && typeof value.revision === 'number' && value.target && markKey(value.target) === key.slice(this.prefix.length)) found.push(value);
      } catch {
        // A damaged copy cannot be sent anyway.
      }
    }
    return found;
  }

  /**
   * Takes in the revisions the server holds (the workspace was loaded or reloaded) and lays the
   * unacknowledged marks kept on this workstation over them: a copy newer than the server's is
   * queued again and returned, for the view to show; an older one is forgotten.
   */
  load(held: readonly HeldRevision[]): PendingMark[] {
    const server = new Map<string, number>();
    for (const { target, revision } of held) {
      server.set(markKey(target), revision);
      this.noteRevision(target, revision);
    }
    const newer: PendingMark[] = [];
    for (const copy of this.restore()) {
      const waiting = this.has(copy.target);
      if ((server.get(markKey(copy.target)) ?? 0) >= copy.revision) {
        if (!waiting) this.forget(copy.target);
        continue;
      }
      newer.push(copy);
      if (!waiting) this.put(copy);
      else this.noteRevision(copy.target, copy.revision);
    }
    return newer;
  }

  /** The corrector changed a mark: it goes under the next revision, stored locally, then sent. */
  change(target: MarkTarget, body: AnswerMark | ScriptMark): PendingMark {
    const mark: PendingMark = { target, revision: (this.revisions.get(markKey(target)) ?? 0) + 1, body };
    this.put(mark);
    return mark;
  }

  /** Forgets a restored copy that the server already holds (same or newer revision). */
  forget(target: MarkTarget): void {
    this.removeCopy(markKey(target));
  }

  /** Queues a mark: stored locally first, then sent. Replaces an unsent older version of the same mark. */
  put(mark: PendingMark): void {
    const key = markKey(mark.target);
    this.pending.set(key, mark);
    this.noteRevision(mark.target, mark.revision);
    try {
      this.options.storage?.setItem(this.prefix + key, JSON.stringify(mark));
    } catch {
      this.localCopyFailed = true;
    }
    if (this._state === 'saved') this.setState('saving');
    else this.options.onChange?.();
    this.pump();
  }

  /** Resolves true once no mark matching `which` waits any more, false after `timeoutMs`. */
  async settled(which: (target: MarkTarget) => boolean, timeoutMs = 10_000): Promise<boolean> {
    const started = Date.now();
    while ([...this.pending.values()].some((m) => which(m.target))) {
      if (Date.now() - started > timeoutMs || this.disposed) return false;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return true;
  }

  /** Sends now: after the network came back or the corrector logged in again. */
  retryNow(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this._state === 'logged-out') this.setState(this.pending.size ? 'saving' : 'saved');
    this.pump();
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private pump(): void {
    if (this.disposed || this.inFlight !== null || this.timer !== null || this._state === 'logged-out') return;
    const next = this.pending.values().next().value;
    if (!next) {
      this.setState('saved');
      return;
    }
    const key = markKey(next.target);
    this.inFlight = key;
    this.options.send(next).then(
      (result) => {
        this.inFlight = null;
        this.failures = 0;
        this.acknowledge(key, next, result);
        if (this._state === 'offline') this.setState(this.pending.size ? 'saving' : 'saved');
        this.pump();
      },
      (error: SendFailure) => {
        this.inFlight = null;
        this.fail(key, next, error);
      },
    );
  }

  private acknowledge(key: string, sent: PendingMark, result: MarkSaveResult): void {
    const current = this.pending.get(key);
    if (result.outcome === 'conflict') {
      // This revision is held with other content (another tab of the same corrector): the latest
      // change made here wins, under the next revision.
      if (current === sent) {
        const bumped = { ...sent, revision: result.revision + 1 };
        this.noteRevision(sent.target, bumped.revision);
        this.options.onRevision?.(sent.target, bumped.revision);
        this.pending.delete(key);
        this.put(bumped);
      }
      return;
    }
    if (result.outcome === 'stale') {
      this.noteRevision(sent.target, result.revision);
      this.options.onRevision?.(sent.target, result.revision);
    }
    if (current && current.revision <= result.revision) {
      this.pending.delete(key);
      this.removeCopy(key);
    }
    this.options.onChange?.();
  }

  private fail(key: string, sent: PendingMark, error: SendFailure): void {
    const status = typeof error?.status === 'number' ? error.status : 0;
    if (status === 401 || (status === 403 && error.code === 'bad-csrf-token')) {
      this.setState('logged-out');
      return;
    }
    if (status === 0 || status >= 500) {
      this.failures++;
      const base = Math.min(this.options.maxDelayMs ?? 5000, (this.options.minDelayMs ?? 500) * 2 ** (this.failures - 1));
      this.setState('offline');
      this.timer = setTimeout(() => {
        this.timer = null;
        this.pump();
      }, Math.round(base * (0.8 + Math.random() * 0.4)));
      return;
    }
    // Refused for good (grading closed, reading finished, not your script...): keeping it would block the rest.
    if (this.pending.get(key) === sent) {
      this.pending.delete(key);
      this.removeCopy(key);
    }
    this.refusals.push({ target: sent.target, message: error.message, code: error.code });
    this.setState(this.pending.size ? 'saving' : 'saved');
    this.pump();
  }

  private noteRevision(target: MarkTarget, revision: number): void {
    const key = markKey(target);
    if ((this.revisions.get(key) ?? 0) < revision) this.revisions.set(key, revision);
  }

  private removeCopy(key: string): void {
    if (this.options.storage) removeItem(this.options.storage, this.prefix + key);
  }

  private setState(state: QueueState): void {
    this._state = state;
    this.options.onChange?.();
  }
}

/** Ties a queue to an element: sends again when the browser says the network is back, stops on removal. */
export class MarkQueueController implements ReactiveController {
  queue: MarkQueue | null = null;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    globalThis.addEventListener?.('online', this.onOnline);
  }

  hostDisconnected(): void {
    globalThis.removeEventListener?.('online', this.onOnline);
    this.queue?.dispose();
  }

  private readonly onOnline = () => this.queue?.retryNow();
}
