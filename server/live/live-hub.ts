import { EventEmitter } from 'node:events';
import type { WebSocket } from 'ws';
import type { Activity, ServerToKiosk } from '../contract/kiosk-protocol.js';

/** What the server knows of a candidate's workstation right now (memory only; events are stored). */
export interface Presence {
  candidateId: number;
  sessionId: number;
  sockets: number;
  workstation: string | null;
  lastHeartbeatAt: number;
  activity: Activity;
  connectedAt: number;
}

/**
 * Everything that happens in a room, for the dashboards to subscribe to. Exam changes are
 * emitted by ExamEvents (exam-events.ts) once committed; presence by the hub and the watch.
 */
export interface RoomEvents {
  /** A kiosk connected, disconnected, sent a heartbeat whose activity changed, or went silent. */
  presence: [sessionId: number, presence: Presence, change: 'connected' | 'disconnected' | 'activity' | 'offline'];
  /** A save was acknowledged (words per question change on the dashboard). */
  saved: [sessionId: number, candidateId: number, questionId: string, words: number, savedAt: number];
  /** A late or refused save. */
  refused: [sessionId: number, candidateId: number, questionId: string, reason: string];
  /** A supervision event: a kiosk's (a SupervisionKind of the kiosk protocol) or one the server records itself. */
  supervision: [sessionId: number, candidateId: number, kind: string, detail: Record<string, unknown>, at: number];
  /** Session state, pauses, extensions, submissions: dashboards reload the tiles concerned. */
  changed: [sessionId: number, candidateId: number | null, what: string];
  /** A proctor's message was sent (the dashboards list it). */
  message: [sessionId: number, messageId: number];
  /** A proctor recorded an incident. */
  incident: [sessionId: number, incidentId: number];
}

/**
 * The live connections of the room: which kiosk sockets belong to which candidate, and the
 * room's event stream. Sending never throws: a socket that died is dropped at its close event.
 */
export class LiveHub {
  readonly events = new EventEmitter<RoomEvents>();
  private readonly kiosks = new Map<number, Set<WebSocket>>();
  private readonly retired = new WeakSet<WebSocket>();
  readonly presence = new Map<number, Presence>();

  constructor() {
    // One listener per dashboard: a room of 300 with several proctors must not warn.
    this.events.setMaxListeners(0);
  }

  addKiosk(candidateId: number, sessionId: number, workstation: string | null, socket: WebSocket, now = Date.now()): void {
    let set = this.kiosks.get(candidateId);
    if (!set) this.kiosks.set(candidateId, (set = new Set()));
    set.add(socket);
    const p: Presence = { candidateId, sessionId, sockets: set.size, workstation, lastHeartbeatAt: now, activity: 'reading', connectedAt: now };
    this.presence.set(candidateId, p);
    this.events.emit('presence', sessionId, p, 'connected');
  }

  removeKiosk(candidateId: number, socket: WebSocket): void {
    const set = this.kiosks.get(candidateId);
    if (!set) return;
    set.delete(socket);
    const p = this.presence.get(candidateId);
    if (p) p.sockets = set.size;
    if (set.size === 0) {
      this.kiosks.delete(candidateId);
      if (p) this.events.emit('presence', p.sessionId, p, 'disconnected');
    }
  }

  heartbeat(candidateId: number, activity: Activity, now = Date.now()): void {
    const p = this.presence.get(candidateId);
    if (!p) return;
    const wasOffline = now - p.lastHeartbeatAt > OFFLINE_AFTER_MS;
    p.lastHeartbeatAt = now;
    if (p.activity !== activity || wasOffline) {
      p.activity = activity;
      this.events.emit('presence', p.sessionId, p, 'activity');
    }
  }

  isConnected(candidateId: number, now = Date.now()): boolean {
    const p = this.presence.get(candidateId);
    return !!p && p.sockets > 0 && now - p.lastHeartbeatAt <= OFFLINE_AFTER_MS;
  }

  sendToCandidate(candidateId: number, message: ServerToKiosk): void {
    const set = this.kiosks.get(candidateId);
    if (!set) return;
    const text = JSON.stringify(message);
    for (const s of set) if (s.readyState === s.OPEN) s.send(text);
  }

  /** Closes a candidate's kiosks (moved elsewhere, logged out). */
  disconnectCandidate(candidateId: number, reason: 'moved' | 'revoked' | 'replaced'): void {
    this.sendToCandidate(candidateId, { type: 'logged-out', reason });
    const set = this.kiosks.get(candidateId);
    if (!set) return;
    for (const s of set) {
      // From now on this socket is not the candidate's: its messages are ignored, and a frozen
      // workstation that never finishes the close handshake is cut after a second.
      this.retired.add(s);
      s.close(4001, reason);
      setTimeout(() => s.terminate(), 1000).unref();
    }
    // Forgotten at once, so the candidate can log in on the new workstation straight away.
    this.kiosks.delete(candidateId);
    const p = this.presence.get(candidateId);
    if (p) {
      p.sockets = 0;
      this.events.emit('presence', p.sessionId, p, 'disconnected');
    }
  }

  /** True once a socket was logged out by `disconnectCandidate`. */
  isRetired(socket: WebSocket): boolean {
    return this.retired.has(socket);
  }

  kioskCandidateIds(): number[] {
    return [...this.kiosks.keys()];
  }

  closeAll(): void {
    for (const set of this.kiosks.values()) for (const s of set) s.close(1001, 'server shutting down');
  }
}

/** A kiosk sends a heartbeat every 2 s; missing for this long means offline on the dashboard. */
export const OFFLINE_AFTER_MS = 4_500;
