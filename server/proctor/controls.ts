import type { LecternDb } from '../db/open-database.js';
import { textDigest } from '../audit/text-digest.js';
import type { AuthService } from '../auth/auth-service.js';
import type { Actor, ExamService } from '../exam/exam-service.js';
import type { ExamEvents } from '../live/exam-events.js';
import type { LiveHub } from '../live/live-hub.js';
import { SupervisionRepo } from '../live/supervision.repo.js';
import { userError } from '../errors.js';
import type { DashboardService } from './dashboard-service.js';
import type { IncidentView, MessageSummary } from '../contract/staff-protocol.js';
import type { PresenceWatch } from './presence-watch.js';

export const MAX_MESSAGE_CHARS = 2000;
export const MAX_INCIDENT_CHARS = 5000;

/** Characters as a person counts them (an emoji is one), not UTF-16 units. */
export const charCount = (text: string) => [...text].length;

type AccountActor = Extract<Actor, { kind: 'account' }>;

/**
 * What the proctor does to the room or to one candidate. Each control changes the database (one
 * transaction with its audit row, in ExamService or here), then publishes the change
 * (ExamEvents): the kiosk concerned and every dashboard hear it at once, so the candidate's
 * screen and the proctor's show the same time left.
 */
export class ProctorControls {
  private readonly supervision: SupervisionRepo;

  constructor(
    db: LecternDb,
    private readonly exam: ExamService,
    private readonly hub: LiveHub,
    private readonly events: ExamEvents,
    private readonly auth: AuthService,
    private readonly dashboard: DashboardService,
    private readonly watch: PresenceWatch,
  ) {
    this.supervision = new SupervisionRepo(db);
  }

  pauseCandidate(sessionId: number, candidateId: number, actor: AccountActor, reason: string): void {
    this.exam.pauseCandidate(sessionId, candidateId, actor, reason.trim());
    this.events.candidate(sessionId, candidateId, 'paused');
  }

  resumeCandidate(sessionId: number, candidateId: number, actor: AccountActor): void {
    this.exam.resumeCandidate(sessionId, candidateId, actor);
    this.events.candidate(sessionId, candidateId, 'resumed');
  }

  extraTime(sessionId: number, candidateId: number, grant: { minutes: number; kind: 'accommodation' | 'incident'; reason: string }, actor: AccountActor) {
    const result = this.exam.grantExtraTime(sessionId, candidateId, grant, actor);
    this.events.candidate(sessionId, candidateId, 'extra-time');
    return result;
  }

  /** The old kiosk is logged out at once; the candidate logs in again at the new workstation. */
  move(sessionId: number, candidateId: number, workstation: string, actor: AccountActor) {
    const moved = this.exam.moveCandidate(sessionId, candidateId, workstation, actor);
    this.logOut(candidateId, 'moved');
    this.events.candidate(sessionId, candidateId, 'moved');
    return moved;
  }

  setLocked(sessionId: number, candidateId: number, locked: boolean, actor: AccountActor): void {
    this.exam.setLocked(sessionId, candidateId, locked, actor);
    this.events.candidate(sessionId, candidateId, locked ? 'locked' : 'unlocked');
  }

  setAbsent(sessionId: number, candidateId: number, absent: boolean, actor: AccountActor): void {
    this.exam.setAbsent(sessionId, candidateId, absent, actor, this.hub.isConnected(candidateId));
    if (absent) this.logOut(candidateId, 'revoked');
    this.events.candidate(sessionId, candidateId, absent ? 'marked-absent' : 'marked-present');
  }

