// Handing in: the candidate's submission, the server's at the deadline, and the receipt.
import type { Receipt } from '../contract/kiosk-protocol.js';
import type { StoredAnswer } from './answers.repo.js';
import type { CandidateRow } from './candidates.repo.js';
import type { ExamClocks } from './clocks.js';
import type { ExamStore } from './exam-store.js';
import { receiptDigest } from './receipt-digest.js';
import { deadlineAt, SAVE_GRACE_MS } from './timing.js';

export interface OverdueSubmission {
  candidateId: number;
  sessionId: number;
  receipt: Receipt;
}

export class ExamSubmission {
  constructor(
    private readonly store: ExamStore,
    private readonly clocks: ExamClocks,
  ) {}

  answers(candidateId: number): StoredAnswer[] {
    return this.store.answers.ofCandidate(candidateId);
  }

  /** Submits once; a second call returns the first receipt with `already: true`. */
  submit(candidateId: number, kind: Receipt['kind'], now = Date.now()): { receipt: Receipt; already: boolean } {
    const existing = this.store.candidates.byId(candidateId)!;
    if (existing.submittedAt !== null) return { receipt: this.receipt(existing)!, already: true };
    const receipt = this.store.write(() => this.submitInTransaction(candidateId, kind, now))();
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

  /** Candidates whose deadline and grace have passed: submitted by the server (see sweepOverdue). */
  submitOverdue(now = Date.now()): OverdueSubmission[] {
    return this.sweepOverdue(now).submitted;
  }

  /**
   * Called every second. Candidates whose deadline and grace have passed are submitted by the
   * server, except those who never came (no login, no save, the notice unread): they are absent,
   * with no submission and no receipt (absent is absent).
   */
  sweepOverdue(now = Date.now()): { submitted: OverdueSubmission[]; absent: { candidateId: number; sessionId: number }[] } {
    const submitted: OverdueSubmission[] = [];
    const absent: { candidateId: number; sessionId: number }[] = [];
    for (const s of this.store.sessions.running()) {
      // Extra time and pauses only push a deadline back: until the session's own end plus the
      // grace, nobody in it can be overdue, and the sweep reads nothing per candidate. (With
      // thousands of candidates, reading each one's timing every second stalled the saves.)
      if (s.startedAt === null || now <= s.startedAt + s.durationMs + SAVE_GRACE_MS) continue;
      const neverCame = new Set(this.store.candidates.neverCameIds(s.id));
      for (const id of this.store.candidates.writingIds(s.id)) {
        const deadline = deadlineAt(this.clocks.timing(s, id), now);
        if (deadline === null || now <= deadline + SAVE_GRACE_MS) continue;
        if (neverCame.has(id)) {
          this.store.write(() => this.markAbsentInTransaction(s.id, [id], now))();
          absent.push({ candidateId: id, sessionId: s.id });
        } else submitted.push({ candidateId: id, sessionId: s.id, receipt: this.submit(id, 'deadline', now).receipt });
      }
    }
    return { submitted, absent };
  }

  /** Inside the caller's `write`: these candidates never came; they are absent, by the system, with one audit row each. */
  markAbsentInTransaction(sessionId: number, candidateIds: readonly number[], now: number): void {
    for (const candidateId of candidateIds) {
      this.store.candidates.setAbsent(candidateId, now);
      this.store.audit.append({ actorKind: 'system', actorId: null, sessionId, action: 'candidate.absent-never-came', detail: { candidateId } }, now);
    }
  }

  /** Inside the caller's `write`: the answers read, digested and sealed in one transaction. */
  submitInTransaction(candidateId: number, kind: Receipt['kind'], now: number): Receipt {
    const c = this.store.candidates.byId(candidateId)!;
    const answers = this.answers(candidateId);
    const hex = receiptDigest(answers, { sessionId: c.sessionId, candidateCode: c.code, submittedAt: now });
    this.store.candidates.markSubmitted(candidateId, now, kind, hex);
    this.store.audit.append(
      {
        actorKind: kind === 'candidate' ? 'candidate' : 'system',
        actorId: kind === 'candidate' ? candidateId : null,
        sessionId: c.sessionId,
        action: 'candidate.submitted',
        detail: { candidateId, kind, digest: hex },
      },
      now,
    );
    return { submittedAt: now, kind, digest: hex, answers: answers.map((a) => ({ questionId: a.questionId, revision: a.revision, words: a.words })) };
  }
}
