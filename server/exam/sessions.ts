// A session's life: created with its candidates, started, paused and resumed for the whole
// room, ended. Each change is one transaction with its audit row (ExamStore.write).
import type { Pack } from '../content/pack-types.js';
import type { Receipt } from '../contract/kiosk-protocol.js';
import { newCandidateCode, newSessionCode } from '../auth/codes.js';
import { userError } from '../errors.js';
import { accountOf, actorFields, type Actor } from './actor.js';
import type { CandidateListFields, CandidateRow } from './candidates.repo.js';
import type { ExamStore } from './exam-store.js';
import type { ExamSessionRow } from './sessions.repo.js';
import type { ExamSubmission } from './submission.js';

export interface NewCandidate {
  workstation?: string | null;
  fullName?: string | null;
  /** Accommodation known in advance, e.g. one third more time. */
  accommodationMinutes?: number;
  /** Why (from the centre's list); a default wording otherwise. */
  accommodationReason?: string;
  /** From the centre's candidate file, kept to export the list back as it came. */
  fromList?: CandidateListFields;
}

export interface NewSession {
  pack: Pack;
  title?: string;
  room?: string;
  /** The planned start; none for a session opened on the spot. */
  scheduledAt?: number | null;
  candidates: NewCandidate[];
  doubleMarking?: boolean;
  /** A pilot session: graded, never in the jury export (docs/forms.md). */
  pilot?: boolean;
  proctorIds?: number[];
  correctorIds?: number[];
  actor: Actor;
}

export class ExamSessions {
  constructor(
    private readonly store: ExamStore,
    private readonly submission: ExamSubmission,
  ) {}

  session(id: number): ExamSessionRow | undefined {
    return this.store.sessions.byId(id);
  }

  sessionByCode(code: string): ExamSessionRow | undefined {
    return this.store.sessions.byCode(code);
  }

  sessions(): ExamSessionRow[] {
    return this.store.sessions.all();
  }

  requireSession(id: number): ExamSessionRow {
    const s = this.session(id);
    if (!s) throw userError(404, 'unknown-session', `There is no session with id ${id}.`);
    return s;
  }

  /**
   * The candidates still writing (neither submitted nor absent) of a running or paused session;
   * none otherwise. One read for a whole session, for callers that judge a room at once.
   */
  writingCandidates(sessionId: number): Set<number> {
    const s = this.session(sessionId);
    if (s?.state !== 'running' && s?.state !== 'paused') return new Set();
    return new Set(this.store.candidates.writingIds(sessionId));
  }

  createSession(input: NewSession): { session: ExamSessionRow; candidates: CandidateRow[] } {
    if (input.candidates.length < 1 || input.candidates.length > 500) {
      throw userError(400, 'bad-candidate-count', 'A session needs from 1 to 500 candidates.');
    }
    const now = Date.now();
    // A minute's leeway: "now" typed in the form is a few seconds old when it arrives.
    if (input.scheduledAt != null && input.scheduledAt < now - 60_000) {
      throw userError(400, 'date-in-past', `The session's date and time (${new Date(input.scheduledAt).toISOString()}) is in the past: choose a date to come, or leave it empty to open the session now.`);
    }
    const form = input.pack.form;
    const retired = form && this.store.forms.retired(form.packId, form.id);
    if (form && retired) {
      throw userError(409, 'form-retired', `Form ${form.id} of the pack "${form.packId}" was retired on ${new Date(retired.retiredAt).toISOString().slice(0, 10)} (${retired.reason}): choose another form.`, {
        packId: form.packId,
        formId: form.id,
        reason: retired.reason,
        retiredAt: retired.retiredAt,
      });
    }
    // New candidates only: no existing save's context changes.
    const id = this.store.writeKeepingSaveContexts(() => this.insertSession(input, now))();
    return { session: this.session(id)!, candidates: this.store.candidates.ofSession(id) };
  }

  start(sessionId: number, actor: Actor, now = Date.now()): ExamSessionRow {
    const s = this.requireSession(sessionId);
    if (s.state !== 'waiting') throw userError(409, 'already-started', `The session has already been started (it is ${s.state}).`);
    this.store.write(() => {
      this.store.sessions.setStarted(sessionId, now);
      this.recordExposure(s, now);
      this.store.audit.append({ ...actorFields(actor), sessionId, action: 'session.started' }, now);
    })();
    return this.session(sessionId)!;
  }

  /** Pauses the whole room. */
  pause(sessionId: number, actor: Actor, reason = '', now = Date.now()): ExamSessionRow {
    const s = this.requireSession(sessionId);
    if (s.state !== 'running') throw userError(409, 'not-running', `Only a running session can be paused (it is ${s.state}).`);
    this.store.write(() => {
      this.store.clock.openPause(sessionId, null, now, reason, accountOf(actor));
      this.store.sessions.setState(sessionId, 'paused');
      this.store.audit.append({ ...actorFields(actor), sessionId, action: 'session.paused', detail: { reason } }, now);
    })();
    return this.session(sessionId)!;
  }

  resume(sessionId: number, actor: Actor, now = Date.now()): ExamSessionRow {
    const s = this.requireSession(sessionId);
    if (s.state !== 'paused') throw userError(409, 'not-paused', `Only a paused session can be resumed (it is ${s.state}).`);
    this.store.write(() => {
      this.store.clock.closeRoomPause(sessionId, now);
      this.store.sessions.setState(sessionId, 'running');
      this.store.audit.append({ ...actorFields(actor), sessionId, action: 'session.resumed' }, now);
    })();
    return this.session(sessionId)!;
  }

