import { createHash } from 'node:crypto';
import type { LecternDb } from '../db/open-database.js';
import type { Pack } from '../content/pack-types.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { ClockView, Receipt, SessionState } from '../contract/kiosk-protocol.js';
import { newCandidateCode, newSessionCode } from '../auth/codes.js';
import { userError } from '../errors.js';
import { deadlineAt, isPaused, timeLeftMs, type CandidateTiming, type PauseInterval, SAVE_GRACE_MS } from './timing.js';

export interface ExamSessionRow {
  id: number;
  code: string;
  packId: string;
  packDigest: string;
  title: string;
  room: string;
  state: SessionState;
  durationMs: number;
  startedAt: number | null;
  endedAt: number | null;
  doubleMarking: boolean;
  gradingClosedAt: number | null;
  sebConfigKey: string | null;
  createdAt: number;
}

export interface CandidateRow {
  id: number;
  sessionId: number;
  code: string;
  workstation: string | null;
  noticeAcknowledgedAt: number | null;
  lockedAt: number | null;
  absentAt: number | null;
  submittedAt: number | null;
  submitKind: Receipt['kind'] | null;
  receiptDigest: string | null;
}

export interface NewCandidate {
  workstation?: string | null;
  fullName?: string | null;
  /** Accommodation known in advance, e.g. one third more time. */
  accommodationMinutes?: number;
}

/** What the autosave checks before writing: see ExamService.saveContext. */
export interface SaveContext {
  state: SessionState;
  packId: string;
  lockedAt: number | null;
  submittedAt: number | null;
  timing: CandidateTiming;
}

export type Actor = { kind: 'account'; id: number } | { kind: 'candidate'; id: number } | { kind: 'system' };

const sessionColumns = `id, code, pack_id AS packId, pack_digest AS packDigest, title, room, state, duration_ms AS durationMs,
  started_at AS startedAt, ended_at AS endedAt, double_marking AS doubleMarking, grading_closed_at AS gradingClosedAt,
  seb_config_key AS sebConfigKey, created_at AS createdAt`;
const candidateColumns = `id, session_id AS sessionId, code, workstation, notice_acknowledged_at AS noticeAcknowledgedAt,
  locked_at AS lockedAt, absent_at AS absentAt, submitted_at AS submittedAt, submit_kind AS submitKind, receipt_digest AS receiptDigest`;

/**
 * Sessions, candidates and the clock. Every change goes through here, in one transaction with
 * its audit row (`write`). Reads come from prepared statements; the one on the hot path (a
 * save's context) is kept until the next change, which forgets it.
 */
export class ExamService {
  private readonly st;
  /** The saves' contexts by candidate, until the next change (see `write`). */
  private readonly saveContexts = new Map<number, { sessionId: number; context: SaveContext }>();

