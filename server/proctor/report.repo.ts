import type { LecternDb } from '../db/open-database.js';

// Everything the session report (procès-verbal) reads beyond the session and its candidates.
// Raw SQL prepared once: joins that name each row's people (proctors, candidates) for print.

export interface ProctorRow {
  name: string;
  username: string;
}

export interface PauseRow {
  candidateId: number | null;
  /** As stored; the report prints it formatted. */
  candidateCode: string | null;
  startedAt: number;
  endedAt: number | null;
  reason: string;
  by: string | null;
}

export interface ExtensionRow {
  candidateId: number;
  candidateCode: string;
  at: number;
  durationMs: number;
  kind: string;
  reason: string;
  by: string | null;
}

export interface ReportIncidentRow {
  id: number;
  at: number;
  candidateId: number | null;
  candidateCode: string | null;
  text: string;
  by: string | null;
}

export interface ReportMessageRow {
  id: number;
  sentAt: number;
  candidateCode: string | null;
  candidateId: number | null;
  text: string;
  by: string | null;
  acknowledged: number;
}

/** An action a staff account took in the session, from the audit log. */
export interface StaffActionRow {
  at: number;
  by: string | null;
  action: string;
  detail: string;
}

export interface FirstLoginRow {
  candidateId: number;
  firstAt: number;
}

export interface AuditedMoveRow {
  at: number;
  detail: string;
}

export interface AnswerTotalsRow {
  candidateId: number;
  answered: number;
  words: number;
}

export interface CandidateEventRow {
  candidateId: number;
  kind: string;
  detail: string;
}

export interface SessionEventRow {
  at: number;
  candidateCode: string | null;
  workstation: string | null;
  kind: string;
  detail: string;
}

export class ReportRepo {
  private readonly st;

  constructor(db: LecternDb) {
    const c = db.$client;
    this.st = {
      proctors: c.prepare<[number], ProctorRow>(
        `SELECT a.display_name AS name, a.username FROM session_staff s JOIN accounts a ON a.id = s.account_id
         WHERE s.session_id = ? AND s.role = 'proctor' ORDER BY a.display_name`,
      ),
      pauses: c.prepare<[number], PauseRow>(
        `SELECT p.candidate_id AS candidateId, c.code AS candidateCode, p.started_at AS startedAt, p.ended_at AS endedAt, p.reason, a.display_name AS by
         FROM pauses p LEFT JOIN candidates c ON c.id = p.candidate_id LEFT JOIN accounts a ON a.id = p.created_by
         WHERE p.session_id = ? ORDER BY p.started_at, p.id`,
      ),
      extensions: c.prepare<[number], ExtensionRow>(
        `SELECT e.candidate_id AS candidateId, c.code AS candidateCode, e.created_at AS at, e.duration_ms AS durationMs, e.kind, e.reason, a.display_name AS by
         FROM time_extensions e JOIN candidates c ON c.id = e.candidate_id LEFT JOIN accounts a ON a.id = e.created_by
         WHERE e.session_id = ? ORDER BY e.created_at, e.id`,
      ),
      incidents: c.prepare<[number], ReportIncidentRow>(
        `SELECT i.id, i.at, i.candidate_id AS candidateId, c.code AS candidateCode, i.text, a.display_name AS by
         FROM incidents i LEFT JOIN candidates c ON c.id = i.candidate_id LEFT JOIN accounts a ON a.id = i.created_by
         WHERE i.session_id = ? ORDER BY i.at, i.id`,
      ),
      messages: c.prepare<[number], ReportMessageRow>(
        `SELECT m.id, m.sent_at AS sentAt, c.code AS candidateCode, m.candidate_id AS candidateId, m.text, a.display_name AS by,
           (SELECT COUNT(*) FROM message_acknowledgements k WHERE k.message_id = m.id) AS acknowledged
         FROM proctor_messages m LEFT JOIN candidates c ON c.id = m.candidate_id LEFT JOIN accounts a ON a.id = m.sent_by
         WHERE m.session_id = ? ORDER BY m.sent_at, m.id`,
      ),
      actions: c.prepare<[number], StaffActionRow>(
        `SELECT l.at, a.display_name AS by, l.action, l.detail FROM audit_log l LEFT JOIN accounts a ON a.id = l.actor_id
         WHERE l.session_id = ? AND l.actor_kind = 'account' ORDER BY l.id`,
      ),
      auditedLogins: c.prepare<[number], FirstLoginRow>(
        `SELECT l.actor_id AS candidateId, MIN(l.at) AS firstAt FROM audit_log l
         WHERE l.session_id = ? AND l.action = 'candidate.logged-in' GROUP BY l.actor_id`,
      ),
      loginRows: c.prepare<[number], FirstLoginRow>(
        'SELECT s.candidate_id AS candidateId, MIN(s.created_at) AS firstAt FROM auth_sessions s JOIN candidates c ON c.id = s.candidate_id WHERE c.session_id = ? GROUP BY s.candidate_id',
      ),
      moves: c.prepare<[number], AuditedMoveRow>("SELECT at, detail FROM audit_log WHERE session_id = ? AND action = 'candidate.moved' ORDER BY id"),
      answers: c.prepare<[number], AnswerTotalsRow>(
        'SELECT a.candidate_id AS candidateId, COUNT(*) AS answered, SUM(a.word_count) AS words FROM answers a JOIN candidates c ON c.id = a.candidate_id WHERE c.session_id = ? AND a.word_count > 0 GROUP BY a.candidate_id',
      ),
      late: c.prepare<[number], { candidateId: number; n: number }>(
        'SELECT l.candidate_id AS candidateId, COUNT(*) AS n FROM late_saves l JOIN candidates c ON c.id = l.candidate_id WHERE c.session_id = ? GROUP BY l.candidate_id',
      ),
      interruptions: c.prepare<[number], { detail: string }>("SELECT detail FROM supervision_events WHERE session_id = ? AND candidate_id IS NULL AND kind = 'server-interrupted' ORDER BY at, id"),
      candidateEvents: c.prepare<[number], CandidateEventRow>(
        'SELECT candidate_id AS candidateId, kind, detail FROM supervision_events WHERE session_id = ? AND candidate_id IS NOT NULL',
      ),
      closing: c.prepare<[number], { hash: string; at: number }>(
        "SELECT hash, at FROM audit_log WHERE session_id = ? AND action = 'session.ended' ORDER BY id DESC LIMIT 1",
      ),
      presentCount: c.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM candidates WHERE session_id = ? AND absent_at IS NULL'),
      allEvents: c.prepare<[number], SessionEventRow>(
        `SELECT e.at, c.code AS candidateCode, c.workstation, e.kind, e.detail FROM supervision_events e
         LEFT JOIN candidates c ON c.id = e.candidate_id WHERE e.session_id = ? ORDER BY e.at, e.id`,
      ),
    };
  }

