import type { LecternDb } from '../db/open-database.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { ExamService } from '../exam/exam-service.js';
import type { PackRegistry } from '../exam/pack-registry.js';
import { formatCode } from '../contract/rules/code-format.js';
import type { ReportCandidate, SessionReport } from '../contract/proctor.js';

export type { ReportCandidate, SessionReport } from '../contract/proctor.js';

// The session report (procès-verbal): everything the certification body asks of a supervised
// sitting, gathered from the database in one read. The HTML page and the CSV files render it.

const emptyPastes = () => ({ document: 0, ownAnswer: 0, outside: 0, outsideChars: 0 });

export class ReportBuilder {
  private readonly st;

  constructor(
    db: LecternDb,
    private readonly exam: ExamService,
    private readonly packs: PackRegistry,
    private readonly audit: AuditLog,
  ) {
    const c = db.$client;
    this.st = {
      proctors: c.prepare(
        `SELECT a.display_name AS name, a.username FROM session_staff s JOIN accounts a ON a.id = s.account_id
         WHERE s.session_id = ? AND s.role = 'proctor' ORDER BY a.display_name`,
      ),
      pauses: c.prepare(
        `SELECT p.candidate_id AS candidateId, c.code AS candidateCode, p.started_at AS startedAt, p.ended_at AS endedAt, p.reason, a.display_name AS by
         FROM pauses p LEFT JOIN candidates c ON c.id = p.candidate_id LEFT JOIN accounts a ON a.id = p.created_by
         WHERE p.session_id = ? ORDER BY p.started_at, p.id`,
      ),
      extensions: c.prepare(
        `SELECT e.candidate_id AS candidateId, c.code AS candidateCode, e.created_at AS at, e.duration_ms AS durationMs, e.kind, e.reason, a.display_name AS by
         FROM time_extensions e JOIN candidates c ON c.id = e.candidate_id LEFT JOIN accounts a ON a.id = e.created_by
         WHERE e.session_id = ? ORDER BY e.created_at, e.id`,
      ),
      incidents: c.prepare(
        `SELECT i.id, i.at, i.candidate_id AS candidateId, c.code AS candidateCode, i.text, a.display_name AS by
         FROM incidents i LEFT JOIN candidates c ON c.id = i.candidate_id LEFT JOIN accounts a ON a.id = i.created_by
         WHERE i.session_id = ? ORDER BY i.at, i.id`,
      ),
      messages: c.prepare(
        `SELECT m.id, m.sent_at AS sentAt, c.code AS candidateCode, m.candidate_id AS candidateId, m.text, a.display_name AS by,
           (SELECT COUNT(*) FROM message_acknowledgements k WHERE k.message_id = m.id) AS acknowledged
         FROM proctor_messages m LEFT JOIN candidates c ON c.id = m.candidate_id LEFT JOIN accounts a ON a.id = m.sent_by
         WHERE m.session_id = ? ORDER BY m.sent_at, m.id`,
      ),
      actions: c.prepare(
        `SELECT l.at, a.display_name AS by, l.action, l.detail FROM audit_log l LEFT JOIN accounts a ON a.id = l.actor_id
         WHERE l.session_id = ? AND l.actor_kind = 'account' ORDER BY l.id`,
      ),
      logins: c.prepare(
        `SELECT l.actor_id AS candidateId, MIN(l.at) AS firstAt FROM audit_log l
         WHERE l.session_id = ? AND l.action = 'candidate.logged-in' GROUP BY l.actor_id`,
      ),
      loginRows: c.prepare(
        'SELECT s.candidate_id AS candidateId, MIN(s.created_at) AS firstAt FROM auth_sessions s JOIN candidates c ON c.id = s.candidate_id WHERE c.session_id = ? GROUP BY s.candidate_id',
      ),
      moves: c.prepare("SELECT at, detail FROM audit_log WHERE session_id = ? AND action = 'candidate.moved' ORDER BY id"),
      answers: c.prepare(
        'SELECT a.candidate_id AS candidateId, COUNT(*) AS answered, SUM(a.word_count) AS words FROM answers a JOIN candidates c ON c.id = a.candidate_id WHERE c.session_id = ? AND a.word_count > 0 GROUP BY a.candidate_id',
      ),
      late: c.prepare('SELECT l.candidate_id AS candidateId, COUNT(*) AS n FROM late_saves l JOIN candidates c ON c.id = l.candidate_id WHERE c.session_id = ? GROUP BY l.candidate_id'),
      events: c.prepare('SELECT candidate_id AS candidateId, kind, detail FROM supervision_events WHERE session_id = ? AND candidate_id IS NOT NULL'),
      closing: c.prepare("SELECT hash, at FROM audit_log WHERE session_id = ? AND action = 'session.ended' ORDER BY id DESC LIMIT 1"),
      absentCount: c.prepare('SELECT COUNT(*) AS n FROM candidates WHERE session_id = ? AND absent_at IS NULL'),
      allEvents: c.prepare(
        `SELECT e.at, c.code AS candidateCode, c.workstation, e.kind, e.detail FROM supervision_events e
         LEFT JOIN candidates c ON c.id = e.candidate_id WHERE e.session_id = ? ORDER BY e.at, e.id`,
      ),
    };
  }

