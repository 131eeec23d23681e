// What a proctor does to one candidate: pause and resume them alone, give extra time, move them
// to another workstation, lock their workstation, mark them absent or present. Each change is one
// transaction with its audit row; each refusal is a clear error that changes nothing.
import { userError } from '../errors.js';
import { accountOf, actorFields, printed, type Actor } from './actor.js';
import type { CandidateRow } from './candidates.repo.js';
import type { ExamClocks } from './clocks.js';
import type { ExamStore } from './exam-store.js';
import { whyNotNow } from './may-act.js';
import type { ExamSessionState } from '../db/schema/exam-sessions.js';
import type { ExamSessions } from './sessions.js';

/** A grant of extra time, and a candidate's total, are at most this long: more is a typing mistake. */
export const MAX_EXTRA_MINUTES = 240;

export interface ExtraTimeGrant {
  minutes: number;
  kind: 'accommodation' | 'incident';
  reason: string;
}

export class CandidateControls {
  constructor(
    private readonly store: ExamStore,
    private readonly sessions: ExamSessions,
    private readonly clocks: ExamClocks,
  ) {}

  /** The candidate, if they belong to this session; a 404 a person can act on otherwise. */
  requireCandidateOf(sessionId: number, candidateId: number): CandidateRow {
    const c = this.store.candidates.byId(candidateId);
    if (!c || c.sessionId !== sessionId) throw userError(404, 'unknown-candidate', `There is no candidate ${candidateId} in session ${sessionId}.`);
    return c;
  }

  /** Pauses one candidate (an incident at their workstation); the rest of the room goes on. */
  pauseCandidate(sessionId: number, candidateId: number, actor: Actor, reason = '', now = Date.now()): void {
    const s = this.sessions.requireSession(sessionId);
    const c = this.requireCandidateOf(sessionId, candidateId);
    if (s.state !== 'running' && s.state !== 'paused') throw userError(409, 'not-running', `A candidate can only be paused while the session runs (it is ${s.state}).`);
    this.requireStillWriting(c, s.state, now);
    if (this.clocks.isPausedAlone(sessionId, candidateId)) throw userError(409, 'already-paused', `Candidate ${printed(c.code)} is already paused.`);
    this.store.write(() => {
      this.store.clock.openPause(sessionId, candidateId, now, reason, accountOf(actor));
      this.store.audit.append({ ...actorFields(actor), sessionId, action: 'candidate.paused', detail: { candidateId, reason } }, now);
    })();
  }

  resumeCandidate(sessionId: number, candidateId: number, actor: Actor, now = Date.now()): void {
    this.sessions.requireSession(sessionId);
    const c = this.requireCandidateOf(sessionId, candidateId);
    if (!this.clocks.isPausedAlone(sessionId, candidateId)) throw userError(409, 'not-paused', `Candidate ${printed(c.code)} is not paused on their own.`);
    this.store.write(() => {
      this.store.clock.closeCandidatePause(sessionId, candidateId, now);
      this.store.audit.append({ ...actorFields(actor), sessionId, action: 'candidate.resumed', detail: { candidateId } }, now);
    })();
  }

  /**
   * Extra time for one candidate: an accommodation known in advance, or incident time with its
   * reason. A grant is from a few seconds to MAX_EXTRA_MINUTES, and so is the candidate's total.
   */
  grantExtraTime(sessionId: number, candidateId: number, grant: ExtraTimeGrant, actor: Actor, now = Date.now()): { durationMs: number; totalExtraMs: number } {
    const s = this.sessions.requireSession(sessionId);
    const c = this.requireCandidateOf(sessionId, candidateId);
    const durationMs = checkedGrantMs(grant);
    const reason = grant.reason.trim();
    if (grant.kind === 'incident' && reason.length === 0) throw userError(400, 'reason-required', 'Incident time needs a reason: say what happened.');
    if (s.state === 'ended') throw userError(409, 'already-ended', 'The session has ended: no more time can be given.');
    this.requireStillWriting(c, s.state, now);
    const currentMs = this.clocks.extraMs(candidateId);
    if (currentMs + durationMs > MAX_EXTRA_MINUTES * 60_000) {
      throw userError(400, 'too-much-extra', `Candidate ${printed(c.code)} already has ${Math.round(currentMs / 60_000)} minutes of extra time; the total cannot exceed ${MAX_EXTRA_MINUTES} minutes.`);
    }
    const stored = reason || (grant.kind === 'accommodation' ? 'Accommodation' : '');
    this.store.write(() => {
      this.store.clock.insertExtension({ sessionId, candidateId, durationMs, kind: grant.kind, reason: stored, createdBy: accountOf(actor), createdAt: now });
      this.store.audit.append({ ...actorFields(actor), sessionId, action: 'candidate.extra-time', detail: { candidateId, durationMs, kind: grant.kind, reason: stored } }, now);
    })();
    return { durationMs, totalExtraMs: currentMs + durationMs };
  }