  /** A message to the whole room (candidateId null) or to one candidate, shown until acknowledged. */
  sendMessage(sessionId: number, input: { text: string; candidateId?: number | null }, actor: AccountActor): MessageSummary {
    const session = this.exam.requireSession(sessionId);
    const text = input.text.trim();
    if (text.length === 0) throw userError(400, 'empty-message', 'Write the message before sending it.');
    const length = charCount(text);
    if (length > MAX_MESSAGE_CHARS) {
      throw userError(400, 'message-too-long', `A message can be at most ${MAX_MESSAGE_CHARS.toLocaleString('en')} characters long; this one has ${length.toLocaleString('en')}.`);
    }
    const candidateId = input.candidateId ?? null;
    if (candidateId !== null) {
      const c = this.exam.requireCandidateOf(sessionId, candidateId);
      if (c.absentAt !== null) throw userError(409, 'absent', 'This candidate is marked absent: the message would reach nobody.');
    }
    if (session.state === 'ended') throw userError(409, 'already-ended', 'The session has ended: the kiosks no longer show messages.');
    const now = Date.now();
    const messageId = this.exam.store.write(() => {
      const id = this.supervision.insertMessage({ sessionId, candidateId, text, sentBy: actor.id, sentAt: now });
      this.exam.store.audit.append({ actorKind: 'account', actorId: actor.id, sessionId, action: 'message.sent', detail: { messageId: id, candidateId, length } }, now);
      return id;
    })();
    const view = { id: messageId, text, sentAt: now, toAll: candidateId === null, acknowledgedAt: null };
    const recipients = candidateId === null ? this.exam.candidates(sessionId).filter((c) => c.absentAt === null).map((c) => c.id) : [candidateId];
    this.events.message(sessionId, view, recipients);
    return this.dashboard.message(sessionId, messageId)!;
  }

  /** An incident written by the proctor: its time (now, or when it happened), the candidate if any, what happened. */
  recordIncident(sessionId: number, input: { text: string; candidateId?: number | null; at?: number }, actor: AccountActor): IncidentView {
    const session = this.exam.requireSession(sessionId);
    const text = input.text.trim();
    if (text.length === 0) throw userError(400, 'empty-incident', 'Describe the incident before recording it.');
    if (charCount(text) > MAX_INCIDENT_CHARS) throw userError(400, 'incident-too-long', `An incident is at most ${MAX_INCIDENT_CHARS.toLocaleString('en')} characters long.`);
    const candidateId = input.candidateId ?? null;
    if (candidateId !== null) this.exam.requireCandidateOf(sessionId, candidateId);
    const now = Date.now();
    const at = input.at ?? now;
    if (at > now + 60_000) throw userError(400, 'incident-in-future', 'An incident cannot be dated in the future.');
    if (at < session.createdAt - 24 * 3600_000) throw userError(400, 'incident-too-early', 'An incident cannot be dated more than a day before the session was opened.');
    const incidentId = this.exam.store.write(() => {
      const id = this.supervision.insertIncident({ sessionId, candidateId, at, text, createdBy: actor.id });
      this.exam.store.audit.append({ actorKind: 'account', actorId: actor.id, sessionId, action: 'incident.recorded', detail: { incidentId: id, candidateId, at, textDigest: textDigest(text) } }, now);
      return id;
    })();
    this.events.incident(sessionId, incidentId);
    return this.dashboard.incident(incidentId)!;
  }

  /** Sets (or clears, with null) the Safe Exam Browser Config Key the session's kiosks must prove. */
  setSebConfigKey(sessionId: number, key: string | null, actor: AccountActor): void {
    const session = this.exam.requireSession(sessionId);
    const normalized = key === null || key.trim() === '' ? null : key.trim().toLowerCase();
    if (normalized !== null && !/^[0-9a-f]{64}$/.test(normalized)) {
      throw userError(400, 'bad-config-key', 'A Safe Exam Browser Config Key is 64 hexadecimal characters (SEB shows it in its Config Key field).');
    }
    if (session.state === 'ended') throw userError(409, 'already-ended', 'The session has ended.');
    const now = Date.now();
    this.exam.store.write(() => {
      this.exam.store.sessions.setSebConfigKey(sessionId, normalized);
      this.exam.store.audit.append({ actorKind: 'account', actorId: actor.id, sessionId, action: normalized ? 'session.seb-key-set' : 'session.seb-key-cleared' }, now);
    })();
    this.events.settings(sessionId, 'seb-config-key');
  }

  /**
   * Logs the candidate's kiosks out now. Their sockets close with a handshake that a frozen
   * workstation never answers, so the hub's presence is marked silent at once: the candidate can
   * log in at the new workstation without waiting for the old socket to time out.
   */
  private logOut(candidateId: number, reason: 'moved' | 'revoked'): void {
    this.watch.expectDisconnect(candidateId);
    this.auth.revokeCandidateSessions(candidateId);
    this.hub.disconnectCandidate(candidateId, reason);
    const presence = this.hub.presence.get(candidateId);
    if (presence) presence.lastHeartbeatAt = 0;
  }
}
