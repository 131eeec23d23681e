// What the room's supervision stores: kiosk events, proctor messages and their
// acknowledgements, incidents. Every query of the live area on these tables.
import { and, asc, eq, isNull, min, or, sql } from 'drizzle-orm';
import type { Statement } from 'better-sqlite3';
import type { LecternDb } from '../db/open-database.js';
import { authSessions } from '../db/schema/accounts.js';
import { incidents, messageAcknowledgements, proctorMessages } from '../db/schema/supervision.js';
import type { ProctorMessageView } from '../contract/kiosk-protocol.js';

export interface NewMessage {
  sessionId: number;
  /** null: to the whole room. */
  candidateId: number | null;
  text: string;
  sentBy: number;
  sentAt: number;
}

export interface NewIncident {
  sessionId: number;
  candidateId: number | null;
  at: number;
  text: string;
  createdBy: number;
}

export class SupervisionRepo {
  /**
   * Raw SQL for the two writes of SupervisionLog's group commit, which runs them once per event
   * of a whole room (5,000 kiosks going offline in one presence check): the plain statements.
   */
  private readonly insertEventStatement: Statement<[number, number | null, string, string, number], never>;
  private readonly insertAckStatement: Statement<[number, number, number], never>;
  private readonly messageForQuery;
  private readonly firstLoginQuery;
  private readonly messagesForCandidateQuery;

  constructor(private readonly db: LecternDb) {
    const c = db.$client;
    this.insertEventStatement = c.prepare<[number, number | null, string, string, number], never>('INSERT INTO supervision_events (session_id, candidate_id, kind, detail, at) VALUES (?, ?, ?, ?, ?)');
    this.insertAckStatement = c.prepare<[number, number, number], never>('INSERT OR IGNORE INTO message_acknowledgements (message_id, candidate_id, acknowledged_at) VALUES (?, ?, ?)');
    const sessionId = sql.placeholder('sessionId');
    const candidateId = sql.placeholder('candidateId');
    const toThisCandidate = or(isNull(proctorMessages.candidateId), eq(proctorMessages.candidateId, candidateId));
    this.messageForQuery = db
      .select({ id: proctorMessages.id })
      .from(proctorMessages)
      .where(and(eq(proctorMessages.id, sql.placeholder('messageId')), eq(proctorMessages.sessionId, sessionId), toThisCandidate))
      .prepare();
    this.firstLoginQuery = db.select({ at: min(authSessions.createdAt) }).from(authSessions).where(eq(authSessions.candidateId, candidateId)).prepare();
    this.messagesForCandidateQuery = db
      .select({
        id: proctorMessages.id,
        text: proctorMessages.text,
        sentAt: proctorMessages.sentAt,
        toAll: sql<boolean>`${proctorMessages.candidateId} IS NULL`.mapWith(Boolean),
        acknowledgedAt: messageAcknowledgements.acknowledgedAt,
      })
      .from(proctorMessages)
      .leftJoin(messageAcknowledgements, and(eq(messageAcknowledgements.messageId, proctorMessages.id), eq(messageAcknowledgements.candidateId, candidateId)))
      .where(and(eq(proctorMessages.sessionId, sessionId), toThisCandidate))
      .orderBy(asc(proctorMessages.id))
      .prepare();
  }

  insertEvent(sessionId: number, candidateId: number | null, kind: string, detail: Record<string, unknown>, at: number): void {
    this.insertEventStatement.run(sessionId, candidateId, kind, JSON.stringify(detail), at);
  }

  /** False when this candidate had already acknowledged the message. */
  insertAcknowledgement(messageId: number, candidateId: number, at: number): boolean {
    return this.insertAckStatement.run(messageId, candidateId, at).changes > 0;
  }

  /** Whether the message was sent in this session to this candidate (or to the whole room). */
  isMessageFor(messageId: number, sessionId: number, candidateId: number): boolean {
    return this.messageForQuery.get({ messageId, sessionId, candidateId }) !== undefined;
  }

  /** When the candidate first logged in; null if they never did. */
  firstLogin(candidateId: number): number | null {
    return this.firstLoginQuery.get({ candidateId })?.at ?? null;
  }

  /** The messages a candidate received, with their own acknowledgement, oldest first. */
  messagesFor(sessionId: number, candidateId: number): ProctorMessageView[] {
    return this.messagesForCandidateQuery.all({ sessionId, candidateId });
  }

  insertMessage(m: NewMessage): number {
    return this.db.insert(proctorMessages).values(m).returning({ id: proctorMessages.id }).get().id;
  }

  insertIncident(i: NewIncident): number {
    return this.db.insert(incidents).values(i).returning({ id: incidents.id }).get().id;
  }
}
