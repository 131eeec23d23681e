// The receipt's digest: what a candidate can quote to prove which script they handed in.
import { createHash } from 'node:crypto';

export interface DigestedAnswer {
  questionId: string;
  revision: number;
  text: string;
}

/** Who handed in, and when: what makes an empty script's digest its own. */
export interface SubmittedAttempt {
  sessionId: number;
  candidateCode: string;
  submittedAt: number;
}

/** A script with no written word: no answer saved, or only blank ones. */
export function isEmptyScript(answers: readonly DigestedAnswer[]): boolean {
  return answers.every((a) => a.text.trim() === '');
}

/**
 * A script with answers: SHA-256 of each answer (question, revision, text), as since the first
 * receipt, so that every digest already handed out keeps its meaning. An empty script has no
 * text to digest: hashing nothing gave every empty script the same well-known digest (SHA-256 of
 * the empty string), which proves nothing. Its digest binds the attempt instead (session,
 * candidate, submission time), behind a label no answer can start with, so two empty receipts
 * never share one and none equals a script's.
 */
export function receiptDigest(answers: readonly DigestedAnswer[], attempt: SubmittedAttempt): string {
  const digest = createHash('sha256');
  if (isEmptyScript(answers)) {
    digest.update(`lectern-empty-script\u001d${attempt.sessionId}\u001f${attempt.candidateCode}\u001f${attempt.submittedAt}\u001e`);
    for (const a of answers) digest.update(`${a.questionId}\u001f${a.revision}\u001f${a.text}\u001e`);
  } else {
    for (const a of answers) digest.update(`${a.questionId}\u001f${a.revision}\u001f${a.text}\u001e`);
  }
  return digest.digest('hex');
}
