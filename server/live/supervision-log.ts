import { transaction } from '../db/connection.js';
import type { LecternDb } from '../db/open-database.js';
import type { LiveHub } from './live-hub.js';
import { eventTime } from './event-time.js';
import { SupervisionRepo } from './supervision.repo.js';
import type { ProctorMessageView } from '../contract/kiosk-protocol.js';
import { SupervisionAllowance } from './supervision-allowance.js';

interface QueuedEvent {
  sessionId: number;
  candidateId: number | null;
  kind: string;
  detail: Record<string, unknown>;
  at: number;
}

interface QueuedAck {
  sessionId: number;
  candidateId: number;
  messageId: number;
  at: number;
}

/** Where a batch that could not be written is reported (the app's logger). */
export interface SupervisionLogger {
  error(obj: object, msg: string): void;
}

/**
 * Stores what the kiosks report (with the server's time) and tells the room's dashboards.
 *
 * Events and message acknowledgements that arrive in the same turn of the event loop are written
 * in one transaction (group commit, as AnswerStore does for saves): with synchronous=FULL each
 * commit costs an fsync, and a whole room acts at once (a switch reboots and 5,000 kiosks go
 * offline in one presence check; a message to the room is acknowledged by every kiosk). The
 * dashboards hear of an event only once it is committed, so what they show is in the report.
 */
export class SupervisionLog {
  private events: QueuedEvent[] = [];
  private acks: QueuedAck[] = [];
  private scheduled = false;
  private coalesceTimer: NodeJS.Timeout | null = null;
  private readonly repo: SupervisionRepo;
  private readonly writeBatch;

  constructor(
    db: LecternDb,
    private readonly hub: LiveHub,
    private readonly log: SupervisionLogger,
    /** How many of a kiosk's events are stored one by one before they are counted (supervision-allowance.ts). */
    private readonly allowance = new SupervisionAllowance(),
  ) {
    this.repo = new SupervisionRepo(db);
    // Synchronous, as better-sqlite3 transactions must be.
    this.writeBatch = transaction(db, (events: QueuedEvent[], acks: QueuedAck[]): boolean[] => {
      for (const e of events) this.repo.insertEvent(e.sessionId, e.candidateId, e.kind, e.detail, e.at);
      return acks.map((a) => this.repo.insertAcknowledgement(a.messageId, a.candidateId, a.at));
    });
  }

  /**
   * Queues an event received at `receivedAt` (the server's time); it is written with the others
   * of this turn. An event a kiosk kept while offline (`detail.queuedMs`) is dated when it
   * happened, and its detail keeps the receipt time as `receivedAt`.
   */
  record(sessionId: number, candidateId: number | null, kind: string, detail: Record<string, unknown>, receivedAt = Date.now()): void {
    let at = receivedAt;
    let stored = detail;
    if (detail['queuedMs'] !== undefined) {
      const notBefore = candidateId === null ? null : this.repo.firstLogin(candidateId);
      at = eventTime(receivedAt, detail['queuedMs'], notBefore);
      stored = { ...detail, receivedAt };
    }
    this.events.push({ sessionId, candidateId, kind, detail: stored, at });
    this.schedule();
  }

  /**
   * An event a kiosk sent: stored like `record` while the candidate's allowance lasts, then
   * counted and stored as one row per kind every few seconds, with `detail.coalesced` (how many
   * events the row stands for) and `detail.firstAt`/`lastAt`. A kiosk flooding events (20,000 in
   * 2.5 s) costs a few rows, not 20,000.
   */
  recordFromKiosk(sessionId: number, candidateId: number, kind: string, detail: Record<string, unknown>, receivedAt = Date.now()): void {
    if (this.allowance.admit(sessionId, candidateId, kind, receivedAt)) return this.record(sessionId, candidateId, kind, detail, receivedAt);
    this.scheduleCoalesced();
  }

