import type { CandidateRow } from '../exam/exam-service.js';
import type { Presence } from '../live/live-hub.js';
import type { ClockView } from '../contract/kiosk-protocol.js';
import { formatCode } from '../contract/rules/code-format.js';
import type { CandidateTile } from '../contract/staff-protocol.js';
import type { EventCountRow, WordCountRow } from './dashboard.repo.js';

// Turning what the database and the live hub know of a candidate into a dashboard tile. The
// snapshot (every tile) and the rebuild of one tile fold the same rows the same way.

export interface WordFigures {
  words: Record<string, number>;
  lastSavedAt: number | null;
}

export interface EventFigures {
  events: Record<string, number>;
  lastEvent: { kind: string; at: number } | null;
}

/** Words per question and the latest save, by candidate. */
export function wordFiguresByCandidate(rows: WordCountRow[]): Map<number, WordFigures> {
  const byCandidate = new Map<number, WordFigures>();
  for (const w of rows) {
    let entry = byCandidate.get(w.candidateId);
    if (!entry) byCandidate.set(w.candidateId, (entry = { words: {}, lastSavedAt: null }));
    entry.words[w.questionId] = w.words;
    entry.lastSavedAt = Math.max(entry.lastSavedAt ?? 0, w.savedAt);
  }
  return byCandidate;
}

/** Event counts by kind and the latest event, by candidate. */
export function eventFiguresByCandidate(rows: EventCountRow[]): Map<number, EventFigures> {
  const byCandidate = new Map<number, EventFigures>();
  for (const e of rows) {
    let entry = byCandidate.get(e.candidateId);
    if (!entry) byCandidate.set(e.candidateId, (entry = { events: {}, lastEvent: null }));
    entry.events[e.kind] = e.n;
    if (!entry.lastEvent || e.lastAt > entry.lastEvent.at) entry.lastEvent = { kind: e.kind, at: e.lastAt };
  }
  return byCandidate;
}

/** Everything a tile shows beyond the candidate's own row. */
export interface TileParts {
  presence: Presence | undefined;
  connected: boolean;
  loggedIn: boolean;
  pausedAlone: boolean;
  clock: ClockView;
  words: WordFigures | undefined;
  events: EventFigures | undefined;
  lateSaves: number;
  unacknowledged: number;
}

export function candidateTile(c: CandidateRow, parts: TileParts): CandidateTile {
  const { presence: p, words: w, events: e } = parts;
  return {
    candidateId: c.id,
    code: formatCode(c.code),
    workstation: c.workstation,
    loggedIn: parts.loggedIn,
    connected: parts.connected,
    activity: p?.activity ?? null,
    lastHeartbeatAt: p?.lastHeartbeatAt ?? null,
    noticeAcknowledged: c.noticeAcknowledgedAt !== null,
    locked: c.lockedAt !== null,
    absent: c.absentAt !== null,
    pausedAlone: parts.pausedAlone,
    submittedAt: c.submittedAt,
    submitKind: c.submitKind,
    clock: parts.clock,
    words: w?.words ?? {},
    lastSavedAt: w?.lastSavedAt ?? null,
    lateSaves: parts.lateSaves,
    events: e?.events ?? {},
    lastEvent: e?.lastEvent ?? null,
    unacknowledged: parts.unacknowledged,
  };
}
