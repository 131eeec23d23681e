// What the save queue does when it opens (or reopens after a reconnect, a reload, a refresh) on the
// server's answers: the workstation's copies and the unacknowledged edits in memory are merged with
// what the server holds (answer-merge.ts), copies that diverged from a newer server text are put
// aside, and an answer the server holds less of than this workstation saw acknowledged (a server
// restored from an older backup) is taken up again to be resent. Split out of save-queue.ts (issue
// 9): the queue keeps the edits and the sending, this module the reconciliation on opening.
import { mergeAnswers, type ServerAnswer } from './answer-merge.js';
import type { LocalCopies, LocalEdit } from './local-copies.js';
import { forgetSend, mergedRecord, newAnswerRecord, unacknowledgedEdits, type AnswerRecord } from './save-state.js';

export interface RecoveredAnswer {
  questionId: string;
  revision: number;
  length: number;
}

export interface ReconcileOptions {
  /** The queue's records, updated in place. */
  records: Map<string, AnswerRecord>;
  local: LocalCopies | null;
  /** Writes a record's copy to the workstation's storage (the queue notes a failure). */
  writeLocal: (record: AnswerRecord) => void;
  onRecovered?: (recovered: RecoveredAnswer) => void;
}

export interface Reconciled {
  /** The text to show per question. */
  texts: Map<string, string>;
  /** How many diverged copies were put aside. */
  putAside: number;
}

/**
 * Merges the server's answers with the workstation's copies and the memory's unacknowledged edits:
 * local copies newer than the server's answers win (they are resent by the queue).
 */
export function reconcileOnOpen(serverAnswers: readonly ServerAnswer[], options: ReconcileOptions): Reconciled {
  const { records, local } = options;
  const localEdits = distinctEdits([...(local?.all() ?? []), ...unacknowledgedEdits(records.values())]);
  const { answers, discard, aside } = mergeAnswers(serverAnswers, localEdits);
  for (const questionId of discard) local?.removeUpTo(questionId, answers.get(questionId)?.ackedRevision ?? 0);
  for (const edit of aside) local?.putAside(edit);

  const texts = new Map<string, string>();
  for (const merged of answers.values()) {
    const record = mergedRecord(merged, records.get(merged.questionId));
    records.set(merged.questionId, record);
    texts.set(merged.questionId, record.text);
  }
  for (const record of recoverWhatTheServerLost(serverAnswers, options)) texts.set(record.questionId, record.text);
  return { texts, putAside: aside.length };
}

/** A read-only tab shows what the server holds, and only that: its "saved" is then true. */
export function readOnlyRecords(records: Map<string, AnswerRecord>, serverAnswers: readonly ServerAnswer[]): Map<string, string> {
  const texts = new Map<string, string>();
  records.clear();
  for (const answer of serverAnswers) {
    records.set(answer.questionId, { ...newAnswerRecord(answer.questionId), text: answer.text, revision: answer.revision, ackedRevision: answer.revision, ackedAt: answer.savedAt, base: answer.revision });
    texts.set(answer.questionId, answer.text);
  }
  return texts;
}

/**
 * Where the server holds an older revision than this workstation saw acknowledged (kept copy or
 * memory), the server lost it: the newest text this workstation has goes again, above the
 * server's revision, so the revision rule takes it. Returns the records sent again.
 */
function recoverWhatTheServerLost(serverAnswers: readonly ServerAnswer[], options: ReconcileOptions): AnswerRecord[] {
  const { records, local } = options;
  const server = new Map(serverAnswers.map((answer) => [answer.questionId, answer]));
  const kept = new Map((local?.kept() ?? []).map((copy) => [copy.questionId, copy]));
  const questionIds = new Set([...kept.keys(), ...records.keys()]);
  const recovered: AnswerRecord[] = [];
  for (const questionId of questionIds) {
    const held = server.get(questionId);
    const serverRevision = held?.revision ?? 0;
    const copy = kept.get(questionId);
    const record = records.get(questionId) ?? newAnswerRecord(questionId);
    if (serverRevision >= Math.max(record.ackedRevision, copy?.revision ?? 0)) continue;
    if (copy && record.revision < copy.revision) {
      record.text = copy.text;
      record.revision = copy.revision;
    }
    record.ackedRevision = serverRevision;
    record.ackedAt = held?.savedAt ?? null;
    record.base = serverRevision;
    record.behindServer = false;
    forgetSend(record);
    records.set(questionId, record);
    options.writeLocal(record);
    recovered.push(record);
    options.onRecovered?.({ questionId, revision: record.revision, length: record.text.length });
  }
  return recovered;
}

/**
 * The storage's copy and the memory's copy of one edit count once (a diverged one is put aside
 * once): the one that remembers more of its sends, and on a tie the later one, the memory's
 * (`edits` lists the storage's first): it is never older, while the storage's may have missed a
 * write (full), and both lists are capped, so equal lengths can hold different sends.
 */
function distinctEdits(edits: readonly LocalEdit[]): LocalEdit[] {
  const seen = new Map<string, LocalEdit>();
  for (const edit of edits) {
    const key = `${edit.questionId}\u0000${edit.revision}`;
    const known = seen.get(key);
    seen.set(key, known && (known.sent?.length ?? 0) > (edit.sent?.length ?? 0) ? known : edit);
  }
  return [...seen.values()];
}
