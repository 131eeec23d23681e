import type { LecternDb } from '../db/open-database.js';
import type { ExamService, ExamSessionRow } from '../exam/exam-service.js';
import type { PackRegistry } from '../exam/pack-registry.js';
import type { LiveHub } from '../live/live-hub.js';
import { formatCode } from '../contract/rules/code-format.js';
import type {
  CandidateTile,
  DashboardQuestion,
  DashboardSession,
  DashboardSnapshot,
  FeedItem,
  IncidentView,
  MessageSummary,
} from '../contract/staff-protocol.js';

/** How many feed lines a dashboard gets when it connects; older ones are in the report. */
export const FEED_SNAPSHOT_LIMIT = 300;

interface AuditRow {
  id: number;
  at: number;
  actorKind: string;
  actorId: number | null;
  action: string;
  detail: string;
  by: string | null;
}

/**
 * What the proctor's dashboard shows, read from the database and the live hub. The snapshot is
 * built once per connecting dashboard; afterwards the broadcaster sends deltas, and rebuilds one
 * tile only when a control or a submission changed that candidate.
 */
export class DashboardService {
  private readonly st;

  constructor(
    db: LecternDb,
    private readonly exam: ExamService,
    private readonly packs: PackRegistry,
    private readonly hub: LiveHub,
  ) {
    const c = db.$client;
    this.st = {
      wordsOfSession: c.prepare(
        `SELECT a.candidate_id AS candidateId, a.question_id AS questionId, a.word_count AS words, a.saved_at AS savedAt
         FROM answers a JOIN candidates c ON c.id = a.candidate_id WHERE c.session_id = ?`,
      ),
      wordsOf: c.prepare('SELECT question_id AS questionId, word_count AS words, saved_at AS savedAt FROM answers WHERE candidate_id = ?'),
      eventCountsOfSession: c.prepare(
        `SELECT candidate_id AS candidateId, kind, COUNT(*) AS n, MAX(at) AS lastAt FROM supervision_events
         WHERE session_id = ? AND candidate_id IS NOT NULL GROUP BY candidate_id, kind`,
      ),
      eventCountsOf: c.prepare('SELECT kind, COUNT(*) AS n, MAX(at) AS lastAt FROM supervision_events WHERE candidate_id = ? GROUP BY kind'),
      lateOfSession: c.prepare(
        'SELECT l.candidate_id AS candidateId, COUNT(*) AS n FROM late_saves l JOIN candidates c ON c.id = l.candidate_id WHERE c.session_id = ? GROUP BY l.candidate_id',
      ),
      lateOf: c.prepare('SELECT COUNT(*) AS n FROM late_saves WHERE candidate_id = ?'),
      loggedInOfSession: c.prepare(
        'SELECT DISTINCT s.candidate_id AS candidateId FROM auth_sessions s JOIN candidates c ON c.id = s.candidate_id WHERE c.session_id = ?',
      ),
      loggedInOf: c.prepare('SELECT 1 FROM auth_sessions WHERE candidate_id = ? LIMIT 1'),
      openPausesOfSession: c.prepare('SELECT candidate_id AS candidateId FROM pauses WHERE session_id = ? AND candidate_id IS NOT NULL AND ended_at IS NULL'),
      unackOfSession: c.prepare(
        `SELECT c.id AS candidateId, COUNT(m.id) AS n FROM candidates c
         JOIN proctor_messages m ON m.session_id = c.session_id AND (m.candidate_id IS NULL OR m.candidate_id = c.id)
         LEFT JOIN message_acknowledgements a ON a.message_id = m.id AND a.candidate_id = c.id
         WHERE c.session_id = ? AND a.message_id IS NULL GROUP BY c.id`,
      ),
      unackOf: c.prepare(
        `SELECT COUNT(m.id) AS n FROM proctor_messages m
         LEFT JOIN message_acknowledgements a ON a.message_id = m.id AND a.candidate_id = ?
         WHERE m.session_id = ? AND (m.candidate_id IS NULL OR m.candidate_id = ?) AND a.message_id IS NULL`,
      ),
      recentEvents: c.prepare(
        'SELECT id, at, candidate_id AS candidateId, kind, detail FROM supervision_events WHERE session_id = ? ORDER BY at DESC, id DESC LIMIT ?',
      ),
      auditOfSession: c.prepare(
        `SELECT l.id, l.at, l.actor_kind AS actorKind, l.actor_id AS actorId, l.action, l.detail, a.display_name AS by
         FROM audit_log l LEFT JOIN accounts a ON l.actor_kind = 'account' AND a.id = l.actor_id
         WHERE l.session_id = ? ORDER BY l.id DESC LIMIT ?`,
      ),
      auditAfter: c.prepare(
        `SELECT l.id, l.at, l.actor_kind AS actorKind, l.actor_id AS actorId, l.action, l.detail, a.display_name AS by
         FROM audit_log l LEFT JOIN accounts a ON l.actor_kind = 'account' AND a.id = l.actor_id
         WHERE l.session_id = ? AND l.id > ? ORDER BY l.id`,
      ),
      lastAuditId: c.prepare('SELECT COALESCE(MAX(id), 0) AS id FROM audit_log'),
      messages: c.prepare(
        `SELECT m.id, m.text, m.sent_at AS sentAt, a.display_name AS sentBy, m.candidate_id AS candidateId
         FROM proctor_messages m LEFT JOIN accounts a ON a.id = m.sent_by WHERE m.session_id = ? ORDER BY m.id`,
      ),
      message: c.prepare(
        `SELECT m.id, m.text, m.sent_at AS sentAt, a.display_name AS sentBy, m.candidate_id AS candidateId
         FROM proctor_messages m LEFT JOIN accounts a ON a.id = m.sent_by WHERE m.id = ?`,
      ),
      acksOfSession: c.prepare(
        `SELECT k.message_id AS messageId, k.candidate_id AS candidateId, k.acknowledged_at AS at
         FROM message_acknowledgements k JOIN proctor_messages m ON m.id = k.message_id WHERE m.session_id = ? ORDER BY k.acknowledged_at`,
      ),
      lastAckOf: c.prepare(
        'SELECT message_id AS messageId, acknowledged_at AS at FROM message_acknowledgements WHERE candidate_id = ? ORDER BY acknowledged_at DESC, rowid DESC LIMIT 1',
      ),
      recentAcks: c.prepare(
        `SELECT k.message_id AS messageId, k.candidate_id AS candidateId, k.acknowledged_at AS at FROM message_acknowledgements k
         JOIN proctor_messages m ON m.id = k.message_id WHERE m.session_id = ? ORDER BY k.acknowledged_at DESC LIMIT ?`,
      ),
      presentCount: c.prepare('SELECT COUNT(*) AS n FROM candidates WHERE session_id = ? AND absent_at IS NULL'),
      incidents: c.prepare(
        `SELECT i.id, i.at, i.candidate_id AS candidateId, i.text, a.display_name AS by
         FROM incidents i LEFT JOIN accounts a ON a.id = i.created_by WHERE i.session_id = ? ORDER BY i.at, i.id`,
      ),
      incident: c.prepare(
        `SELECT i.id, i.at, i.candidate_id AS candidateId, i.text, a.display_name AS by
         FROM incidents i LEFT JOIN accounts a ON a.id = i.created_by WHERE i.id = ?`,
      ),
    };
  }