  constructor(
    private readonly db: LecternDb,
    private readonly audit: AuditLog,
  ) {
    const c = db.$client;
    this.st = {
      sessionById: c.prepare(`SELECT ${sessionColumns} FROM exam_sessions WHERE id = ?`),
      sessionByCode: c.prepare(`SELECT ${sessionColumns} FROM exam_sessions WHERE code = ?`),
      sessions: c.prepare(`SELECT ${sessionColumns} FROM exam_sessions ORDER BY created_at DESC, id DESC`),
      candidateById: c.prepare(`SELECT ${candidateColumns} FROM candidates WHERE id = ?`),
      candidateByCode: c.prepare(`SELECT ${candidateColumns} FROM candidates WHERE session_id = ? AND code = ?`),
      candidatesOf: c.prepare(`SELECT ${candidateColumns} FROM candidates WHERE session_id = ? ORDER BY id`),
      pausesFor: c.prepare(
        'SELECT started_at AS startedAt, ended_at AS endedAt FROM pauses WHERE session_id = ? AND (candidate_id IS NULL OR candidate_id = ?)',
      ),
      extraFor: c.prepare('SELECT COALESCE(SUM(duration_ms), 0) AS extra FROM time_extensions WHERE candidate_id = ?'),
      saveContext: c.prepare(
        `SELECT s.state, s.pack_id AS packId, s.started_at AS startedAt, s.duration_ms AS durationMs,
           c.locked_at AS lockedAt, c.submitted_at AS submittedAt,
           (SELECT COALESCE(SUM(duration_ms), 0) FROM time_extensions WHERE candidate_id = c.id) AS extraMs,
           EXISTS (SELECT 1 FROM pauses WHERE session_id = s.id AND (candidate_id IS NULL OR candidate_id = c.id)) AS hasPauses
         FROM candidates c JOIN exam_sessions s ON s.id = c.session_id WHERE c.id = ? AND s.id = ?`,
      ),
      insertSession: c.prepare(
        `INSERT INTO exam_sessions (code, pack_id, pack_digest, title, room, state, duration_ms, double_marking, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, 'waiting', ?, ?, ?, ?)`,
      ),
      insertCandidate: c.prepare('INSERT INTO candidates (session_id, code, workstation) VALUES (?, ?, ?)'),
      insertIdentity: c.prepare('INSERT INTO candidate_identities (candidate_id, full_name) VALUES (?, ?)'),
      insertExtension: c.prepare(
        'INSERT INTO time_extensions (session_id, candidate_id, duration_ms, kind, reason, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      insertStaff: c.prepare('INSERT OR IGNORE INTO session_staff (session_id, account_id, role) VALUES (?, ?, ?)'),
      setState: c.prepare('UPDATE exam_sessions SET state = ? WHERE id = ?'),
      setStarted: c.prepare("UPDATE exam_sessions SET state = 'running', started_at = ? WHERE id = ?"),
      setEnded: c.prepare("UPDATE exam_sessions SET state = 'ended', ended_at = ? WHERE id = ?"),
      openPause: c.prepare('INSERT INTO pauses (session_id, candidate_id, started_at, reason, created_by) VALUES (?, ?, ?, ?, ?)'),
      closeRoomPause: c.prepare('UPDATE pauses SET ended_at = ? WHERE session_id = ? AND candidate_id IS NULL AND ended_at IS NULL'),
      closeAllPauses: c.prepare('UPDATE pauses SET ended_at = ? WHERE session_id = ? AND ended_at IS NULL'),
      ackNotice: c.prepare('UPDATE candidates SET notice_acknowledged_at = ? WHERE id = ? AND notice_acknowledged_at IS NULL'),
      answersOf: c.prepare(
        'SELECT question_id AS questionId, text, revision, word_count AS words, saved_at AS savedAt FROM answers WHERE candidate_id = ? ORDER BY question_id',
      ),
      markSubmitted: c.prepare(
        'UPDATE candidates SET submitted_at = ?, submit_kind = ?, receipt_digest = ? WHERE id = ? AND submitted_at IS NULL',
      ),
      runningSessions: c.prepare(`SELECT ${sessionColumns} FROM exam_sessions WHERE state IN ('running', 'paused')`),
      unsubmittedOf: c.prepare('SELECT id FROM candidates WHERE session_id = ? AND submitted_at IS NULL AND absent_at IS NULL'),
    };
  }

  // ---------- reads ----------

  session(id: number): ExamSessionRow | undefined {
    return this.fixSession(this.st.sessionById.get(id));
  }

  sessionByCode(code: string): ExamSessionRow | undefined {
    return this.fixSession(this.st.sessionByCode.get(code));
  }

  sessions(): ExamSessionRow[] {
    return (this.st.sessions.all() as ExamSessionRow[]).map((s) => this.fixSession(s)!);
  }

  candidate(id: number): CandidateRow | undefined {
    return this.st.candidateById.get(id) as CandidateRow | undefined;
  }

  candidateByCode(sessionId: number, code: string): CandidateRow | undefined {
    return this.st.candidateByCode.get(sessionId, code) as CandidateRow | undefined;
  }

  candidates(sessionId: number): CandidateRow[] {
    return this.st.candidatesOf.all(sessionId) as CandidateRow[];
  }

  /**
   * The candidates still writing (neither submitted nor absent) of a running or paused session;
   * none otherwise. One read for a whole session, for callers that judge a room at once.
   */
  writingCandidates(sessionId: number): Set<number> {
    const s = this.session(sessionId);
    if (s?.state !== 'running' && s?.state !== 'paused') return new Set();
    return new Set((this.st.unsubmittedOf.all(sessionId) as { id: number }[]).map((r) => r.id));
  }

  timing(session: ExamSessionRow, candidateId: number): CandidateTiming {
    return {
      startedAt: session.startedAt,
      durationMs: session.durationMs,
      pauses: this.st.pausesFor.all(session.id, candidateId) as PauseInterval[],
      extraMs: (this.st.extraFor.get(candidateId) as { extra: number }).extra,
    };
  }

  /**
   * What a save must check (question's pack, state, lock, submission, timing): the autosave hot
   * path, run for every save. Read in one statement (plus the pauses when there are any) and
   * kept until the next change: every change to a session or a candidate goes through `write`
   * below, which forgets them all, so a lock, a pause or an extension holds for the next save.
   */
  saveContext(sessionId: number, candidateId: number): SaveContext | undefined {
    const cached = this.saveContexts.get(candidateId);
    if (cached && cached.sessionId === sessionId) return cached.context;
    const context = this.readSaveContext(sessionId, candidateId);
    if (context) this.saveContexts.set(candidateId, { sessionId, context });
    return context;
  }

  /**
   * For a change written to the file without this service (a test moving a session back in time,
   * an administrator's repair with the sqlite3 shell): the next saves read their context afresh.
   */
  forgetSaveContexts(): void {
    this.saveContexts.clear();
  }

  private readSaveContext(sessionId: number, candidateId: number): SaveContext | undefined {
    const row = this.st.saveContext.get(candidateId, sessionId) as
      | { state: SessionState; packId: string; startedAt: number | null; durationMs: number; lockedAt: number | null; submittedAt: number | null; extraMs: number; hasPauses: number }
      | undefined;
    if (!row) return undefined;
    return {
      state: row.state,
      packId: row.packId,
      lockedAt: row.lockedAt,
      submittedAt: row.submittedAt,
      timing: {
        startedAt: row.startedAt,
        durationMs: row.durationMs,
        pauses: row.hasPauses ? (this.st.pausesFor.all(sessionId, candidateId) as PauseInterval[]) : [],
        extraMs: row.extraMs,
      },
    };
  }

  clockView(session: ExamSessionRow, candidateId: number, now = Date.now()): ClockView {
    const t = this.timing(session, candidateId);
    // After the end nothing counts down any more: show zero.
    const ended = session.state === 'ended';
    return {
      serverNow: now,
      sessionState: session.state,
      paused: session.state === 'paused' || (session.state === 'running' && isPaused(t.pauses, now)),
      startedAt: t.startedAt,
      deadlineAt: ended ? (session.endedAt ?? now) : deadlineAt(t, now),
      timeLeftMs: ended ? 0 : timeLeftMs(t, now),
      extraMs: t.extraMs,
    };
  }

  answers(candidateId: number): { questionId: string; text: string; revision: number; words: number; savedAt: number }[] {
    return this.st.answersOf.all(candidateId) as { questionId: string; text: string; revision: number; words: number; savedAt: number }[];
  }

  // ---------- changes ----------

  createSession(input: {
    pack: Pack;
    title?: string;
    room?: string;
    candidates: NewCandidate[];
    doubleMarking?: boolean;
    proctorIds?: number[];
    correctorIds?: number[];
    actor: Actor;
  }): { session: ExamSessionRow; candidates: CandidateRow[] } {
    if (input.candidates.length < 1 || input.candidates.length > 500) {
      throw userError(400, 'bad-candidate-count', 'A session needs from 1 to 500 candidates.');
    }
    const now = Date.now();
    const id = this.write(() => {
      let code = newSessionCode();
      while (this.st.sessionByCode.get(code)) code = newSessionCode();
      const title = input.title?.trim() || input.pack.title.fr;
      const sessionId = Number(
        this.st.insertSession.run(
          code,
          input.pack.id,
          input.pack.digest,
          title,
          input.room?.trim() ?? '',
          input.pack.durationMinutes * 60_000,
          input.doubleMarking ? 1 : 0,
          input.actor.kind === 'account' ? input.actor.id : null,
          now,
        ).lastInsertRowid,
      );
      const used = new Set<string>();
      for (const c of input.candidates) {
        let candidateCode = newCandidateCode();
        while (used.has(candidateCode)) candidateCode = newCandidateCode();
        used.add(candidateCode);
        const candidateId = Number(this.st.insertCandidate.run(sessionId, candidateCode, c.workstation?.trim() || null).lastInsertRowid);
        if (c.fullName?.trim()) this.st.insertIdentity.run(candidateId, c.fullName.trim());
        if (c.accommodationMinutes && c.accommodationMinutes > 0) {
          this.st.insertExtension.run(sessionId, candidateId, Math.round(c.accommodationMinutes * 60_000), 'accommodation', 'Accommodation set beforehand', input.actor.kind === 'account' ? input.actor.id : null, now);
        }
      }
      for (const p of input.proctorIds ?? []) this.st.insertStaff.run(sessionId, p, 'proctor');
      for (const p of input.correctorIds ?? []) this.st.insertStaff.run(sessionId, p, 'corrector');
      this.audit.append({ ...this.actorFields(input.actor), sessionId, action: 'session.created', detail: { packId: input.pack.id, packDigest: input.pack.digest, candidates: input.candidates.length } }, now);
      return sessionId;
    })();
    return { session: this.session(id)!, candidates: this.candidates(id) };
  }

  start(sessionId: number, actor: Actor, now = Date.now()): ExamSessionRow {
    const s = this.requireSession(sessionId);
    if (s.state !== 'waiting') throw userError(409, 'already-started', `The session has already been started (it is ${s.state}).`);
    this.write(() => {
      this.st.setStarted.run(now, sessionId);
      this.audit.append({ ...this.actorFields(actor), sessionId, action: 'session.started' }, now);
    })();
    return this.session(sessionId)!;
  }

  /** Pauses the whole room. */
  pause(sessionId: number, actor: Actor, reason = '', now = Date.now()): ExamSessionRow {
    const s = this.requireSession(sessionId);
    if (s.state !== 'running') throw userError(409, 'not-running', `Only a running session can be paused (it is ${s.state}).`);
    this.write(() => {
      this.st.openPause.run(sessionId, null, now, reason, actor.kind === 'account' ? actor.id : null);
      this.st.setState.run('paused', sessionId);
      this.audit.append({ ...this.actorFields(actor), sessionId, action: 'session.paused', detail: { reason } }, now);
    })();
    return this.session(sessionId)!;
  }

  resume(sessionId: number, actor: Actor, now = Date.now()): ExamSessionRow {
    const s = this.requireSession(sessionId);
    if (s.state !== 'paused') throw userError(409, 'not-paused', `Only a paused session can be resumed (it is ${s.state}).`);
    this.write(() => {
      this.st.closeRoomPause.run(now, sessionId);
      this.st.setState.run('running', sessionId);
      this.audit.append({ ...this.actorFields(actor), sessionId, action: 'session.resumed' }, now);
    })();
    return this.session(sessionId)!;
  }

  /** Ends the session: every candidate still writing is submitted with what the server holds. */
  end(sessionId: number, actor: Actor, now = Date.now()): { session: ExamSessionRow; submitted: { candidateId: number; receipt: Receipt }[] } {
    const s = this.requireSession(sessionId);
    if (s.state === 'ended') throw userError(409, 'already-ended', 'The session has already ended.');
    const submitted: { candidateId: number; receipt: Receipt }[] = [];
    this.write(() => {
      if (s.state !== 'waiting') {
        for (const c of this.candidates(sessionId)) {
          if (c.submittedAt === null && c.absentAt === null) {
            submitted.push({ candidateId: c.id, receipt: this.submitInTransaction(c.id, 'proctor', now) });
          }
        }
      }
      this.st.closeAllPauses.run(now, sessionId);
      this.st.setEnded.run(now, sessionId);
      this.audit.append({ ...this.actorFields(actor), sessionId, action: 'session.ended', detail: { submittedAtEnd: submitted.length } }, now);
    })();
    return { session: this.session(sessionId)!, submitted };
  }

  acknowledgeNotice(candidateId: number, now = Date.now()): number {
    const c = this.candidate(candidateId)!;
    if (c.noticeAcknowledgedAt !== null) return c.noticeAcknowledgedAt;
    this.write(() => {
      this.st.ackNotice.run(now, candidateId);
      this.audit.append({ actorKind: 'candidate', actorId: candidateId, sessionId: c.sessionId, action: 'candidate.notice-acknowledged' }, now);
    })();
    return now;
  }

  /** Submits once; a second call returns the first receipt with `already: true`. */
  submit(candidateId: number, kind: Receipt['kind'], now = Date.now()): { receipt: Receipt; already: boolean } {
    const existing = this.candidate(candidateId)!;
    if (existing.submittedAt !== null) return { receipt: this.receipt(existing)!, already: true };
    const receipt = this.write(() => this.submitInTransaction(candidateId, kind, now))();
    return { receipt, already: false };
  }

  receipt(c: CandidateRow): Receipt | null {
    if (c.submittedAt === null || c.receiptDigest === null) return null;
    return {
      submittedAt: c.submittedAt,
      kind: c.submitKind ?? 'candidate',
      digest: c.receiptDigest,
      answers: this.answers(c.id).map((a) => ({ questionId: a.questionId, revision: a.revision, words: a.words })),
    };
  }

  /** Candidates whose deadline and grace have passed: submitted by the server. Called every second. */
  submitOverdue(now = Date.now()): { candidateId: number; sessionId: number; receipt: Receipt }[] {
    const done: { candidateId: number; sessionId: number; receipt: Receipt }[] = [];
    for (const row of this.st.runningSessions.all()) {
      const s = this.fixSession(row)!;
      // Extra time and pauses only push a deadline back: until the session's own end plus the
      // grace, nobody in it can be overdue, and the sweep reads nothing per candidate. (With
      // thousands of candidates, reading each one's timing every second stalled the saves.)
      if (s.startedAt === null || now <= s.startedAt + s.durationMs + SAVE_GRACE_MS) continue;
      for (const { id } of this.st.unsubmittedOf.all(s.id) as { id: number }[]) {
        const deadline = deadlineAt(this.timing(s, id), now);
        if (deadline !== null && now > deadline + SAVE_GRACE_MS) {
          done.push({ candidateId: id, sessionId: s.id, receipt: this.submit(id, 'deadline', now).receipt });
        }
      }
    }
    return done;
  }

  requireSession(id: number): ExamSessionRow {
    const s = this.session(id);
    if (!s) throw userError(404, 'unknown-session', `There is no session with id ${id}.`);
    return s;
  }

  private submitInTransaction(candidateId: number, kind: Receipt['kind'], now: number): Receipt {
    const c = this.candidate(candidateId)!;
    const answers = this.answers(candidateId);
    const digest = createHash('sha256');
    for (const a of answers) digest.update(`${a.questionId}\u001f${a.revision}\u001f${a.text}\u001e`);
    const hex = digest.digest('hex');
    this.st.markSubmitted.run(now, kind, hex, candidateId);
    this.audit.append({ actorKind: kind === 'candidate' ? 'candidate' : 'system', actorId: kind === 'candidate' ? candidateId : null, sessionId: c.sessionId, action: 'candidate.submitted', detail: { candidateId, kind, digest: hex } }, now);
    return { submittedAt: now, kind, digest: hex, answers: answers.map((a) => ({ questionId: a.questionId, revision: a.revision, words: a.words })) };
  }

  private actorFields(actor: Actor): { actorKind: Actor['kind']; actorId: number | null } {
    return { actorKind: actor.kind, actorId: actor.kind === 'system' ? null : actor.id };
  }

  private fixSession(row: unknown): ExamSessionRow | undefined {
    if (!row) return undefined;
    const s = row as ExamSessionRow & { doubleMarking: number | boolean };
    return { ...s, doubleMarking: Boolean(s.doubleMarking) };
  }

  // ---------- proctor controls on one candidate (issue 3) ----------
  // Each change is one transaction with its audit row; each refusal is a clear error that changes nothing.

  private proctorStatements?: ReturnType<ExamService['prepareProctorStatements']>;

  /**
   * A transaction that changes sessions or candidates. Afterwards (committed or not) the saves'
   * contexts are read afresh: changes are rare (a start, a pause, a lock, a submission), saves
   * are thousands a second.
   */
  private write<T>(fn: () => T): () => T {
    const transaction = this.db.$client.transaction(fn);
    return () => {
      try {
        return transaction();
      } finally {
        this.saveContexts.clear();
      }
    };
  }

  private get pst() {
    this.proctorStatements ??= this.prepareProctorStatements();
    return this.proctorStatements;
  }

  private prepareProctorStatements() {
    const c = this.db.$client;
    return {
      openCandidatePause: c.prepare('SELECT id FROM pauses WHERE session_id = ? AND candidate_id = ? AND ended_at IS NULL'),
      closeCandidatePause: c.prepare('UPDATE pauses SET ended_at = ? WHERE session_id = ? AND candidate_id = ? AND ended_at IS NULL'),
      setWorkstation: c.prepare('UPDATE candidates SET workstation = ? WHERE id = ?'),
      workstationHolder: c.prepare(
        'SELECT id, code FROM candidates WHERE session_id = ? AND id <> ? AND absent_at IS NULL AND workstation = ? COLLATE NOCASE',
      ),
      setLocked: c.prepare('UPDATE candidates SET locked_at = ? WHERE id = ?'),
      setAbsent: c.prepare('UPDATE candidates SET absent_at = ? WHERE id = ?'),
      answerCount: c.prepare('SELECT COUNT(*) AS n FROM answers WHERE candidate_id = ?'),
    };
  }

  /** The candidate, if they belong to this session; a 404 a person can act on otherwise. */
  requireCandidateOf(sessionId: number, candidateId: number): CandidateRow {
    const c = this.candidate(candidateId);
    if (!c || c.sessionId !== sessionId) throw userError(404, 'unknown-candidate', `There is no candidate ${candidateId} in session ${sessionId}.`);
    return c;
  }

  /** Whether this candidate alone has an open pause. */
  isPausedAlone(sessionId: number, candidateId: number): boolean {
    return this.pst.openCandidatePause.get(sessionId, candidateId) !== undefined;
  }

  /** Pauses one candidate (an incident at their workstation); the rest of the room goes on. */
  pauseCandidate(sessionId: number, candidateId: number, actor: Actor, reason = '', now = Date.now()): void {
    const s = this.requireSession(sessionId);
    const c = this.requireCandidateOf(sessionId, candidateId);
    if (s.state !== 'running' && s.state !== 'paused') throw userError(409, 'not-running', `A candidate can only be paused while the session runs (it is ${s.state}).`);
    this.requireStillWriting(c);
    if (this.isPausedAlone(sessionId, candidateId)) throw userError(409, 'already-paused', `Candidate ${printed(c.code)} is already paused.`);
    this.write(() => {
      this.st.openPause.run(sessionId, candidateId, now, reason, actor.kind === 'account' ? actor.id : null);
      this.audit.append({ ...this.actorFields(actor), sessionId, action: 'candidate.paused', detail: { candidateId, reason } }, now);
    })();
  }

  resumeCandidate(sessionId: number, candidateId: number, actor: Actor, now = Date.now()): void {
    this.requireSession(sessionId);
    const c = this.requireCandidateOf(sessionId, candidateId);
    if (!this.isPausedAlone(sessionId, candidateId)) throw userError(409, 'not-paused', `Candidate ${printed(c.code)} is not paused on their own.`);
    this.write(() => {
      this.pst.closeCandidatePause.run(now, sessionId, candidateId);
      this.audit.append({ ...this.actorFields(actor), sessionId, action: 'candidate.resumed', detail: { candidateId } }, now);
    })();
  }

  /**
   * Extra time for one candidate: an accommodation known in advance, or incident time with its
   * reason. A grant is from a few seconds to MAX_EXTRA_MINUTES, and so is the candidate's total.
   */
  grantExtraTime(
    sessionId: number,
    candidateId: number,
    grant: { minutes: number; kind: 'accommodation' | 'incident'; reason: string },
    actor: Actor,
    now = Date.now(),
  ): { durationMs: number; totalExtraMs: number } {
    const s = this.requireSession(sessionId);
    const c = this.requireCandidateOf(sessionId, candidateId);
    if (!Number.isFinite(grant.minutes) || grant.minutes <= 0) {
      throw userError(400, 'bad-duration', `Extra time must be a positive number of minutes (got ${grant.minutes}).`);
    }
    if (grant.minutes > MAX_EXTRA_MINUTES) {
      throw userError(400, 'bad-duration', `Extra time is at most ${MAX_EXTRA_MINUTES} minutes at once (got ${grant.minutes}).`);
    }
    const durationMs = Math.round(grant.minutes * 60_000);
    if (durationMs < 1000) throw userError(400, 'bad-duration', 'Extra time must be at least one second.');
    const reason = grant.reason.trim();
    if (grant.kind === 'incident' && reason.length === 0) throw userError(400, 'reason-required', 'Incident time needs a reason: say what happened.');
    if (s.state === 'ended') throw userError(409, 'already-ended', 'The session has ended: no more time can be given.');
    this.requireStillWriting(c);
    const currentMs = (this.st.extraFor.get(candidateId) as { extra: number }).extra;
    if (currentMs + durationMs > MAX_EXTRA_MINUTES * 60_000) {
      throw userError(400, 'too-much-extra', `Candidate ${printed(c.code)} already has ${Math.round(currentMs / 60_000)} minutes of extra time; the total cannot exceed ${MAX_EXTRA_MINUTES} minutes.`);
    }
    const stored = reason || (grant.kind === 'accommodation' ? 'Accommodation' : '');
    this.write(() => {
      this.st.insertExtension.run(sessionId, candidateId, durationMs, grant.kind, stored, actor.kind === 'account' ? actor.id : null, now);
      this.audit.append({ ...this.actorFields(actor), sessionId, action: 'candidate.extra-time', detail: { candidateId, durationMs, kind: grant.kind, reason: stored } }, now);
    })();
    return { durationMs, totalExtraMs: currentMs + durationMs };
  }

  /**
   * Moves a candidate to another workstation. The caller logs the old kiosk out; the answers are
   * the server's, so the new workstation resumes with all of them.
   */
  moveCandidate(sessionId: number, candidateId: number, workstation: string, actor: Actor, now = Date.now()): { from: string | null; to: string } {
    const s = this.requireSession(sessionId);
    const c = this.requireCandidateOf(sessionId, candidateId);
    const to = workstation.trim();
    if (to.length === 0 || to.length > 64) throw userError(400, 'bad-workstation', 'Give the name of the new workstation (1 to 64 characters).');
    if (s.state === 'ended') throw userError(409, 'already-ended', 'The session has ended: there is nothing to move.');
    this.requireStillWriting(c);
    if (c.workstation !== null && c.workstation.toLowerCase() === to.toLowerCase()) {
      throw userError(409, 'same-workstation', `Candidate ${printed(c.code)} is already at ${c.workstation}.`);
    }
    const holder = this.pst.workstationHolder.get(sessionId, candidateId, to) as { id: number; code: string } | undefined;
    if (holder) throw userError(409, 'workstation-in-use', `Workstation ${to} is already in use by candidate ${printed(holder.code)}: choose a free one.`, { candidateId: holder.id });
    this.write(() => {
      this.pst.setWorkstation.run(to, candidateId);
      this.audit.append({ ...this.actorFields(actor), sessionId, action: 'candidate.moved', detail: { candidateId, from: c.workstation, to } }, now);
    })();
    return { from: c.workstation, to };
  }

  /** Locks or unlocks a workstation: a locked kiosk shows a lock screen and its saves are refused. */
  setLocked(sessionId: number, candidateId: number, locked: boolean, actor: Actor, now = Date.now()): void {
    const s = this.requireSession(sessionId);
    const c = this.requireCandidateOf(sessionId, candidateId);
    if (locked && c.lockedAt !== null) throw userError(409, 'already-locked', `The workstation of candidate ${printed(c.code)} is already locked.`);
    if (!locked && c.lockedAt === null) throw userError(409, 'not-locked', `The workstation of candidate ${printed(c.code)} is not locked.`);
    if (locked && s.state === 'ended') throw userError(409, 'already-ended', 'The session has ended: there is nothing to lock.');
    this.write(() => {
      this.pst.setLocked.run(locked ? now : null, candidateId);
      this.audit.append({ ...this.actorFields(actor), sessionId, action: locked ? 'candidate.locked' : 'candidate.unlocked', detail: { candidateId } }, now);
    })();
  }

  /**
   * Marks a candidate absent (or present again, after a mistake). A candidate who is connected,
   * has saved answers or has submitted was there: they cannot be marked absent.
   */
  setAbsent(sessionId: number, candidateId: number, absent: boolean, actor: Actor, connected: boolean, now = Date.now()): void {
    const s = this.requireSession(sessionId);
    const c = this.requireCandidateOf(sessionId, candidateId);
    if (absent) {
      if (c.absentAt !== null) throw userError(409, 'already-absent', `Candidate ${printed(c.code)} is already marked absent.`);
      if (connected) throw userError(409, 'connected', `Candidate ${printed(c.code)} is connected right now: they are not absent.`);
      if (c.submittedAt !== null && c.submitKind === 'candidate') throw userError(409, 'already-submitted', `Candidate ${printed(c.code)} has submitted: they were present.`);
      if ((this.pst.answerCount.get(candidateId) as { n: number }).n > 0) throw userError(409, 'has-answers', `Candidate ${printed(c.code)} has saved answers: they were present.`);
    } else {
      if (c.absentAt === null) throw userError(409, 'not-absent', `Candidate ${printed(c.code)} is not marked absent.`);
      if (s.state === 'ended') throw userError(409, 'already-ended', 'The session has ended: the absence stays on record.');
    }
    this.write(() => {
      this.pst.setAbsent.run(absent ? now : null, candidateId);
      this.audit.append({ ...this.actorFields(actor), sessionId, action: absent ? 'candidate.marked-absent' : 'candidate.marked-present', detail: { candidateId } }, now);
    })();
  }

  private requireStillWriting(c: CandidateRow): void {
    if (c.absentAt !== null) throw userError(409, 'absent', `Candidate ${printed(c.code)} is marked absent.`);
    if (c.submittedAt !== null) throw userError(409, 'already-submitted', `Candidate ${printed(c.code)} has already submitted.`);
  }
}

/** A grant of extra time, and a candidate's total, are at most this long: more is a typing mistake. */
export const MAX_EXTRA_MINUTES = 240;

/** A code as printed on the slip, in two halves. */
const printed = (code: string) => (code.length > 4 ? `${code.slice(0, 4)}-${code.slice(4)}` : code);