  /**
   * Ends the session. A candidate who never came (no login, no save, the notice unread) is absent:
   * no submission, no receipt, nothing to grade. Every other candidate still writing is submitted
   * with what the server holds, an empty script included.
   */
  end(sessionId: number, actor: Actor, now = Date.now()): { session: ExamSessionRow; submitted: { candidateId: number; receipt: Receipt }[]; absent: number[] } {
    const s = this.requireSession(sessionId);
    if (s.state === 'ended') throw userError(409, 'already-ended', 'The session has already ended.');
    const submitted: { candidateId: number; receipt: Receipt }[] = [];
    let absent: number[] = [];
    this.store.write(() => {
      absent = this.store.candidates.neverCameIds(sessionId);
      this.submission.markAbsentInTransaction(sessionId, absent, now);
      if (s.state !== 'waiting') {
        for (const id of this.store.candidates.writingIds(sessionId)) {
          submitted.push({ candidateId: id, receipt: this.submission.submitInTransaction(id, 'proctor', now) });
        }
      }
      this.store.clock.closeAllPauses(sessionId, now);
      this.store.sessions.setEnded(sessionId, now);
      this.store.forms.closeExposure(sessionId, now);
      this.store.audit.append({ ...actorFields(actor), sessionId, action: 'session.ended', detail: { submittedAtEnd: submitted.length, absentAtEnd: absent.length } }, now);
    })();
    return { session: this.session(sessionId)!, submitted, absent };
  }

  /**
   * The candidate has read the monitoring notice (they must be told what is watched before the
   * exam): recorded once, and its first time is the one kept.
   */
  acknowledgeNotice(candidateId: number, now = Date.now()): number {
    const c = this.store.candidates.byId(candidateId)!;
    if (c.noticeAcknowledgedAt !== null) return c.noticeAcknowledgedAt;
    // The notice is not part of what a save checks: the saves' contexts stay.
    this.store.writeKeepingSaveContexts(() => {
      this.store.candidates.acknowledgeNotice(candidateId, now);
      this.store.audit.append({ actorKind: 'candidate', actorId: candidateId, sessionId: c.sessionId, action: 'candidate.notice-acknowledged' }, now);
    })();
    return now;
  }

  /** Inside `write`: which form ran where and when, for a pack with forms (the exposure log). */
  private recordExposure(s: ExamSessionRow, now: number): void {
    if (s.formId === null) return;
    const packId = s.packId.split('~')[0]!;
    this.store.forms.insertExposure({ sessionId: s.id, sessionCode: s.code, packId, formId: s.formId, packDigest: s.packDigest, room: s.room, pilot: s.pilot, startedAt: now });
  }

  /** Inside `write`: the session, its candidates with fresh codes, accommodations and staff. */
  private insertSession(input: NewSession, now: number): number {
    let code = newSessionCode();
    while (this.store.sessions.byCode(code)) code = newSessionCode();
    const createdBy = accountOf(input.actor);
    const sessionId = this.store.sessions.insert({
      code,
      packId: input.pack.id,
      packDigest: input.pack.digest,
      formId: input.pack.form?.id ?? null,
      pilot: Boolean(input.pilot),
      title: input.title?.trim() || input.pack.title.fr,
      room: input.room?.trim() ?? '',
      scheduledAt: input.scheduledAt ?? null,
      durationMs: input.pack.durationMinutes * 60_000,
      doubleMarking: Boolean(input.doubleMarking),
      createdBy,
      createdAt: now,
    });
    const used = new Set<string>();
    for (const c of input.candidates) {
      let candidateCode = newCandidateCode();
      while (used.has(candidateCode)) candidateCode = newCandidateCode();
      used.add(candidateCode);
      const candidateId = this.store.candidates.insert(sessionId, candidateCode, c.workstation?.trim() || null);
      if (c.fullName?.trim()) this.store.candidates.insertIdentity(candidateId, c.fullName.trim(), c.fromList);
      if (c.accommodationMinutes && c.accommodationMinutes > 0) {
        this.store.clock.insertExtension({
          sessionId,
          candidateId,
          durationMs: Math.round(c.accommodationMinutes * 60_000),
          kind: 'accommodation',
          reason: c.accommodationReason?.trim() || 'Accommodation set beforehand',
          createdBy,
          createdAt: now,
        });
      }
    }
    for (const p of input.proctorIds ?? []) this.store.sessions.addStaff(sessionId, p, 'proctor');
    for (const p of input.correctorIds ?? []) this.store.sessions.addStaff(sessionId, p, 'corrector');
    this.store.audit.append(
      {
        ...actorFields(input.actor),
        sessionId,
        action: 'session.created',
        detail: { packId: input.pack.id, packDigest: input.pack.digest, formId: input.pack.form?.id ?? null, pilot: Boolean(input.pilot), candidates: input.candidates.length, scheduledAt: input.scheduledAt ?? null, proctorIds: input.proctorIds ?? [], correctorIds: input.correctorIds ?? [] },
      },
      now,
    );
    return sessionId;
  }
}