  snapshot(sessionId: number, now = Date.now()): DashboardSnapshot {
    const session = this.exam.requireSession(sessionId);
    return {
      serverNow: now,
      session: this.sessionView(session),
      questions: this.questions(session.packId),
      tiles: this.tiles(session, now),
      feed: this.recentFeed(sessionId, FEED_SNAPSHOT_LIMIT),
      messages: this.messages(sessionId),
      incidents: this.incidents(sessionId),
    };
  }

  sessionView(s: ExamSessionRow): DashboardSession {
    const pack = this.packs.get(s.packId);
    return {
      id: s.id,
      code: formatCode(s.code),
      title: s.title,
      room: s.room,
      packId: s.packId,
      packTitle: pack?.title ?? { fr: s.packId, en: s.packId },
      state: s.state,
      durationMs: s.durationMs,
      startedAt: s.startedAt,
      endedAt: s.endedAt,
      sebConfigKeySet: s.sebConfigKey !== null && s.sebConfigKey !== '',
    };
  }

  questions(packId: string): DashboardQuestion[] {
    return this.packs.questions(packId).map(({ section, question }, i) => ({
      id: question.id,
      sectionId: section.id,
      label: `Q${i + 1}`,
      targetWords: question.targetWords,
    }));
  }

  /** Every tile of the session, in a handful of grouped queries (a room of 300 stays cheap). */
  tiles(session: ExamSessionRow, now = Date.now()): CandidateTile[] {
    const sid = session.id;
    const words = new Map<number, { words: Record<string, number>; lastSavedAt: number | null }>();
    for (const w of this.st.wordsOfSession.all(sid) as { candidateId: number; questionId: string; words: number; savedAt: number }[]) {
      let entry = words.get(w.candidateId);
      if (!entry) words.set(w.candidateId, (entry = { words: {}, lastSavedAt: null }));
      entry.words[w.questionId] = w.words;
      entry.lastSavedAt = Math.max(entry.lastSavedAt ?? 0, w.savedAt);
    }
    const events = new Map<number, { events: Record<string, number>; lastEvent: { kind: string; at: number } | null }>();
    for (const e of this.st.eventCountsOfSession.all(sid) as { candidateId: number; kind: string; n: number; lastAt: number }[]) {
      let entry = events.get(e.candidateId);
      if (!entry) events.set(e.candidateId, (entry = { events: {}, lastEvent: null }));
      entry.events[e.kind] = e.n;
      if (!entry.lastEvent || e.lastAt > entry.lastEvent.at) entry.lastEvent = { kind: e.kind, at: e.lastAt };
    }
    const late = new Map((this.st.lateOfSession.all(sid) as { candidateId: number; n: number }[]).map((r) => [r.candidateId, r.n]));
    const loggedIn = new Set((this.st.loggedInOfSession.all(sid) as { candidateId: number }[]).map((r) => r.candidateId));
    const pausedAlone = new Set((this.st.openPausesOfSession.all(sid) as { candidateId: number }[]).map((r) => r.candidateId));
    const unack = new Map((this.st.unackOfSession.all(sid) as { candidateId: number; n: number }[]).map((r) => [r.candidateId, r.n]));
    return this.exam.candidates(sid).map((c) => {
      const p = this.hub.presence.get(c.id);
      const w = words.get(c.id);
      const e = events.get(c.id);
      return {
        candidateId: c.id,
        code: formatCode(c.code),
        workstation: c.workstation,
        loggedIn: loggedIn.has(c.id),
        connected: this.hub.isConnected(c.id, now),
        activity: p?.activity ?? null,
        lastHeartbeatAt: p?.lastHeartbeatAt ?? null,
        noticeAcknowledged: c.noticeAcknowledgedAt !== null,
        locked: c.lockedAt !== null,
        absent: c.absentAt !== null,
        pausedAlone: pausedAlone.has(c.id),
        submittedAt: c.submittedAt,
        submitKind: c.submitKind,
        clock: this.exam.clockView(session, c.id, now),
        words: w?.words ?? {},
        lastSavedAt: w?.lastSavedAt ?? null,
        lateSaves: late.get(c.id) ?? 0,
        events: e?.events ?? {},
        lastEvent: e?.lastEvent ?? null,
        unacknowledged: unack.get(c.id) ?? 0,
      };
    });
  }

