import type { LecternDb } from '../db/open-database.js';
import type { ExamService, ExamSessionRow } from '../exam/exam-service.js';
import type { PackRegistry } from '../exam/pack-registry.js';
import type { LiveHub } from '../live/live-hub.js';
import { formatCode } from '../contract/rules/code-format.js';
import type { CandidateTile, DashboardQuestion, DashboardSession, DashboardSnapshot, FeedItem, IncidentView, MessageSummary } from '../contract/staff-protocol.js';
import { DashboardRepo } from './dashboard.repo.js';
import { FeedRepo } from './feed.repo.js';
import { acknowledgementFeedItem, auditFeedItem, eventFeedItem } from './feed-items.js';
import { candidateTile, eventFiguresByCandidate, wordFiguresByCandidate } from './tile-figures.js';

/** How many feed lines a dashboard gets when it connects; older ones are in the report. */
export const FEED_SNAPSHOT_LIMIT = 300;

/**
 * What the proctor's dashboard shows, read from the database and the live hub. The snapshot is
 * built once per connecting dashboard; afterwards the broadcaster sends deltas, and rebuilds one
 * tile only when a control or a submission changed that candidate.
 */
export class DashboardService {
  private readonly figures: DashboardRepo;
  private readonly feed: FeedRepo;

  constructor(
    db: LecternDb,
    private readonly exam: ExamService,
    private readonly packs: PackRegistry,
    private readonly hub: LiveHub,
  ) {
    this.figures = new DashboardRepo(db);
    this.feed = new FeedRepo(db);
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
    const words = wordFiguresByCandidate(this.figures.wordsOfSession(sid));
    const events = eventFiguresByCandidate(this.figures.eventCountsOfSession(sid));
    const late = new Map(this.figures.lateSavesOfSession(sid).map((r) => [r.candidateId, r.n]));
    const loggedIn = new Set(this.figures.loggedInOfSession(sid));
    const pausedAlone = new Set(this.figures.pausedAloneOfSession(sid));
    const unack = new Map(this.figures.unacknowledgedOfSession(sid).map((r) => [r.candidateId, r.n]));
    return this.exam.candidates(sid).map((c) =>
      candidateTile(c, {
        presence: this.hub.presence.get(c.id),
        connected: this.hub.isConnected(c.id, now),
        loggedIn: loggedIn.has(c.id),
        pausedAlone: pausedAlone.has(c.id),
        clock: this.exam.clockView(session, c.id, now),
        words: words.get(c.id),
        events: events.get(c.id),
        lateSaves: late.get(c.id) ?? 0,
        unacknowledged: unack.get(c.id) ?? 0,
      }),
    );
  }

  /** One candidate's tile, rebuilt after a control or a submission. */
  tile(sessionId: number, candidateId: number, now = Date.now()): CandidateTile | null {
    const session = this.exam.session(sessionId);
    const c = this.exam.candidate(candidateId);
    if (!session || !c || c.sessionId !== sessionId) return null;
    return candidateTile(c, {
      presence: this.hub.presence.get(candidateId),
      connected: this.hub.isConnected(candidateId, now),
      loggedIn: this.figures.hasLoggedIn(candidateId),
      pausedAlone: this.exam.isPausedAlone(sessionId, candidateId),
      clock: this.exam.clockView(session, candidateId, now),
      words: wordFiguresByCandidate(this.figures.wordsOfCandidate(candidateId)).get(candidateId),
      events: eventFiguresByCandidate(this.figures.eventCountsOfCandidate(candidateId)).get(candidateId),
      lateSaves: this.figures.lateSavesOfCandidate(candidateId),
      unacknowledged: this.figures.unacknowledgedOfCandidate(sessionId, candidateId),
    });
  }

  /** Whether the candidate has ever logged in: a login row exists for them. */
  hasLoggedIn(candidateId: number): boolean {
    return this.figures.hasLoggedIn(candidateId);
  }

  /** The latest kiosk events and proctor actions, newest last. */
  recentFeed(sessionId: number, limit: number): FeedItem[] {
    const events = this.feed.recentEvents(sessionId, limit).map(eventFeedItem);
    const actions = this.feed.recentActions(sessionId, limit).map(auditFeedItem);
    const acks = this.feed.recentAcknowledgements(sessionId, limit).map(acknowledgementFeedItem);
    return [...events, ...actions, ...acks].sort((a, b) => a.at - b.at || a.id.localeCompare(b.id)).slice(-limit);
  }

  /** Proctor and system actions recorded after `afterId` (the audit log is their source of truth). */
  auditAfter(sessionId: number, afterId: number): { items: FeedItem[]; lastId: number } {
    const rows = this.feed.actionsAfter(sessionId, afterId);
    return { items: rows.map(auditFeedItem), lastId: rows.length ? rows[rows.length - 1]!.id : afterId };
  }

  lastAuditId(): number {
    return this.feed.lastAuditId();
  }

  messages(sessionId: number): MessageSummary[] {
    const acks = new Map<number, { candidateId: number; at: number }[]>();
    for (const a of this.feed.acknowledgementsOfSession(sessionId)) {
      let list = acks.get(a.messageId);
      if (!list) acks.set(a.messageId, (list = []));
      list.push({ candidateId: a.candidateId, at: a.at });
    }
    const everyone = this.feed.presentCount(sessionId);
    return this.feed.messagesOfSession(sessionId).map((m) => ({
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
    const k = this.feed.lastAcknowledgementOf(candidateId);
    return k ? { messageId: k.messageId, at: k.at } : null;
  }

  incidents(sessionId: number): IncidentView[] {
    return this.feed.incidentsOfSession(sessionId);
  }

  incident(incidentId: number): IncidentView | null {
    return this.feed.incident(incidentId) ?? null;
  }
}
