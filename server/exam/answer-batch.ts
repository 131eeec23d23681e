// What the event loop and the answer writer (a worker thread) say to each other: a batch of
// saves goes to the writer, their outcomes come back once the batch's transaction has committed.
import type { RevisionVerdict } from './revision.js';

export interface IncomingSave {
  candidateId: number;
  questionId: string;
  revision: number;
  text: string;
  receivedAt: number;
  /** Decided by the caller from the timing rules: a late save is kept apart, not applied. */
  late: boolean;
}

export type SaveOutcome =
  | { kind: 'stored'; verdict: Exclude<RevisionVerdict, 'conflict'>; revision: number; savedAt: number; words: number }
  | { kind: 'conflict'; storedRevision: number }
  /**
   * Kept in late_saves, not applied. `submitted`: the caller thought the candidate was still
   * writing, but their submission committed first (the receipt is final), so the save came too late.
   */
  | { kind: 'kept-late'; submitted?: true };

export type WriterRequest = { batch: IncomingSave[] };
export type WriterReply = { outcomes: SaveOutcome[] } | { error: string };

/** What the writer needs to open the same database as the server. */
export interface WriterData {
  file: string;
}
