// The exam's services behind one door: `app.exam`. Each job is its own small service (sessions,
// clocks, submission, candidate controls) over the repositories of one store; this class only
// composes them and forwards, so callers in other areas keep one name to ask.
import type { LecternDb } from '../db/open-database.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { ClockView, Receipt } from '../contract/kiosk-protocol.js';
import { actorFields, type Actor } from './actor.js';
import type { StoredAnswer } from './answers.repo.js';
import { CandidateControls, type ExtraTimeGrant } from './candidate-controls.js';
import type { CandidateListRow, CandidateRow } from './candidates.repo.js';
import { ExamClocks } from './clocks.js';
import { ExamStore, type SaveContext } from './exam-store.js';
import { ExamSessions, type NewSession } from './sessions.js';
import type { ExamSessionRow } from './sessions.repo.js';
import { ExamSubmission } from './submission.js';
import type { CandidateTiming } from './timing.js';

export type { Actor } from './actor.js';
export type { CandidateRow } from './candidates.repo.js';
export type { ExamSessionRow } from './sessions.repo.js';
export type { SaveContext } from './exam-store.js';
export type { NewCandidate } from './sessions.js';
export { MAX_EXTRA_MINUTES } from './candidate-controls.js';

export class ExamService {
  readonly store: ExamStore;
  readonly clocks: ExamClocks;
  readonly submission: ExamSubmission;
  readonly lifecycle: ExamSessions;
  readonly controls: CandidateControls;

  constructor(db: LecternDb, audit: AuditLog) {
    this.store = new ExamStore(db, audit);
    this.clocks = new ExamClocks(this.store);
    this.submission = new ExamSubmission(this.store, this.clocks);
    this.lifecycle = new ExamSessions(this.store, this.submission);
    this.controls = new CandidateControls(this.store, this.lifecycle, this.clocks);
  }

  // ---------- reads ----------

  session(id: number): ExamSessionRow | undefined {
    return this.lifecycle.session(id);
  }

  sessionByCode(code: string): ExamSessionRow | undefined {
    return this.lifecycle.sessionByCode(code);
  }

  sessions(): ExamSessionRow[] {
    return this.lifecycle.sessions();
  }

  requireSession(id: number): ExamSessionRow {
    return this.lifecycle.requireSession(id);
  }

  candidate(id: number): CandidateRow | undefined {
    return this.store.candidates.byId(id);
  }

  candidateByCode(sessionId: number, code: string): CandidateRow | undefined {
    return this.store.candidates.byCode(sessionId, code);
  }

  candidates(sessionId: number): CandidateRow[] {
    return this.store.candidates.ofSession(sessionId);
  }

  /** The session's proctors or correctors, by account id. */
  staffIds(sessionId: number, role: 'proctor' | 'corrector'): number[] {
    return this.store.sessions.staffIds(sessionId, role);
  }

  /**
   * The centre's list of the session (names, numbers, workstations, accommodations), to export it
   * back; the read is audited (staff reading candidates' data is logged).
   */
  candidateList(sessionId: number, actor: Actor, now = Date.now()): { rows: CandidateListRow[]; accommodations: { candidateId: number; durationMs: number; reason: string }[] } {
    const rows = this.store.candidates.listOfSession(sessionId);
    this.store.audit.append({ ...actorFields(actor), sessionId, action: 'session.candidates-exported', detail: { candidates: rows.length } }, now);
    return { rows, accommodations: this.store.candidates.accommodationsOf(sessionId) };
  }

  candidateCount(sessionId: number): number {
    return this.store.candidates.count(sessionId);
  }

  requireCandidateOf(sessionId: number, candidateId: number): CandidateRow {
    return this.controls.requireCandidateOf(sessionId, candidateId);
  }

  writingCandidates(sessionId: number): Set<number> {
    return this.lifecycle.writingCandidates(sessionId);
  }

  timing(session: ExamSessionRow, candidateId: number): CandidateTiming {
    return this.clocks.timing(session, candidateId);
  }

  clockView(session: ExamSessionRow, candidateId: number, now = Date.now()): ClockView {
    return this.clocks.clockView(session, candidateId, now);
  }

  isPausedAlone(sessionId: number, candidateId: number): boolean {
    return this.clocks.isPausedAlone(sessionId, candidateId);
  }

  saveContext(sessionId: number, candidateId: number): SaveContext | undefined {
    return this.store.saveContext(sessionId, candidateId);
  }

  forgetSaveContexts(): void {
    this.store.forgetSaveContexts();
  }

  answers(candidateId: number): StoredAnswer[] {
    return this.submission.answers(candidateId);
  }

  receipt(c: CandidateRow): Receipt | null {
    return this.submission.receipt(c);
  }

  // ---------- the session's life ----------

  createSession(input: NewSession): { session: ExamSessionRow; candidates: CandidateRow[] } {
    return this.lifecycle.createSession(input);
  }

  start(sessionId: number, actor: Actor, now = Date.now()): ExamSessionRow {
    return this.lifecycle.start(sessionId, actor, now);
  }

  pause(sessionId: number, actor: Actor, reason = '', now = Date.now()): ExamSessionRow {
    return this.lifecycle.pause(sessionId, actor, reason, now);
  }

  resume(sessionId: number, actor: Actor, now = Date.now()): ExamSessionRow {
    return this.lifecycle.resume(sessionId, actor, now);
  }

  end(sessionId: number, actor: Actor, now = Date.now()): ReturnType<ExamSessions['end']> {
    return this.lifecycle.end(sessionId, actor, now);
  }

  // ---------- the candidate's own acts ----------

  acknowledgeNotice(candidateId: number, now = Date.now()): number {
    return this.lifecycle.acknowledgeNotice(candidateId, now);
  }

  submit(candidateId: number, kind: Receipt['kind'], now = Date.now()): { receipt: Receipt; already: boolean } {
    return this.submission.submit(candidateId, kind, now);
  }

  submitOverdue(now = Date.now()): { candidateId: number; sessionId: number; receipt: Receipt }[] {
    return this.submission.submitOverdue(now);
  }

  /** The deadline sweep: the overdue submitted, those who never came marked absent. */
  sweepOverdue(now = Date.now()): ReturnType<ExamSubmission['sweepOverdue']> {
    return this.submission.sweepOverdue(now);
  }

  // ---------- proctor controls on one candidate ----------

  pauseCandidate(sessionId: number, candidateId: number, actor: Actor, reason = '', now = Date.now()): void {
    this.controls.pauseCandidate(sessionId, candidateId, actor, reason, now);
  }

  resumeCandidate(sessionId: number, candidateId: number, actor: Actor, now = Date.now()): void {
    this.controls.resumeCandidate(sessionId, candidateId, actor, now);
  }

  grantExtraTime(sessionId: number, candidateId: number, grant: ExtraTimeGrant, actor: Actor, now = Date.now()): { durationMs: number; totalExtraMs: number } {
    return this.controls.grantExtraTime(sessionId, candidateId, grant, actor, now);
  }

  moveCandidate(sessionId: number, candidateId: number, workstation: string, actor: Actor, now = Date.now()): { from: string | null; to: string } {
    return this.controls.moveCandidate(sessionId, candidateId, workstation, actor, now);
  }

  setLocked(sessionId: number, candidateId: number, locked: boolean, actor: Actor, now = Date.now()): void {
    this.controls.setLocked(sessionId, candidateId, locked, actor, now);
  }

  setAbsent(sessionId: number, candidateId: number, absent: boolean, actor: Actor, connected: boolean, now = Date.now()): void {
    this.controls.setAbsent(sessionId, candidateId, absent, actor, connected, now);
  }
}
