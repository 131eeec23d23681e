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
 * A batch as it travels to the writer. The texts, most of a batch's bytes, go as UTF-8 in one
 * ArrayBuffer that postMessage transfers instead of copying; the rest is a flat array, five
 * values a save (postMessage clones an object per save key by key, and at thousands of saves a
 * second that cloning showed in the event loop's profile).
 */
export interface WriterRequest {
  /** candidateId, questionId, revision, receivedAt, late (1 or 0), then the next save's. */
  fields: (string | number)[];
  /** Where each save's text ends in `texts` (it starts where the previous one ends). */
  ends: number[];
  texts: ArrayBuffer;
}
const FIELDS = 5;
const FIRST_CAPACITY = 16 * 1024;

/**
 * Gathers the saves of the next batch on the event loop's side. Each text is written into the
 * batch's buffer as soon as the save arrives, so the event loop does not keep the candidate's
 * text alive while the previous batch commits: the string dies young, in V8's young generation,
 * instead of being copied by its collections and promoted (measured in docs/performance.md).
 */
export class BatchPacker {
  private fields: (string | number)[] = [];
  private ends: number[] = [];
  private bytes = Buffer.from(new ArrayBuffer(FIRST_CAPACITY));
  private used = 0;

  add(save: IncomingSave): void {
    // At most 3 UTF-8 bytes per UTF-16 unit (a surrogate pair, 2 units, is 4 bytes).
    this.reserve(save.text.length * 3);
    this.used += this.bytes.write(save.text, this.used, 'utf8');
    this.ends.push(this.used);
    this.fields.push(save.candidateId, save.questionId, save.revision, save.receivedAt, save.late ? 1 : 0);
  }

  /** The gathered batch, handed over (its buffer is the caller's to transfer); the packer starts anew. */
  take(): WriterRequest {
    const request: WriterRequest = { fields: this.fields, ends: this.ends, texts: this.bytes.buffer };
    this.fields = [];
    this.ends = [];
    this.bytes = Buffer.from(new ArrayBuffer(FIRST_CAPACITY));
    this.used = 0;
    return request;
  }

  private reserve(more: number): void {
    if (this.used + more <= this.bytes.length) return;
    let capacity = this.bytes.length * 2;
    while (capacity < this.used + more) capacity *= 2;
    const bigger = Buffer.from(new ArrayBuffer(capacity));
    this.bytes.copy(bigger, 0, 0, this.used);
    this.bytes = bigger;
  }
}

/** The writer's side: the batch's saves, texts decoded. */
export function unpackBatch({ fields, ends, texts }: WriterRequest): IncomingSave[] {
  const bytes = Buffer.from(texts);
  const saves: IncomingSave[] = [];
  let start = 0;
  for (let i = 0; i < ends.length; i++) {
    const f = i * FIELDS;
    saves.push({
      candidateId: fields[f] as number,
      questionId: fields[f + 1] as string,
      revision: fields[f + 2] as number,
      text: bytes.toString('utf8', start, ends[i]),
      receivedAt: fields[f + 3] as number,
      late: fields[f + 4] === 1,
    });
    start = ends[i]!;
  }
  return saves;
}

export type WriterReply = { outcomes: SaveOutcome[] } | { error: string };

/** What the writer needs to open the same database as the server. */
export interface WriterData {
  file: string;
}