  events(sessionId: number): { at: number; candidateCode: string | null; workstation: string | null; kind: string; detail: Record<string, unknown> }[] {
    return (this.st.allEvents.all(sessionId) as { at: number; candidateCode: string | null; workstation: string | null; kind: string; detail: string }[]).map((e) => ({
      ...e,
      candidateCode: e.candidateCode === null ? null : formatCode(e.candidateCode),
      detail: safeJson(e.detail),
    }));
  }

  build(sessionId: number, now = Date.now()): SessionReport {
    const s = this.exam.requireSession(sessionId);
    const candidates = this.exam.candidates(sessionId);
    const codeOf = new Map(candidates.map((c) => [c.id, formatCode(c.code)]));
    const printed = (code: string | null) => (code === null ? null : formatCode(code));

    const logins = new Map<number, number>();
    for (const r of this.st.loginRows.all(sessionId) as { candidateId: number; firstAt: number }[]) logins.set(r.candidateId, r.firstAt);
    for (const r of this.st.logins.all(sessionId) as { candidateId: number; firstAt: number }[]) {
      logins.set(r.candidateId, Math.min(r.firstAt, logins.get(r.candidateId) ?? Infinity));
    }
    const moves = new Map<number, ReportCandidate['moves']>();
    for (const r of this.st.moves.all(sessionId) as { at: number; detail: string }[]) {
      const d = JSON.parse(r.detail) as { candidateId: number; from: string | null; to: string };
      const list = moves.get(d.candidateId) ?? [];
      list.push({ at: r.at, from: d.from, to: d.to });
      moves.set(d.candidateId, list);
    }
    const answers = new Map((this.st.answers.all(sessionId) as { candidateId: number; answered: number; words: number }[]).map((r) => [r.candidateId, r]));
    const late = new Map((this.st.late.all(sessionId) as { candidateId: number; n: number }[]).map((r) => [r.candidateId, r.n]));
    const extensions = (this.st.extensions.all(sessionId) as SessionReport['extensions']).map((e) => ({ ...e, candidateCode: formatCode(e.candidateCode) }));
    const incidents = (this.st.incidents.all(sessionId) as SessionReport['incidents']).map((i) => ({ ...i, candidateCode: printed(i.candidateCode) }));

    const events = new Map<number, { events: Record<string, number>; focusAwayMs: number; pastes: ReportCandidate['pastes'] }>();
    const totalsByKind: Record<string, number> = {};
    for (const e of this.st.events.all(sessionId) as { candidateId: number; kind: string; detail: string }[]) {
      let entry = events.get(e.candidateId);
      if (!entry) events.set(e.candidateId, (entry = { events: {}, focusAwayMs: 0, pastes: emptyPastes() }));
      entry.events[e.kind] = (entry.events[e.kind] ?? 0) + 1;
      totalsByKind[e.kind] = (totalsByKind[e.kind] ?? 0) + 1;
      const detail = safeJson(e.detail);
      if (e.kind === 'focus-back' && typeof detail['awayMs'] === 'number') entry.focusAwayMs += detail['awayMs'];
      if (e.kind === 'paste') {
        const source = detail['source'];
        if (source === 'document') entry.pastes.document++;
        else if (source === 'own-answer') entry.pastes.ownAnswer++;
        else {
          entry.pastes.outside++;
          if (typeof detail['length'] === 'number') entry.pastes.outsideChars += detail['length'];
        }
      }
    }

    const reportCandidates: ReportCandidate[] = candidates.map((c) => {
      const firstLoginAt = logins.get(c.id) ?? null;
      const a = answers.get(c.id);
      const e = events.get(c.id);
      return {
        candidateId: c.id,
        code: formatCode(c.code),
        workstation: c.workstation,
        present: c.absentAt === null && firstLoginAt !== null,
        absentMarkedAt: c.absentAt,
        firstLoginAt,
        moves: moves.get(c.id) ?? [],
        submittedAt: c.submittedAt,
        submitKind: c.submitKind,
        receiptDigest: c.receiptDigest,
        extraMs: extensions.filter((x) => x.candidateId === c.id).reduce((n, x) => n + x.durationMs, 0),
        answered: a?.answered ?? 0,
        words: a?.words ?? 0,
        lateSaves: late.get(c.id) ?? 0,
        events: e?.events ?? {},
        focusAwayMs: e?.focusAwayMs ?? 0,
        pastes: e?.pastes ?? emptyPastes(),
        incidents: incidents.filter((i) => i.candidateId === c.id).length,
      };
    });

    const everyone = (this.st.absentCount.get(sessionId) as { n: number }).n;
    const closing = this.st.closing.get(sessionId) as { hash: string; at: number } | undefined;
    const verified = this.audit.verify();
    const pack = this.packs.get(s.packId);
    return {
      generatedAt: now,
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      session: {
        id: s.id,
        code: formatCode(s.code),
        title: s.title,
        room: s.room,
        state: s.state,
        packId: s.packId,
        packTitle: pack?.title ?? { fr: s.packId, en: s.packId },
        packDigest: s.packDigest,
        durationMs: s.durationMs,
        createdAt: s.createdAt,
        startedAt: s.startedAt,
        endedAt: s.endedAt,
        sebConfigKeySet: Boolean(s.sebConfigKey),
      },
      proctors: this.st.proctors.all(sessionId) as SessionReport['proctors'],
      pauses: (this.st.pauses.all(sessionId) as SessionReport['pauses']).map((p) => ({ ...p, candidateCode: printed(p.candidateCode) })),
      extensions,
      incidents,
      messages: (this.st.messages.all(sessionId) as (SessionReport['messages'][number] & { candidateId: number | null })[]).map(({ candidateId, ...m }) => ({
        ...m,
        candidateCode: printed(m.candidateCode),
        recipients: candidateId === null ? everyone : 1,
      })),
      actions: (this.st.actions.all(sessionId) as { at: number; by: string | null; action: string; detail: string }[]).map((r) => {
        const detail = safeJson(r.detail);
        const cid = typeof detail['candidateId'] === 'number' ? detail['candidateId'] : null;
        return { at: r.at, by: r.by, action: r.action, candidateCode: cid === null ? null : (codeOf.get(cid) ?? null), detail };
      }),
      candidates: reportCandidates,
      totals: {
        candidates: candidates.length,
        present: reportCandidates.filter((c) => c.present).length,
        absent: reportCandidates.filter((c) => !c.present).length,
        submitted: reportCandidates.filter((c) => c.present && c.submittedAt !== null).length,
        events: totalsByKind,
      },
      audit: {
        closingDigest: closing?.hash ?? null,
        closingAt: closing?.at ?? null,
        headDigest: this.audit.head(),
        rows: verified.ok ? verified.rows : 0,
        intact: verified.ok,
        brokenAt: verified.ok ? null : verified.brokenAt,
      },
    };
  }
}

function safeJson(text: string): Record<string, unknown> {
  try {
    const v = JSON.parse(text) as unknown;
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
