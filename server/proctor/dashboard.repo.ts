import type { LecternDb } from '../db/open-database.js';

// What a candidate's tile counts, read for a whole session (the snapshot: one grouped query per
// figure, so a room of 300 stays cheap) or for one candidate (a tile rebuilt after a control).
// Raw SQL prepared once: these are grouped counts over several tables.

export interface WordCountRow {
  candidateId: number;
  questionId: string;
  words: number;
  savedAt: number;
}

export interface EventCountRow {
  candidateId: number;
  kind: string;
  n: number;
  lastAt: number;
}

export interface CandidateCountRow {
  candidateId: number;
  n: number;
}

export interface CandidateIdRow {
  candidateId: number;
}

export class DashboardRepo {
  private readonly st;

  constructor(db: LecternDb) {
    const c = db.$client;
    this.st = {
      wordsOfSession: c.prepare<[number], WordCountRow>(
        `SELECT a.candidate_id AS candidateId, a.question_id AS questionId, a.word_count AS words, a.saved_at AS savedAt
         FROM answers a JOIN candidates c ON c.id = a.candidate_id WHERE c.session_id = ?`,
      ),
      wordsOf: c.prepare<[number], WordCountRow>(
        'SELECT candidate_id AS candidateId, question_id AS questionId, word_count AS words, saved_at AS savedAt FROM answers WHERE candidate_id = ?',
      ),
      eventCountsOfSession: c.prepare<[number], EventCountRow>(
        `SELECT candidate_id AS candidateId, kind, COUNT(*) AS n, MAX(at) AS lastAt FROM supervision_events
         WHERE session_id = ? AND candidate_id IS NOT NULL GROUP BY candidate_id, kind`,
      ),
      eventCountsOf: c.prepare<[number], EventCountRow>(
        'SELECT candidate_id AS candidateId, kind, COUNT(*) AS n, MAX(at) AS lastAt FROM supervision_events WHERE candidate_id = ? GROUP BY kind',
      ),
      lateOfSession: c.prepare<[number], CandidateCountRow>(
        'SELECT l.candidate_id AS candidateId, COUNT(*) AS n FROM late_saves l JOIN candidates c ON c.id = l.candidate_id WHERE c.session_id = ? GROUP BY l.candidate_id',
      ),
      lateOf: c.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM late_saves WHERE candidate_id = ?'),
      loggedInOfSession: c.prepare<[number], CandidateIdRow>(
        'SELECT DISTINCT s.candidate_id AS candidateId FROM auth_sessions s JOIN candidates c ON c.id = s.candidate_id WHERE c.session_id = ?',
      ),
      loggedInOf: c.prepare<[number], { one: number }>('SELECT 1 AS one FROM auth_sessions WHERE candidate_id = ? LIMIT 1'),
      openPausesOfSession: c.prepare<[number], CandidateIdRow>(
        'SELECT candidate_id AS candidateId FROM pauses WHERE session_id = ? AND candidate_id IS NOT NULL AND ended_at IS NULL',
      ),
      unackOfSession: c.prepare<[number], CandidateCountRow>(
        `SELECT c.id AS candidateId, COUNT(m.id) AS n FROM candidates c
         JOIN proctor_messages m ON m.session_id = c.session_id AND (m.candidate_id IS NULL OR m.candidate_id = c.id)
         LEFT JOIN message_acknowledgements a ON a.message_id = m.id AND a.candidate_id = c.id
         WHERE c.session_id = ? AND a.message_id IS NULL GROUP BY c.id`,
      ),
      unackOf: c.prepare<[number, number, number], { n: number }>(
        `SELECT COUNT(m.id) AS n FROM proctor_messages m
         LEFT JOIN message_acknowledgements a ON a.message_id = m.id AND a.candidate_id = ?
         WHERE m.session_id = ? AND (m.candidate_id IS NULL OR m.candidate_id = ?) AND a.message_id IS NULL`,
      ),
    };
  }

  /** Words per answer of every candidate of the session. */
  wordsOfSession(sessionId: number): WordCountRow[] {
    return this.st.wordsOfSession.all(sessionId);
  }

  wordsOfCandidate(candidateId: number): WordCountRow[] {
    return this.st.wordsOf.all(candidateId);
  }

  /** Supervision events by candidate and kind, with the time of the latest. */
  eventCountsOfSession(sessionId: number): EventCountRow[] {
    return this.st.eventCountsOfSession.all(sessionId);
  }

  eventCountsOfCandidate(candidateId: number): EventCountRow[] {
    return this.st.eventCountsOf.all(candidateId);
  }

  /** Saves refused after the deadline, by candidate (only candidates with some). */
  lateSavesOfSession(sessionId: number): CandidateCountRow[] {
    return this.st.lateOfSession.all(sessionId);
  }

  lateSavesOfCandidate(candidateId: number): number {
    return this.st.lateOf.get(candidateId)?.n ?? 0;
  }

  /** Candidates with at least one login session, ever. */
  loggedInOfSession(sessionId: number): number[] {
    return this.st.loggedInOfSession.all(sessionId).map((r) => r.candidateId);
  }

  hasLoggedIn(candidateId: number): boolean {
    return this.st.loggedInOf.get(candidateId) !== undefined;
  }

  /** Candidates paused on their own (a pause of theirs still open). */
  pausedAloneOfSession(sessionId: number): number[] {
    return this.st.openPausesOfSession.all(sessionId).map((r) => r.candidateId);
  }

  /** Messages to the room or to the candidate that the candidate has not acknowledged. */
  unacknowledgedOfSession(sessionId: number): CandidateCountRow[] {
    return this.st.unackOfSession.all(sessionId);
  }

  unacknowledgedOfCandidate(sessionId: number, candidateId: number): number {
    return this.st.unackOf.get(candidateId, sessionId, candidateId)?.n ?? 0;
  }
}
