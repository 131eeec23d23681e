import { createHash } from 'node:crypto';
import type { LecternDb } from '../db/open-database.js';
import type { Pack } from '../content/pack-types.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { ClockView, Receipt, SessionState } from '../live/protocol.js';
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

export type Actor = { kind: 'account'; id: number } | { kind: 'candidate'; id: number } | { kind: 'system' };

const sessionColumns = `id, code, pack_id AS packId, pack_digest AS packDigest, title, room, state, duration_ms AS durationMs,
  started_at AS startedAt, ended_at AS endedAt, double_marking AS doubleMarking, grading_closed_at AS gradingClosedAt,
  seb_config_key AS sebConfigKey, created_at AS createdAt`;
const candidateColumns = `id, session_id AS sessionId, code, workstation, notice_acknowledged_at AS noticeAcknowledgedAt,
  locked_at AS lockedAt, absent_at AS absentAt, submitted_at AS submittedAt, submit_kind AS submitKind, receipt_digest AS receiptDigest`;

/**
 * Sessions, candidates and the clock. Every change goes through here, in one transaction with
 * its audit row. Reads on the hot path (a save checks the candidate's deadline) come from
 * prepared statements; nothing is cached, so a change is visible to the next save at once.
 */
export class ExamService {
  private readonly st;

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
      unsubmittedRunning: c.prepare(
        `SELECT c.id FROM candidates c JOIN exam_sessions s ON s.id = c.session_id
         WHERE s.state IN ('running', 'paused') AND c.submitted_at IS NULL AND c.absent_at IS NULL`,
      ),
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

  timing(session: ExamSessionRow, candidateId: number): CandidateTiming {
    return {
      startedAt: session.startedAt,
      durationMs: session.durationMs,
      pauses: this.st.pausesFor.all(session.id, candidateId) as PauseInterval[],
      extraMs: (this.st.extraFor.get(candidateId) as { extra: number }).extra,
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
    const id = this.db.$client.transaction(() => {
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
    this.db.$client.transaction(() => {
      this.st.setStarted.run(now, sessionId);
      this.audit.append({ ...this.actorFields(actor), sessionId, action: 'session.started' }, now);
    })();
    return this.session(sessionId)!;
  }

  /** Pauses the whole room. */
  pause(sessionId: number, actor: Actor, reason = '', now = Date.now()): ExamSessionRow {
    const s = this.requireSession(sessionId);
    if (s.state !== 'running') throw userError(409, 'not-running', `Only a running session can be paused (it is ${s.state}).`);
    this.db.$client.transaction(() => {
      this.st.openPause.run(sessionId, null, now, reason, actor.kind === 'account' ? actor.id : null);
      this.st.setState.run('paused', sessionId);
      this.audit.append({ ...this.actorFields(actor), sessionId, action: 'session.paused', detail: { reason } }, now);
    })();
    return this.session(sessionId)!;
  }

  resume(sessionId: number, actor: Actor, now = Date.now()): ExamSessionRow {
    const s = this.requireSession(sessionId);
    if (s.state !== 'paused') throw userError(409, 'not-paused', `Only a paused session can be resumed (it is ${s.state}).`);
    this.db.$client.transaction(() => {
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
    this.db.$client.transaction(() => {
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
    this.db.$client.transaction(() => {
      this.st.ackNotice.run(now, candidateId);
      this.audit.append({ actorKind: 'candidate', actorId: candidateId, sessionId: c.sessionId, action: 'candidate.notice-acknowledged' }, now);
    })();
    return now;
  }

  /** Submits once; a second call returns the first receipt with `already: true`. */
  submit(candidateId: number, kind: Receipt['kind'], now = Date.now()): { receipt: Receipt; already: boolean } {
    const existing = this.candidate(candidateId)!;
    if (existing.submittedAt !== null) return { receipt: this.receipt(existing)!, already: true };
    const receipt = this.db.$client.transaction(() => this.submitInTransaction(candidateId, kind, now))();
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
    for (const { id } of this.st.unsubmittedRunning.all() as { id: number }[]) {
      const c = this.candidate(id)!;
      const s = this.session(c.sessionId)!;
      const deadline = deadlineAt(this.timing(s, id), now);
      if (deadline !== null && now > deadline + SAVE_GRACE_MS) {
        done.push({ candidateId: id, sessionId: s.id, receipt: this.submit(id, 'deadline', now).receipt });
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
}