  /**
   * Moves a candidate to another workstation. The caller logs the old kiosk out; the answers are
   * the server's, so the new workstation resumes with all of them.
   */
  moveCandidate(sessionId: number, candidateId: number, workstation: string, actor: Actor, now = Date.now()): { from: string | null; to: string } {
    const s = this.sessions.requireSession(sessionId);
    const c = this.requireCandidateOf(sessionId, candidateId);
    const to = workstation.trim();
    if (to.length === 0 || to.length > 64) throw userError(400, 'bad-workstation', 'Give the name of the new workstation (1 to 64 characters).');
    if (s.state === 'ended') throw userError(409, 'already-ended', 'The session has ended: there is nothing to move.');
    this.requireStillWriting(c, s.state, now);
    if (c.workstation !== null && c.workstation.toLowerCase() === to.toLowerCase()) {
      throw userError(409, 'same-workstation', `Candidate ${printed(c.code)} is already at ${c.workstation}.`);
    }
    const holder = this.store.candidates.workstationHolder(sessionId, candidateId, to);
    if (holder) throw userError(409, 'workstation-in-use', `Workstation ${to} is already in use by candidate ${printed(holder.code)}: choose a free one.`, { candidateId: holder.id });
    this.store.write(() => {
      this.store.candidates.setWorkstation(candidateId, to);
      this.store.audit.append({ ...actorFields(actor), sessionId, action: 'candidate.moved', detail: { candidateId, from: c.workstation, to } }, now);
    })();
    return { from: c.workstation, to };
  }

  /** Locks or unlocks a workstation: a locked kiosk shows a lock screen and its saves are refused. */
  setLocked(sessionId: number, candidateId: number, locked: boolean, actor: Actor, now = Date.now()): void {
    const s = this.sessions.requireSession(sessionId);
    const c = this.requireCandidateOf(sessionId, candidateId);
    if (locked && c.lockedAt !== null) throw userError(409, 'already-locked', `The workstation of candidate ${printed(c.code)} is already locked.`);
    if (!locked && c.lockedAt === null) throw userError(409, 'not-locked', `The workstation of candidate ${printed(c.code)} is not locked.`);
    if (locked && s.state === 'ended') throw userError(409, 'already-ended', 'The session has ended: there is nothing to lock.');
    this.store.write(() => {
      this.store.candidates.setLocked(candidateId, locked ? now : null);
      this.store.audit.append({ ...actorFields(actor), sessionId, action: locked ? 'candidate.locked' : 'candidate.unlocked', detail: { candidateId } }, now);
    })();
  }

  /**
   * Marks a candidate absent (or present again, after a mistake). A candidate who is connected,
   * has saved answers or has submitted was there: they cannot be marked absent.
   */
  setAbsent(sessionId: number, candidateId: number, absent: boolean, actor: Actor, connected: boolean, now = Date.now()): void {
    const s = this.sessions.requireSession(sessionId);
    const c = this.requireCandidateOf(sessionId, candidateId);
    if (absent) {
      if (c.absentAt !== null) throw userError(409, 'already-absent', `Candidate ${printed(c.code)} is already marked absent.`);
      if (connected) throw userError(409, 'connected', `Candidate ${printed(c.code)} is connected right now: they are not absent.`);
      if (c.submittedAt !== null && c.submitKind === 'candidate') throw userError(409, 'already-submitted', `Candidate ${printed(c.code)} has submitted: they were present.`);
      if (this.store.answers.count(candidateId) > 0) throw userError(409, 'has-answers', `Candidate ${printed(c.code)} has saved answers: they were present.`);
    } else {
      if (c.absentAt === null) throw userError(409, 'not-absent', `Candidate ${printed(c.code)} is not marked absent.`);
      if (s.state === 'ended') throw userError(409, 'already-ended', 'The session has ended: the absence stays on record.');
    }
    this.store.write(() => {
      this.store.candidates.setAbsent(candidateId, absent ? now : null);
      this.store.audit.append({ ...actorFields(actor), sessionId, action: absent ? 'candidate.marked-absent' : 'candidate.marked-present', detail: { candidateId } }, now);
    })();
  }

  /** A control on a candidate makes sense only while they are still writing (see may-act.ts). */
  private requireStillWriting(c: CandidateRow, state: ExamSessionState, now: number): void {
    const notNow = whyNotNow('be-controlled', { state, lockedAt: c.lockedAt, submittedAt: c.submittedAt, absentAt: c.absentAt }, now);
    if (notNow === 'absent') throw userError(409, 'absent', `Candidate ${printed(c.code)} is marked absent.`);
    if (notNow === 'submitted') throw userError(409, 'already-submitted', `Candidate ${printed(c.code)} has already submitted.`);
  }
}

/** A grant in milliseconds, once its minutes are a sensible number. */
function checkedGrantMs(grant: ExtraTimeGrant): number {
  if (!Number.isFinite(grant.minutes) || grant.minutes <= 0) {
    throw userError(400, 'bad-duration', `Extra time must be a positive number of minutes (got ${grant.minutes}).`);
  }
  if (grant.minutes > MAX_EXTRA_MINUTES) {
    throw userError(400, 'bad-duration', `Extra time is at most ${MAX_EXTRA_MINUTES} minutes at once (got ${grant.minutes}).`);
  }
  const durationMs = Math.round(grant.minutes * 60_000);
  if (durationMs < 1000) throw userError(400, 'bad-duration', 'Extra time must be at least one second.');
  return durationMs;
}
