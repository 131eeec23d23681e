import type { CandidateRow } from '../exam/exam-service.js';
import { formatCode } from '../contract/rules/code-format.js';
import { parseDetail } from './feed-items.js';
import type { ReportCandidate } from '../contract/proctor.js';
import type { AnswerTotalsRow, AuditedMoveRow, CandidateEventRow, FirstLoginRow } from './report.repo.js';

// The candidates' table of the session report: per candidate, what the supervision events add
// up to (time away, pastes by source), their moves and first login, and the counts beside them.

type Pastes = ReportCandidate['pastes'];
const emptyPastes = (): Pastes => ({ document: 0, ownAnswer: 0, outside: 0, outsideChars: 0 });

interface EventTally {
  events: Record<string, number>;
  focusAwayMs: number;
  pastes: Pastes;
  /** Questions whose answer the workstation sent again to a restored server, each once. */
  recoveredQuestions: Set<string>;
}

/** Per candidate: events by kind, time away from the page, pastes by source; and the session's totals by kind. */
export function tallyEvents(rows: CandidateEventRow[]): { byCandidate: Map<number, EventTally>; totalsByKind: Record<string, number> } {
  const byCandidate = new Map<number, EventTally>();
  const totalsByKind: Record<string, number> = {};
  for (const e of rows) {
    let entry = byCandidate.get(e.candidateId);
    if (!entry) byCandidate.set(e.candidateId, (entry = { events: {}, focusAwayMs: 0, pastes: emptyPastes(), recoveredQuestions: new Set() }));
    entry.events[e.kind] = (entry.events[e.kind] ?? 0) + 1;
    totalsByKind[e.kind] = (totalsByKind[e.kind] ?? 0) + 1;
    const detail = parseDetail(e.detail);
    if (e.kind === 'focus-back' && typeof detail['awayMs'] === 'number') entry.focusAwayMs += detail['awayMs'];
    if (e.kind === 'paste') countPaste(entry.pastes, detail);
    if (e.kind === 'answer-recovered' && typeof detail['question'] === 'string') entry.recoveredQuestions.add(detail['question']);
  }
  return { byCandidate, totalsByKind };
}

/** A paste from the document or the candidate's own answer is ordinary; from outside, its length counts. */
function countPaste(pastes: Pastes, detail: Record<string, unknown>): void {
  const source = detail['source'];
  if (source === 'document') pastes.document++;
  else if (source === 'own-answer') pastes.ownAnswer++;
  else {
    pastes.outside++;
    if (typeof detail['length'] === 'number') pastes.outsideChars += detail['length'];
  }
}

/** The earliest of both records of each candidate's first login. */
export function firstLogins(records: { fromLoginSessions: FirstLoginRow[]; fromAudit: FirstLoginRow[] }): Map<number, number> {
  const logins = new Map<number, number>();
  for (const r of records.fromLoginSessions) logins.set(r.candidateId, r.firstAt);
  for (const r of records.fromAudit) logins.set(r.candidateId, Math.min(r.firstAt, logins.get(r.candidateId) ?? Infinity));
  return logins;
}

interface AuditedMove {
  candidateId: number;
  from: string | null;
  to: string;
}

/** The audit row's detail, written by the move control; anything else is not a move. */
function readMove(detail: Record<string, unknown>): AuditedMove | null {
  const { candidateId, from, to } = detail;
  if (typeof candidateId !== 'number' || typeof to !== 'string' || (from !== null && typeof from !== 'string')) return null;
  return { candidateId, from, to };
}

/** Workstation moves by candidate, oldest first. */
export function movesByCandidate(rows: AuditedMoveRow[]): Map<number, ReportCandidate['moves']> {
  const moves = new Map<number, ReportCandidate['moves']>();
  for (const r of rows) {
    const d = readMove(parseDetail(r.detail));
    if (!d) continue;
    const list = moves.get(d.candidateId) ?? [];
    list.push({ at: r.at, from: d.from, to: d.to });
    moves.set(d.candidateId, list);
  }
  return moves;
}

export interface CandidateFacts {
  logins: Map<number, number>;
  moves: Map<number, ReportCandidate['moves']>;
  answers: Map<number, AnswerTotalsRow>;
  late: Map<number, number>;
  events: Map<number, EventTally>;
  extensions: { candidateId: number; durationMs: number }[];
  incidents: { candidateId: number | null }[];
}

export function reportCandidate(c: CandidateRow, facts: CandidateFacts): ReportCandidate {
  const firstLoginAt = facts.logins.get(c.id) ?? null;
  const a = facts.answers.get(c.id);
  const e = facts.events.get(c.id);
  return {
    candidateId: c.id,
    code: formatCode(c.code),
    workstation: c.workstation,
    present: c.absentAt === null && firstLoginAt !== null,
    absentMarkedAt: c.absentAt,
    firstLoginAt,
    moves: facts.moves.get(c.id) ?? [],
    submittedAt: c.submittedAt,
    submitKind: c.submitKind,
    receiptDigest: c.receiptDigest,
    extraMs: facts.extensions.filter((x) => x.candidateId === c.id).reduce((n, x) => n + x.durationMs, 0),
    answered: a?.answered ?? 0,
    words: a?.words ?? 0,
    lateSaves: facts.late.get(c.id) ?? 0,
    events: e?.events ?? {},
    focusAwayMs: e?.focusAwayMs ?? 0,
    pastes: e?.pastes ?? emptyPastes(),
    recoveredQuestions: [...(e?.recoveredQuestions ?? [])].sort(),
    incidents: facts.incidents.filter((i) => i.candidateId === c.id).length,
  };
}