  /**
   * Returns false when the message is not one this candidate received (checked now); otherwise
   * the acknowledgement is written with this turn's batch.
   */
  acknowledgeMessage(sessionId: number, candidateId: number, messageId: number, at = Date.now()): boolean {
    if (!this.repo.isMessageFor(messageId, sessionId, candidateId)) return false;
    this.acks.push({ sessionId, candidateId, messageId, at });
    this.schedule();
    return true;
  }

  /** The messages a candidate received, with their own acknowledgement, oldest first. */
  messagesFor(sessionId: number, candidateId: number): ProctorMessageView[] {
    return this.repo.messagesFor(sessionId, candidateId);
  }

  /** Writes everything queued now, counted events included. Called on shutdown so nothing received is dropped. */
  flush(): void {
    if (this.coalesceTimer) clearTimeout(this.coalesceTimer);
    this.coalesceTimer = null;
    this.queueCoalesced(Date.now(), true);
    this.writeQueued();
  }

  private writeQueued(): void {
    this.scheduled = false;
    let events = this.events;
    let acks = this.acks;
    if (events.length === 0 && acks.length === 0) return;
    this.events = [];
    this.acks = [];
    let acknowledged: boolean[];
    try {
      acknowledged = this.writeBatch(events, acks);
    } catch (err) {
      // The transaction rolled back. One bad row (a candidate deleted meanwhile) must not cost
      // the room its events: write each alone, and log those that still fail (the kiosks do not
      // resend supervision events). On a full disk every one fails, as before grouping.
      this.log.error({ err, events: events.length, acknowledgements: acks.length }, 'supervision batch not written; writing its events one by one');
      ({ events, acks, acknowledged } = this.writeOneByOne(events, acks));
    }
    // Runs from setImmediate: a failing listener must not stop the others, nor the server.
    for (const e of events) {
      if (e.candidateId !== null) this.tell(() => this.hub.events.emit('supervision', e.sessionId, e.candidateId!, e.kind, e.detail, e.at));
    }
    acks.forEach((a, i) => {
      if (acknowledged[i]) this.tell(() => this.hub.events.emit('changed', a.sessionId, a.candidateId, 'message-acknowledged'));
    });
  }

  /** What was written of a batch that failed as a whole. */
  private writeOneByOne(events: QueuedEvent[], acks: QueuedAck[]): { events: QueuedEvent[]; acks: QueuedAck[]; acknowledged: boolean[] } {
    const written: QueuedEvent[] = [];
    for (const e of events) {
      try {
        this.writeBatch([e], []);
        written.push(e);
      } catch (err) {
        this.log.error({ err, sessionId: e.sessionId, candidateId: e.candidateId, kind: e.kind, at: e.at }, 'supervision event not written');
      }
    }
    const kept: QueuedAck[] = [];
    const acknowledged: boolean[] = [];
    for (const a of acks) {
      try {
        acknowledged.push(this.writeBatch([], [a])[0]!);
        kept.push(a);
      } catch (err) {
        this.log.error({ err, sessionId: a.sessionId, candidateId: a.candidateId, messageId: a.messageId }, 'message acknowledgement not written');
      }
    }
    return { events: written, acks: kept, acknowledged };
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.writeQueued());
  }

  /** Counted events are written once they have been held `coalesceMs`, even if the kiosk falls silent. */
  private scheduleCoalesced(): void {
    if (this.coalesceTimer) return;
    this.coalesceTimer = setTimeout(() => {
      this.coalesceTimer = null;
      this.queueCoalesced(Date.now(), false);
      if (this.allowance.holding) this.scheduleCoalesced();
    }, this.allowance.coalesceMs);
    this.coalesceTimer.unref();
  }

  private queueCoalesced(now: number, all: boolean): void {
    for (const c of this.allowance.due(now, all)) {
      this.events.push({ sessionId: c.sessionId, candidateId: c.candidateId, kind: c.kind, detail: { coalesced: c.count, firstAt: c.firstAt, lastAt: c.lastAt }, at: c.lastAt });
      this.schedule();
    }
  }

  private tell(emit: () => void): void {
    try {
      emit();
    } catch (err) {
      this.log.error({ err }, 'supervision listener failed');
    }
  }
}
