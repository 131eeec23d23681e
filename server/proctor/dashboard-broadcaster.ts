import type { ExamService } from '../exam/exam-service.js';
import type { LiveHub, Presence, RoomEvents } from '../live/live-hub.js';
import type { DashboardService } from './dashboard-service.js';
import type { DashboardDelta, DashboardSnapshot, FeedItem, ServerToStaff } from '../contract/staff-protocol.js';
import type { DashboardSubscriber } from '../live/staff-socket.js';

/** One connected dashboard (the socket says what it takes): frames of deltas for its socket. */
export type { DashboardSubscriber } from '../live/staff-socket.js';

const keptLate = new Set(['late', 'ended', 'submitted']);

/**
 * How long a session's deltas wait for others before they go out as one frame. A room of
 * typing candidates acknowledges a save every few milliseconds: sent one turn of the event loop
 * at a time, each save was a frame to each of the room's dashboards, and writing those frames
 * took a third of the server's busy time at 1,000 candidates and 20 dashboards (issue 15). A
 * proctor does not see 25 ms; the kiosk's acknowledgement is never delayed by it.
 */
export const DASHBOARD_BATCH_MS = 25;

/**
 * The deltas that wait DASHBOARD_BATCH_MS for others: words and presence, which a typing room
 * produces many times a second. Any other (a feed line, a message, a tile, the room) is what a
 * proctor reads and acts on: it goes out at the end of the event loop's turn, with whatever has
 * gathered by then (issue 13, item 7: event to display within 100 ms on a slow computer).
 */
const GATHERED: ReadonlySet<DashboardDelta['type']> = new Set(['words', 'presence']);

/** The dashboards watching one session, and the deltas gathering for their next frame. */
interface Room {
  /** Each dashboard, with how many of the gathering deltas its snapshot already showed. */
  readonly dashboards: Map<DashboardSubscriber, number>;
  deltas: DashboardDelta[];
  timer: NodeJS.Timeout | null;
  /** Set when a delta that does not wait is gathering: the frame goes at the end of this turn. */
  immediate: NodeJS.Immediate | null;
}

/**
 * Turns the room's events into dashboard deltas. It listens to the hub once for all dashboards,
 * computes each delta once per session, and serializes the session's gathered deltas once into
 * a frame that every dashboard watching it sends as it is (DASHBOARD_BATCH_MS and GATHERED say
 * when): with 20 dashboards and 2,500 saves a second, one JSON text instead of twenty. A session
 * nobody watches costs nothing.
 */
export class DashboardBroadcaster {
  private readonly rooms = new Map<number, Room>();
  /** Per watched session: the last audit row already shown in the feed. */
  private readonly lastAuditId = new Map<number, number>();
  private sequence = 0;
  private readonly detach: (() => void)[] = [];

  constructor(
    private readonly dashboard: DashboardService,
    private readonly exam: ExamService,
    private readonly hub: LiveHub,
  ) {
    this.listen('presence', (sessionId, p, change) => this.onPresence(sessionId, p, change));
    this.listen('saved', (sessionId, candidateId, questionId, words, savedAt) => {
      this.push(sessionId, { type: 'words', candidateId, questionId, words, savedAt });
    });
    this.listen('refused', (sessionId, candidateId, questionId, reason) => this.onRefused(sessionId, candidateId, questionId, reason));
    this.listen('supervision', (sessionId, candidateId, kind, detail, at) => {
      if (!this.rooms.has(sessionId)) return;
      const source = kind === 'second-login' || kind.startsWith('connection-') ? 'server' : 'kiosk';
      this.push(sessionId, { type: 'feed', item: { id: `s${++this.sequence}`, at, candidateId, source, kind, detail } });
    });
    this.listen('changed', (sessionId, candidateId, what) => this.onChanged(sessionId, candidateId, what));
    this.listen('message', (sessionId, messageId) => {
      if (!this.rooms.has(sessionId)) return;
      const message = this.dashboard.message(sessionId, messageId);
      if (message) this.push(sessionId, { type: 'message', message });
      this.catchUpAudit(sessionId);
    });
    this.listen('incident', (sessionId, incidentId) => {
      if (!this.rooms.has(sessionId)) return;
      const incident = this.dashboard.incident(incidentId);
      if (incident) this.push(sessionId, { type: 'incident', incident });
      this.catchUpAudit(sessionId);
    });
  }

  /** Starts sending this session's deltas to the subscriber; returns the snapshot to send first. */
  subscribe(sessionId: number, subscriber: DashboardSubscriber): DashboardSnapshot {
    let room = this.rooms.get(sessionId);
    if (!room) {
      this.rooms.set(sessionId, (room = { dashboards: new Map(), deltas: [], timer: null, immediate: null }));
      this.lastAuditId.set(sessionId, this.dashboard.lastAuditId());
    }
    // Everything is synchronous here: no event can slip between the snapshot and the first delta,
    // and the deltas already gathering happened before the snapshot, which shows them.
    room.dashboards.set(subscriber, room.deltas.length);
    return this.dashboard.snapshot(sessionId);
  }

  unsubscribe(sessionId: number, subscriber: DashboardSubscriber): void {
    const room = this.rooms.get(sessionId);
    if (!room) return;
    room.dashboards.delete(subscriber);
    if (room.dashboards.size === 0) {
      if (room.timer) clearTimeout(room.timer);
      if (room.immediate) clearImmediate(room.immediate);
      this.rooms.delete(sessionId);
      this.lastAuditId.delete(sessionId);
    }
  }

