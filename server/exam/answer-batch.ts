// What the event loop and the answer writer (a worker thread) say to each other: a batch of
// saves goes to the writer, their outcomes come back once the batch's transaction has committed.
import type { RevisionVerdict } from '../contract/rules/revision.js';

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

/**
 * A batch travels to the writer as one flat array, six values a save: postMessage clones an
 * object per save key by key, and at thousands of saves a second that cloning showed in the
 * event loop's profile (6 %); a flat array of strings and numbers clones for much less.
 */
export type WriterRequest = { batch: (string | number | boolean)[] };
const FIELDS = 6;

export function packBatch(saves: IncomingSave[]): WriterRequest['batch'] {
  const flat: WriterRequest['batch'] = new Array<WriterRequest['batch'][number]>(saves.length * FIELDS);
  let i = 0;
  for (const s of saves) {
    flat[i++] = s.candidateId;
    flat[i++] = s.questionId;
    flat[i++] = s.revision;
    flat[i++] = s.text;
    flat[i++] = s.receivedAt;
    flat[i++] = s.late;
  }
  return flat;
}

export function unpackBatch(flat: WriterRequest['batch']): IncomingSave[] {
  const saves: IncomingSave[] = [];
  for (let i = 0; i < flat.length; i += FIELDS) {
    saves.push({
      candidateId: flat[i] as number,
      questionId: flat[i + 1] as string,
      revision: flat[i + 2] as number,
      text: flat[i + 3] as string,
      receivedAt: flat[i + 4] as number,
      late: flat[i + 5] as boolean,
    });
  }
  return saves;
}
export type WriterReply = { outcomes: SaveOutcome[] } | { error: string };

/** What the writer needs to open the same database as the server. */
export interface WriterData {
  file: string;
}