  /** One candidate's tile, rebuilt after a control or a submission. */
  tile(sessionId: number, candidateId: number, now = Date.now()): CandidateTile | null {
    const session = this.exam.session(sessionId);
    const c = this.exam.candidate(candidateId);
    if (!session || !c || c.sessionId !== sessionId) return null;
    const words: Record<string, number> = {};
    let lastSavedAt: number | null = null;
    for (const w of this.st.wordsOf.all(candidateId) as { questionId: string; words: number; savedAt: number }[]) {
      words[w.questionId] = w.words;
      lastSavedAt = Math.max(lastSavedAt ?? 0, w.savedAt);
    }
    const events: Record<string, number> = {};
    let lastEvent: { kind: string; at: number } | null = null;
    for (const e of this.st.eventCountsOf.all(candidateId) as { kind: string; n: number; lastAt: number }[]) {
      events[e.kind] = e.n;
      if (!lastEvent || e.lastAt > lastEvent.at) lastEvent = { kind: e.kind, at: e.lastAt };
    }
    const p = this.hub.presence.get(candidateId);
    return {
      candidateId,
      code: formatCode(c.code),
      workstation: c.workstation,
      loggedIn: this.st.loggedInOf.get(candidateId) !== undefined,
      connected: this.hub.isConnected(candidateId, now),
      activity: p?.activity ?? null,
      lastHeartbeatAt: p?.lastHeartbeatAt ?? null,
      noticeAcknowledged: c.noticeAcknowledgedAt !== null,
      locked: c.lockedAt !== null,
      absent: c.absentAt !== null,
      pausedAlone: this.exam.isPausedAlone(sessionId, candidateId),
      submittedAt: c.submittedAt,
      submitKind: c.submitKind,
      clock: this.exam.clockView(session, candidateId, now),
      words,
      lastSavedAt,
      lateSaves: (this.st.lateOf.get(candidateId) as { n: number }).n,
      events,
      lastEvent,
      unacknowledged: (this.st.unackOf.get(candidateId, sessionId, candidateId) as { n: number }).n,
    };
  }