  watching(sessionId: number): number {
    return this.rooms.get(sessionId)?.dashboards.size ?? 0;
  }

  push(sessionId: number, delta: DashboardDelta): void {
    const room = this.rooms.get(sessionId);
    if (!room) return;
    room.deltas.push(delta);
    if (room.immediate) return;
    if (GATHERED.has(delta.type)) {
      room.timer ??= setTimeout(() => this.sendFrame(room), DASHBOARD_BATCH_MS).unref();
      return;
    }
    if (room.timer) clearTimeout(room.timer);
    room.timer = null;
    room.immediate = setImmediate(() => this.sendFrame(room));
  }

  /** Sends the room's gathered deltas, serialized once, to each dashboard (less what its snapshot showed). */
  private sendFrame(room: Room): void {
    if (room.timer) clearTimeout(room.timer);
    if (room.immediate) clearImmediate(room.immediate);
    room.timer = null;
    room.immediate = null;
    const deltas = room.deltas;
    room.deltas = [];
    const serverNow = Date.now();
    const frameOf = (some: DashboardDelta[]) => Buffer.from(JSON.stringify({ type: 'deltas', serverNow, deltas: some } satisfies ServerToStaff));
    let whole: Buffer | null = null;
    for (const [dashboard, shown] of room.dashboards) {
      if (shown === 0) dashboard.send((whole ??= frameOf(deltas)));
      else if (shown < deltas.length) dashboard.send(frameOf(deltas.slice(shown)));
      room.dashboards.set(dashboard, 0);
    }
  }

  /** Shows proctor and system actions recorded since the last call (the audit log is their source). */
  catchUpAudit(sessionId: number): void {
    const after = this.lastAuditId.get(sessionId);
    if (after === undefined) return;
    const { items, lastId } = this.dashboard.auditAfter(sessionId, after);
    this.lastAuditId.set(sessionId, lastId);
    for (const item of items) this.push(sessionId, { type: 'feed', item });
  }

  /** Rebuilds one candidate's tile for every dashboard of the session. */
  refreshTile(sessionId: number, candidateId: number): void {
    if (!this.rooms.has(sessionId)) return;
    const tile = this.dashboard.tile(sessionId, candidateId);
    if (tile) this.push(sessionId, { type: 'tile', tile });
  }

  /** The session header and every tile: after a start, a room pause or resume, an end. */
  refreshRoom(sessionId: number): void {
    if (!this.rooms.has(sessionId)) return;
    const session = this.exam.session(sessionId);
    if (!session) return;
    this.push(sessionId, { type: 'room', session: this.dashboard.sessionView(session), tiles: this.dashboard.tiles(session) });
  }

  close(): void {
    for (const off of this.detach) off();
    for (const room of this.rooms.values()) {
      if (room.timer) clearTimeout(room.timer);
      if (room.immediate) clearImmediate(room.immediate);
    }
    this.rooms.clear();
  }

  private listen<K extends keyof RoomEvents>(event: K, listener: (...args: RoomEvents[K]) => void): void {
    const wrapped = listener as (...args: unknown[]) => void;
    (this.hub.events as unknown as NodeJS.EventEmitter).on(event, wrapped);
    this.detach.push(() => (this.hub.events as unknown as NodeJS.EventEmitter).off(event, wrapped));
  }

  private onPresence(sessionId: number, p: Presence, change: RoomEvents['presence'][2]): void {
    if (!this.rooms.has(sessionId)) return;
    this.push(sessionId, {
      type: 'presence',
      candidateId: p.candidateId,
      connected: this.hub.isConnected(p.candidateId),
      activity: p.activity,
      lastHeartbeatAt: p.lastHeartbeatAt,
      loggedIn: true,
    });
    // A login is in the audit log: show it as soon as the kiosk connects.
    if (change === 'connected') this.catchUpAudit(sessionId);
  }

  private onRefused(sessionId: number, candidateId: number, questionId: string, reason: string): void {
    if (!this.rooms.has(sessionId)) return;
    const item: FeedItem = { id: `r${++this.sequence}`, at: Date.now(), candidateId, source: 'server', kind: 'save-refused', detail: { questionId, reason } };
    this.push(sessionId, { type: 'feed', item });
    if (keptLate.has(reason)) this.refreshTile(sessionId, candidateId);
  }

  private onChanged(sessionId: number, candidateId: number | null, what: string): void {
    if (!this.rooms.has(sessionId)) return;
    if (candidateId === null) {
      this.refreshRoom(sessionId);
    } else {
      this.refreshTile(sessionId, candidateId);
      if (what === 'message-acknowledged') {
        const ack = this.dashboard.lastAcknowledgement(candidateId);
        if (ack) {
          this.push(sessionId, { type: 'message-ack', messageId: ack.messageId, candidateId, at: ack.at });
          this.push(sessionId, {
            type: 'feed',
            item: { id: `k${++this.sequence}`, at: ack.at, candidateId, source: 'kiosk', kind: 'message-acknowledged', detail: { messageId: ack.messageId } },
          });
        }
      }
    }
    this.catchUpAudit(sessionId);
  }
}
