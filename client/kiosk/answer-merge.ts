// After a reload, a reconnect or a restore, the kiosk holds two versions of each answer: the
// server's (durable) and the workstation's local copy (maybe newer). This decides which one the
// candidate sees and which one is sent again.
import type { LocalEdit } from './local-copies.js';
import { isOwnSave, type SentRevision } from './sent-revisions.js';

/** An answer as the server holds it (AttemptView.answers). */
export interface ServerAnswer {
  questionId: string;
  text: string;
  revision: number;
  savedAt: number;
}

export interface MergedAnswer {
  questionId: string;
  /** What the textarea shows. */
  text: string;
  /** The latest revision known on either side. */
  revision: number;
  /** The latest revision the server holds as durable. */
  ackedRevision: number;
  ackedAt: number | null;
  /** The winning local copy's unacknowledged sends, if a local copy won. */
  sent?: SentRevision[];
}

/**
 * A local copy whose revision is higher than the server's wins (its text is shown and resent),
 * provided it continues the server's text: if the server has acknowledged, from elsewhere, a
 * revision newer than the one the copy was based on, the two have diverged; the server's text
 * stays and the copy is put aside. A server revision that is one of the copy's own sends (written,
 * its acknowledgement lost or late) is no divergence. A copy not newer than the server's revision,
 * with another text, was overtaken on another workstation: it is put aside too. A copy whose text
 * the server holds is discarded.
 */
export function mergeAnswers(
  serverAnswers: readonly ServerAnswer[],
  localEdits: readonly LocalEdit[],
): { answers: Map<string, MergedAnswer>; discard: string[]; aside: LocalEdit[] } {
  const answers = new Map<string, MergedAnswer>();
  const servers = new Map(serverAnswers.map((server) => [server.questionId, server]));
  // What the server holds, per question: a copy not newer than it is judged against this text.
  const serverTexts = new Map(serverAnswers.map((server) => [server.questionId, server.text]));
  for (const server of serverAnswers) {
    answers.set(server.questionId, {
      questionId: server.questionId,
      text: server.text,
      revision: server.revision,
      ackedRevision: server.revision,
      ackedAt: server.savedAt,
    });
  }
  const discard: string[] = [];
  const aside: LocalEdit[] = [];
  for (const local of localEdits) {
    const merged = answers.get(local.questionId);
    if (!merged) {
      answers.set(local.questionId, { questionId: local.questionId, text: local.text, revision: local.revision, ackedRevision: 0, ackedAt: null, ...(local.sent ? { sent: local.sent } : {}) });
    } else if (local.revision > merged.revision) {
      if (merged.ackedRevision > local.base && local.text !== merged.text && !isOwnSave(local.sent, servers.get(local.questionId) ?? merged)) {
        aside.push(local);
      } else {
        merged.text = local.text;
        merged.revision = local.revision;
        if (local.sent) merged.sent = local.sent;
      }
    } else if (local.revision > merged.ackedRevision) {
      // Two local edits for one question (memory and storage): the newer one was already taken.
    } else if (local.text !== serverTexts.get(local.questionId)) {
      // The server holds as many revisions as this copy or more (an answer only a copy knew has
      // no acknowledged revision, so it stopped above), and another text: they were written on
      // another workstation (this one's own save of that revision would hold its text, and its
      // later edits would have replaced the copy). The copy diverged, as when a stale save is
      // acknowledged ahead (save-queue.ts): put aside, not lost, whether the other workstation
      // wrote one revision more or happened to stop at the same number.
      aside.push(local);
    } else {
      discard.push(local.questionId);
    }
  }
  return { answers, discard, aside };
}
