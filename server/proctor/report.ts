import type { LecternDb } from '../db/open-database.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { ExamService, ExamSessionRow } from '../exam/exam-service.js';
import type { PackRegistry } from '../exam/pack-registry.js';
import { formatCode } from '../contract/rules/code-format.js';
import { parseDetail } from './feed-items.js';
import { ReportRepo } from './report.repo.js';
import { reportInterruptions } from './report-interruptions.js';
import { firstLogins, movesByCandidate, reportCandidate, tallyEvents } from './report-candidates.js';
import type { SessionReport } from '../contract/proctor.js';

// The session report (procès-verbal): everything the certification body asks of a supervised
// sitting, gathered from the database in one read (report.repo.ts) and shaped here and in
// report-candidates.ts, into the contract's SessionReport shape. The HTML page and the CSV files render it.

export type { ReportCandidate, SessionReport } from '../contract/proctor.js';

export class ReportBuilder {
  private readonly repo: ReportRepo;

  constructor(
    db: LecternDb,
    private readonly exam: ExamService,
    private readonly packs: PackRegistry,
    private readonly audit: AuditLog,
  ) {
    this.repo = new ReportRepo(db);
  }

  /** Every supervision event of the session, for the events CSV. */
  events(sessionId: number): { at: number; candidateCode: string | null; workstation: string | null; kind: string; detail: Record<string, unknown> }[] {
    return this.repo.sessionEvents(sessionId).map((e) => ({
      ...e,
      candidateCode: e.candidateCode === null ? null : formatCode(e.candidateCode),
      detail: parseDetail(e.detail),
    }));
  }

  build(sessionId: number, now = Date.now()): SessionReport {
    const s = this.exam.requireSession(sessionId);
    const candidates = this.exam.candidates(sessionId);
    const extensions = this.repo.extensions(sessionId).map((e) => ({ ...e, candidateCode: formatCode(e.candidateCode) }));
    const incidents = this.repo.incidents(sessionId).map((i) => ({ ...i, candidateCode: printed(i.candidateCode) }));
    const { byCandidate: events, totalsByKind } = tallyEvents(this.repo.candidateEvents(sessionId));
    const facts = {
      logins: firstLogins(this.repo.firstLogins(sessionId)),
      moves: movesByCandidate(this.repo.moves(sessionId)),
      answers: new Map(this.repo.answerTotals(sessionId).map((r) => [r.candidateId, r])),
      late: new Map(this.repo.lateSaves(sessionId).map((r) => [r.candidateId, r.n])),
      events,
      extensions,
      incidents,
    };
    const reportCandidates = candidates.map((c) => reportCandidate(c, facts));
    return {
      generatedAt: now,
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      session: this.sessionFacts(s),
      proctors: this.repo.proctors(sessionId),
      pauses: this.repo.pauses(sessionId).map((p) => ({ ...p, candidateCode: printed(p.candidateCode) })),
      extensions,
      interruptions: reportInterruptions(this.repo.interruptions(sessionId), new Map(candidates.map((c) => [c.id, c.code]))),
      incidents,
      messages: this.messages(sessionId),
      actions: this.actions(sessionId, new Map(candidates.map((c) => [c.id, formatCode(c.code)]))),
      candidates: reportCandidates,
      totals: {
        candidates: candidates.length,
        present: reportCandidates.filter((c) => c.present).length,
        absent: reportCandidates.filter((c) => !c.present).length,
        submitted: reportCandidates.filter((c) => c.present && c.submittedAt !== null).length,
        events: totalsByKind,
      },
      audit: this.auditSummary(sessionId),
    };
  }

  private sessionFacts(s: ExamSessionRow): SessionReport['session'] {
    const pack = this.packs.get(s.packId);
    return {
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
    };
  }

  /** A message to the room counts every candidate not marked absent as a recipient. */
  private messages(sessionId: number): SessionReport['messages'] {
    const everyone = this.repo.presentCount(sessionId);
    return this.repo.messages(sessionId).map(({ candidateId, ...m }) => ({
      ...m,
      candidateCode: printed(m.candidateCode),
      recipients: candidateId === null ? everyone : 1,
    }));
  }

  /** Staff actions, each with the code of the candidate its detail names. */
  private actions(sessionId: number, codeOf: Map<number, string>): SessionReport['actions'] {
    return this.repo.staffActions(sessionId).map((r) => {
      const detail = parseDetail(r.detail);
      const cid = typeof detail['candidateId'] === 'number' ? detail['candidateId'] : null;
      return { at: r.at, by: r.by, action: r.action, candidateCode: cid === null ? null : (codeOf.get(cid) ?? null), detail };
    });
  }

  private auditSummary(sessionId: number): SessionReport['audit'] {
    const closing = this.repo.closing(sessionId);
    const verified = this.audit.verify();
    return {
      closingDigest: closing?.hash ?? null,
      closingAt: closing?.at ?? null,
      headDigest: this.audit.head(),
      rows: verified.ok ? verified.rows : 0,
      intact: verified.ok,
      brokenAt: verified.ok ? null : verified.brokenAt,
    };
  }
}

const printed = (code: string | null) => (code === null ? null : formatCode(code));