  /** The session's proctors, by name. */
  proctors(sessionId: number): ProctorRow[] {
    return this.st.proctors.all(sessionId);
  }

  pauses(sessionId: number): PauseRow[] {
    return this.st.pauses.all(sessionId);
  }

  extensions(sessionId: number): ExtensionRow[] {
    return this.st.extensions.all(sessionId);
  }

  incidents(sessionId: number): ReportIncidentRow[] {
    return this.st.incidents.all(sessionId);
  }

  /** Messages with how many candidates acknowledged each. */
  messages(sessionId: number): ReportMessageRow[] {
    return this.st.messages.all(sessionId);
  }

  /** What staff accounts did in the session, oldest first. */
  staffActions(sessionId: number): StaffActionRow[] {
    return this.st.actions.all(sessionId);
  }

  /** Each candidate's first login, from both records of it: the login sessions and the audit log. */
  firstLogins(sessionId: number): { fromLoginSessions: FirstLoginRow[]; fromAudit: FirstLoginRow[] } {
    return { fromLoginSessions: this.st.loginRows.all(sessionId), fromAudit: this.st.auditedLogins.all(sessionId) };
  }

  /** Audited workstation moves, oldest first; the detail names the candidate and both workstations. */
  moves(sessionId: number): AuditedMoveRow[] {
    return this.st.moves.all(sessionId);
  }

  /** Answers with at least one word, and their words, by candidate. */
  answerTotals(sessionId: number): AnswerTotalsRow[] {
    return this.st.answers.all(sessionId);
  }

  lateSaves(sessionId: number): { candidateId: number; n: number }[] {
    return this.st.late.all(sessionId);
  }

  /** Every supervision event about a candidate of the session. */
  /** The server's interruptions recorded in the session (server-interruptions.ts), their detail as JSON. */
  interruptions(sessionId: number): { detail: string }[] {
    return this.st.interruptions.all(sessionId);
  }

  candidateEvents(sessionId: number): CandidateEventRow[] {
    return this.st.candidateEvents.all(sessionId);
  }

  /** Every supervision event of the session with its candidate's code and workstation, oldest first. */
  sessionEvents(sessionId: number): SessionEventRow[] {
    return this.st.allEvents.all(sessionId);
  }

  /** The audit row that ended the session, if it has ended. */
  closing(sessionId: number): { hash: string; at: number } | undefined {
    return this.st.closing.get(sessionId);
  }

  /** Candidates not marked absent: the recipients of a message to the whole room. */
  presentCount(sessionId: number): number {
    return this.st.presentCount.get(sessionId)?.n ?? 0;
  }
}
