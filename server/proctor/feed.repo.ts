import type { LecternDb } from '../db/open-database.js';
import type { ActorKind } from '../audit/audit.repo.js';

// What the dashboard's feed, message list and incident list read: kiosk events, audited actions
// (with the name of the staff member who acted), messages with their acknowledgements, incidents.
// Raw SQL prepared once: joins with aliases named as the dashboard's protocol names them.

export interface SupervisionEventRow {
  id: number;
  at: number;
  candidateId: number | null;
  kind: string;
  detail: string;
}

/** An audit row with the display name of the account that acted, if one did. */
export interface AuditActionRow {
  id: number;
  at: number;
  actorKind: ActorKind;
  actorId: number | null;
  action: string;
  detail: string;
  by: string | null;
}

export interface AcknowledgementRow {
  messageId: number;
  candidateId: number;
  at: number;
}

export interface MessageRow {
  id: number;
  text: string;
  sentAt: number;
  sentBy: string | null;
  candidateId: number | null;
}

export interface IncidentRow {
  id: number;
  at: number;
  candidateId: number | null;
  text: string;
  by: string | null;
}

const auditColumns = `l.id, l.at, l.actor_kind AS actorKind, l.actor_id AS actorId, l.action, l.detail, a.display_name AS by
  FROM audit_log l LEFT JOIN accounts a ON l.actor_kind = 'account' AND a.id = l.actor_id`;
const incidentColumns = `i.id, i.at, i.candidate_id AS candidateId, i.text, a.display_name AS by
  FROM incidents i LEFT JOIN accounts a ON a.id = i.created_by`;

export class FeedRepo {
  private readonly st;

  constructor(db: LecternDb) {
    const c = db.$client;
    this.st = {
      recentEvents: c.prepare<[number, number], SupervisionEventRow>(
        'SELECT id, at, candidate_id AS candidateId, kind, detail FROM supervision_events WHERE session_id = ? ORDER BY at DESC, id DESC LIMIT ?',
      ),
      auditOfSession: c.prepare<[number, number], AuditActionRow>(`SELECT ${auditColumns} WHERE l.session_id = ? ORDER BY l.id DESC LIMIT ?`),
      auditAfter: c.prepare<[number, number], AuditActionRow>(`SELECT ${auditColumns} WHERE l.session_id = ? AND l.id > ? ORDER BY l.id`),
      lastAuditId: c.prepare<[], { id: number }>('SELECT COALESCE(MAX(id), 0) AS id FROM audit_log'),
      messages: c.prepare<[number], MessageRow>(
        `SELECT m.id, m.text, m.sent_at AS sentAt, a.display_name AS sentBy, m.candidate_id AS candidateId
         FROM proctor_messages m LEFT JOIN accounts a ON a.id = m.sent_by WHERE m.session_id = ? ORDER BY m.id`,
      ),
      acksOfSession: c.prepare<[number], AcknowledgementRow>(
        `SELECT k.message_id AS messageId, k.candidate_id AS candidateId, k.acknowledged_at AS at
         FROM message_acknowledgements k JOIN proctor_messages m ON m.id = k.message_id WHERE m.session_id = ? ORDER BY k.acknowledged_at`,
      ),
      lastAckOf: c.prepare<[number], AcknowledgementRow>(
        `SELECT message_id AS messageId, candidate_id AS candidateId, acknowledged_at AS at FROM message_acknowledgements
         WHERE candidate_id = ? ORDER BY acknowledged_at DESC, rowid DESC LIMIT 1`,
      ),
      recentAcks: c.prepare<[number, number], AcknowledgementRow>(
        `SELECT k.message_id AS messageId, k.candidate_id AS candidateId, k.acknowledged_at AS at FROM message_acknowledgements k
         JOIN proctor_messages m ON m.id = k.message_id WHERE m.session_id = ? ORDER BY k.acknowledged_at DESC LIMIT ?`,
      ),
      presentCount: c.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM candidates WHERE session_id = ? AND absent_at IS NULL'),
      incidents: c.prepare<[number], IncidentRow>(`SELECT ${incidentColumns} WHERE i.session_id = ? ORDER BY i.at, i.id`),
      incident: c.prepare<[number], IncidentRow>(`SELECT ${incidentColumns} WHERE i.id = ?`),
    };
  }

  /** The session's latest supervision events, newest first. */
  recentEvents(sessionId: number, limit: number): SupervisionEventRow[] {
    return this.st.recentEvents.all(sessionId, limit);
  }

  /** The session's latest audited actions, newest first. */
  recentActions(sessionId: number, limit: number): AuditActionRow[] {
    return this.st.auditOfSession.all(sessionId, limit);
  }

  /** The session's audited actions after the audit row `afterId`, oldest first. */
  actionsAfter(sessionId: number, afterId: number): AuditActionRow[] {
    return this.st.auditAfter.all(sessionId, afterId);
  }

  /** The newest audit row's id across sessions, 0 on an empty log. */
  lastAuditId(): number {
    return this.st.lastAuditId.get()?.id ?? 0;
  }

  /** The session's latest message acknowledgements, newest first. */
  recentAcknowledgements(sessionId: number, limit: number): AcknowledgementRow[] {
    return this.st.recentAcks.all(sessionId, limit);
  }

  /** Every acknowledgement of the session's messages, oldest first. */
  acknowledgementsOfSession(sessionId: number): AcknowledgementRow[] {
    return this.st.acksOfSession.all(sessionId);
  }

  lastAcknowledgementOf(candidateId: number): AcknowledgementRow | undefined {
    return this.st.lastAckOf.get(candidateId);
  }

  messagesOfSession(sessionId: number): MessageRow[] {
    return this.st.messages.all(sessionId);
  }

  /** Candidates not marked absent: the recipients of a message to the whole room. */
  presentCount(sessionId: number): number {
    return this.st.presentCount.get(sessionId)?.n ?? 0;
  }

  incidentsOfSession(sessionId: number): IncidentRow[] {
    return this.st.incidents.all(sessionId);
  }

  incident(incidentId: number): IncidentRow | undefined {
    return this.st.incident.get(incidentId);
  }
}