  /** Whether the candidate has ever logged in: a login row exists for them. */
  hasLoggedIn(candidateId: number): boolean {
    return this.st.loggedInOf.get(candidateId) !== undefined;
  }

  /** The latest kiosk events and proctor actions, newest last. */
  recentFeed(sessionId: number, limit: number): FeedItem[] {
    const events = (this.st.recentEvents.all(sessionId, limit) as { id: number; at: number; candidateId: number | null; kind: string; detail: string }[]).map(
      (e): FeedItem => ({ id: `e${e.id}`, at: e.at, candidateId: e.candidateId, source: serverKinds.has(e.kind) ? 'server' : 'kiosk', kind: e.kind, detail: parseDetail(e.detail) }),
    );
    const actions = (this.st.auditOfSession.all(sessionId, limit) as AuditRow[]).map(auditFeedItem);
    const acks = (this.st.recentAcks.all(sessionId, limit) as { messageId: number; candidateId: number; at: number }[]).map(
      (k): FeedItem => ({ id: `k${k.messageId}-${k.candidateId}`, at: k.at, candidateId: k.candidateId, source: 'kiosk', kind: 'message-acknowledged', detail: { messageId: k.messageId } }),
    );
    return [...events, ...actions, ...acks].sort((a, b) => a.at - b.at || a.id.localeCompare(b.id)).slice(-limit);
  }

  /** Proctor and system actions recorded after `afterId` (the audit log is their source of truth). */
  auditAfter(sessionId: number, afterId: number): { items: FeedItem[]; lastId: number } {
    const rows = this.st.auditAfter.all(sessionId, afterId) as AuditRow[];
    return { items: rows.map(auditFeedItem), lastId: rows.length ? rows[rows.length - 1]!.id : afterId };
  }

  lastAuditId(): number {
    return (this.st.lastAuditId.get() as { id: number }).id;
  }

  messages(sessionId: number): MessageSummary[] {
    const acks = new Map<number, { candidateId: number; at: number }[]>();
    for (const a of this.st.acksOfSession.all(sessionId) as { messageId: number; candidateId: number; at: number }[]) {
      let list = acks.get(a.messageId);
      if (!list) acks.set(a.messageId, (list = []));
      list.push({ candidateId: a.candidateId, at: a.at });
    }
    const everyone = (this.st.presentCount.get(sessionId) as { n: number }).n;
    return (this.st.messages.all(sessionId) as Omit<MessageSummary, 'recipients' | 'acknowledgements'>[]).map((m) => ({
      ...m,
      recipients: m.candidateId === null ? everyone : 1,
      acknowledgements: acks.get(m.id) ?? [],
    }));
  }

  message(sessionId: number, messageId: number): MessageSummary | null {
    return this.messages(sessionId).find((m) => m.id === messageId) ?? null;
  }

  /** The acknowledgement a candidate just made (the hub's event does not carry the message id). */
  lastAcknowledgement(candidateId: number): { messageId: number; at: number } | null {
    return (this.st.lastAckOf.get(candidateId) as { messageId: number; at: number } | undefined) ?? null;
  }

  incidents(sessionId: number): IncidentView[] {
    return this.st.incidents.all(sessionId) as IncidentView[];
  }

  incident(incidentId: number): IncidentView | null {
    return (this.st.incident.get(incidentId) as IncidentView | undefined) ?? null;
  }
}

/** Supervision events the server itself observes (the others come from the kiosk). */
export const serverKinds = new Set(['second-login', 'connection-lost', 'connection-back']);

function parseDetail(text: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function auditFeedItem(r: AuditRow): FeedItem {
  const detail = parseDetail(r.detail);
  const candidateId = typeof detail['candidateId'] === 'number' ? detail['candidateId'] : r.actorKind === 'candidate' ? r.actorId : null;
  return {
    id: `a${r.id}`,
    at: r.at,
    candidateId,
    source: r.actorKind === 'account' ? 'proctor' : r.actorKind === 'candidate' ? 'kiosk' : 'server',
    kind: r.action,
    detail,
    ...(r.by ? { by: r.by } : {}),
  };
}
