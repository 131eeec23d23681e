import type { LecternDb } from '../db/open-database.js';
import type { LiveHub } from './live-hub.js';

/** Stores what the kiosks report (with the server's time) and tells the room's dashboards. */
export class SupervisionLog {
  private readonly insertEvent;
  private readonly insertAck;
  private readonly messageFor;

  constructor(
    db: LecternDb,
    private readonly hub: LiveHub,
  ) {
    const c = db.$client;
    this.insertEvent = c.prepare('INSERT INTO supervision_events (session_id, candidate_id, kind, detail, at) VALUES (?, ?, ?, ?, ?)');
    this.insertAck = c.prepare('INSERT OR IGNORE INTO message_acknowledgements (message_id, candidate_id, acknowledged_at) VALUES (?, ?, ?)');
    this.messageFor = c.prepare('SELECT id FROM proctor_messages WHERE id = ? AND session_id = ? AND (candidate_id IS NULL OR candidate_id = ?)');
  }

  record(sessionId: number, candidateId: number | null, kind: string, detail: Record<string, unknown>, at = Date.now()): void {
    this.insertEvent.run(sessionId, candidateId, kind, JSON.stringify(detail), at);
    if (candidateId !== null) this.hub.events.emit('supervision', sessionId, candidateId, kind, detail, at);
  }

  /** Returns false when the message is not one this candidate received. */
  acknowledgeMessage(sessionId: number, candidateId: number, messageId: number, at = Date.now()): boolean {
    if (!this.messageFor.get(messageId, sessionId, candidateId)) return false;
    const changed = this.insertAck.run(messageId, candidateId, at).changes > 0;
    if (changed) this.hub.events.emit('changed', sessionId, candidateId, 'message-acknowledged');
    return true;
  }
}
