// Handing in: the candidate's submission, the server's at the deadline, and the receipt.
import { createHash } from 'node:crypto';
import type { Receipt } from '../contract/kiosk-protocol.js';
import type { StoredAnswer } from './answers.repo.js';
import type { CandidateRow } from './candidates.repo.js';
import type { ExamClocks } from './clocks.js';
import type { ExamStore } from './exam-store.js';
import { deadlineAt, SAVE_GRACE_MS } from './timing.js';

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

  /** Candidates whose deadline and grace have passed: submitted by the server. Called every second. */
  submitOverdue(now = Date.now()): { candidateId: number; sessionId: number; receipt: Receipt }[] {
    const done: { candidateId: number; sessionId: number; receipt: Receipt }[] = [];
    for (const s of this.store.sessions.running()) {
      // Extra time and pauses only push a deadline back: until the session's own end plus the
      // grace, nobody in it can be overdue, and the sweep reads nothing per candidate. (With
      // thousands of candidates, reading each one's timing every second stalled the saves.)
      if (s.startedAt === null || now <= s.startedAt + s.durationMs + SAVE_GRACE_MS) continue;
      for (const id of this.store.candidates.writingIds(s.id)) {
        const deadline = deadlineAt(this.clocks.timing(s, id), now);
        if (deadline !== null && now > deadline + SAVE_GRACE_MS) {
          done.push({ candidateId: id, sessionId: s.id, receipt: this.submit(id, 'deadline', now).receipt });
        }
      }
    }
    return done;
  }

  /** Inside the caller's `write`: the answers read, digested and sealed in one transaction. */
  submitInTransaction(candidateId: number, kind: Receipt['kind'], now: number): Receipt {
    const c = this.store.candidates.byId(candidateId)!;
    const answers = this.answers(candidateId);
    const digest = createHash('sha256');
    for (const a of answers) digest.update(`${a.questionId}\u001f${a.revision}\u001f${a.text}\u001e`);
    const hex = digest.digest('hex');
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
