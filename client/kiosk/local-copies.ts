// What the workstation keeps of a candidate's answers until the server has acknowledged them: one
// storage key per question of the attempt, holding the latest unacknowledged edit. A copy that has
// diverged from the server (the candidate wrote elsewhere meanwhile) is put aside under another key,
// never sent and never deleted by the kiosk, so a proctor can still recover it by hand.
import { keysWithPrefix, readItem, removeItem, type KeyValueStorage } from '../common/local-store.js';
import { parseSent, type SentRevision } from './sent-revisions.js';
import { clearFallbackKeys, fallbackKeyName } from './fallback-key-store.js';
import { applyTail, tailOf, type TextTail } from './local-tail.js';

/** An edit as kept on the workstation until the server acknowledges it. */
export interface LocalEdit {
  questionId: string;
  revision: number;
  text: string;
  /**
   * The latest revision the server had acknowledged to this workstation when the edit was made.
   * If the server has moved past it since (the candidate wrote on another workstation), the
   * local copy is not a continuation of the server's text and must not overwrite it.
   */
  base: number;
  /** Revisions sent and not yet acknowledged (see sent-revisions.ts); absent when none. */
  sent?: SentRevision[];
}

/** Whose answers: the copies of one candidate of one session never mix with another's. */
export interface AnswerScope {
  sessionCode: string;
  candidateCode: string;
}

export function localKeyPrefix(scope: AnswerScope): string {
  return `lectern.answers.v1.${scope.sessionCode.toUpperCase()}.${scope.candidateCode.toUpperCase()}.`;
}

/**
 * Where the latest edit of a question is kept as its difference from the whole copy under
 * localKeyPrefix (local-tail.ts): one key per question, read only together with that whole copy.
 */
export function tailKeyPrefix(scope: AnswerScope): string {
  return `lectern.answers-tail.v1.${scope.sessionCode.toUpperCase()}.${scope.candidateCode.toUpperCase()}.`;
}

/**
 * A tail is written instead of the whole copy while what differs from the whole copy is at most
 * this long (about five minutes of typing); past it, the whole copy is written again.
 */
export const MAX_TAIL_CHARS = 2000;

/** Where diverged local copies are put aside: never sent, never deleted by the kiosk. */
export function asideKeyPrefix(scope: AnswerScope): string {
  return `lectern.answers-aside.v1.${scope.sessionCode.toUpperCase()}.${scope.candidateCode.toUpperCase()}.`;
}

/**
 * Where the workstation keeps the latest acknowledged text of every answer of the attempt, until
 * the receipt (issue 10, item 1): the second copy that a server restored from an older backup
 * gets back. Cleared at the receipt and when another candidate logs in on this workstation.
 */
export const KEPT_PREFIX = 'lectern.kept.v1.';

export function keptKeyPrefix(scope: AnswerScope): string {
  return `${KEPT_PREFIX}${scope.sessionCode.toUpperCase()}.${scope.candidateCode.toUpperCase()}.`;
}

/**
 * Where the kept copy's latest acknowledged text is written as its difference from the whole kept
 * copy (local-tail.ts), as for the unacknowledged copies: each acknowledgement of a key typed at
 * the end of a long answer wrote the whole answer again, 50,000 characters serialised and stored,
 * the largest part of what an acknowledgement cost a modest PC (issue 13, item 7).
 */
export const KEPT_TAIL_PREFIX = 'lectern.kept-tail.v1.';

export function keptTailKeyPrefix(scope: AnswerScope): string {
  return `${KEPT_TAIL_PREFIX}${scope.sessionCode.toUpperCase()}.${scope.candidateCode.toUpperCase()}.`;
}

/** An acknowledged answer as the workstation keeps it. */
export interface KeptAnswer {
  questionId: string;
  revision: number;
  text: string;
}

/** True when both scopes name the same candidate of the same session (codes are case-blind). */
export function sameScope(a: AnswerScope | null, b: AnswerScope): boolean {
  return (
    a !== null &&
    a.sessionCode.toUpperCase() === b.sessionCode.toUpperCase() &&
    a.candidateCode.toUpperCase() === b.candidateCode.toUpperCase()
  );
}

/** A whole copy as stored: the edit, and the name its tails give it. */
interface StoredCopy {
  edit: LocalEdit;
  copyId: unknown;
}

/** The edit a tail stores: what changed since the whole copy `of`. */
interface StoredTail extends TextTail {
  of: string;
  revision: number;
  base: number;
  sent?: SentRevision[];
}

let copies = 0;
/** A name no other whole copy of this workstation has: a tail of an older copy never applies to a newer one. */
function newCopyId(): string {
  return `${Date.now().toString(36)}.${++copies}`;
}

/** The candidate's unacknowledged edits in the workstation's storage, one key per question. */
export class LocalCopies {
  private readonly prefix: string;
  private readonly tailPrefix: string;
  private readonly asidePrefix: string;

  private readonly keptPrefix: string;
  private readonly keptTailPrefix: string;
  /** The whole kept copies this object wrote, per question: what a kept tail is written against. */
  private readonly keptWholes = new Map<string, { copyId: string; text: string }>();
  /** The whole copies this object wrote, per question, while they are in storage: what a tail is written against. */
  private readonly wholes = new Map<string, { copyId: string; revision: number; text: string }>();

  constructor(
    private readonly storage: KeyValueStorage,
    private readonly scope: AnswerScope,
  ) {
    this.prefix = localKeyPrefix(scope);
    this.tailPrefix = tailKeyPrefix(scope);
    this.asidePrefix = asideKeyPrefix(scope);
    this.keptPrefix = keptKeyPrefix(scope);
    this.keptTailPrefix = keptTailKeyPrefix(scope);
  }

  /**
   * Keeps an acknowledged text (best effort: storage full leaves the previous kept one). Written
   * as a tail of the whole kept copy when it differs little from it, else whole; a tail names the
   * whole copy it belongs to, so a failed write or removal never mixes two copies.
   */
  keep(answer: KeptAnswer): void {
    try {
      const whole = this.keptWholes.get(answer.questionId);
      if (whole) {
        const change = tailOf(whole.text, answer.text);
        if (change.mid.length <= MAX_TAIL_CHARS) {
          this.storage.setItem(this.keptTailPrefix + answer.questionId, JSON.stringify({ of: whole.copyId, revision: answer.revision, ...change }));
          return;
        }
      }
      const copyId = newCopyId();
      this.storage.setItem(this.keptPrefix + answer.questionId, JSON.stringify({ ...answer, copyId }));
      this.keptWholes.set(answer.questionId, { copyId, text: answer.text });
      removeItem(this.storage, this.keptTailPrefix + answer.questionId);
    } catch {
      // Storage full: the unacknowledged copies matter more; the server holds this one.
    }
  }

  kept(): KeptAnswer[] {
    const answers: KeptAnswer[] = [];
    for (const key of keysWithPrefix(this.storage, this.keptPrefix)) {
      const questionId = key.slice(this.keptPrefix.length);
      const value = jsonOf(readItem(this.storage, key)) as (Partial<KeptAnswer> & { copyId?: unknown }) | null;
      if (!value || value.questionId !== questionId || typeof value.text !== 'string' || !Number.isInteger(value.revision) || (value.revision ?? 0) <= 0) {
        continue; // A corrupt kept copy is no copy.
      }
      answers.push(this.withKeptTail({ questionId, revision: value.revision!, text: value.text }, value.copyId));
    }
    return answers;
  }

  /** The kept copy with its tail applied, when the tail is of that copy and not older than it. */
  private withKeptTail(whole: KeptAnswer, copyId: unknown): KeptAnswer {
    const tail = jsonOf(readItem(this.storage, this.keptTailPrefix + whole.questionId)) as (Partial<TextTail> & { of?: unknown; revision?: unknown }) | null;
    if (typeof copyId !== 'string' || tail?.of !== copyId || !Number.isInteger(tail.revision) || (tail.revision as number) < whole.revision) return whole;
    const text = applyTail(whole.text, tail);
    return text === null ? whole : { questionId: whole.questionId, revision: tail.revision as number, text };
  }

  /** The receipt is shown: the server's copy is final. */
  clearKept(): void {
    for (const key of keysWithPrefix(this.storage, this.keptPrefix)) removeItem(this.storage, key);
    for (const key of keysWithPrefix(this.storage, this.keptTailPrefix)) removeItem(this.storage, key);
    this.keptWholes.clear();
    // The fallback file's key goes with the copy it seals (fallback-key-store.ts).
    removeItem(this.storage, fallbackKeyName(this.scope));
  }

  /** Another candidate logs in on this workstation: nobody else's answers stay kept here. */
  clearKeptOfOthers(): void {
    for (const key of keysWithPrefix(this.storage, KEPT_PREFIX)) if (!key.startsWith(this.keptPrefix)) removeItem(this.storage, key);
    for (const key of keysWithPrefix(this.storage, KEPT_TAIL_PREFIX)) if (!key.startsWith(this.keptTailPrefix)) removeItem(this.storage, key);
    clearFallbackKeys(this.storage, fallbackKeyName(this.scope));
  }

  /** Moves a diverged copy out of the way (kept for the proctor to recover by hand). */
  putAside(edit: LocalEdit): void {
    try {
      this.storage.setItem(`${this.asidePrefix}${edit.questionId}.${edit.revision}`, JSON.stringify(edit));
      this.storage.removeItem(this.prefix + edit.questionId);
      this.forget(edit.questionId);
    } catch {
      // Storage full: the copy stays under its own key, where the next merge finds it diverged again.
    }
  }

  /** The copies put aside for `questionId`, oldest first: shown to the candidate and the proctor, never sent. */
  asideOf(questionId: string): LocalEdit[] {
    const edits: LocalEdit[] = [];
    for (const key of keysWithPrefix(this.storage, `${this.asidePrefix}${questionId}.`)) {
      const edit = parseLocalEdit(readItem(this.storage, key), questionId);
      if (edit) edits.push(edit);
    }
    return edits.sort((a, b) => a.revision - b.revision);
  }

  /**
   * Stores `edit` as the copy of its question. Throws if the storage refuses (full, disabled): the
   * caller must know the copy is not there. Written as a tail of the whole copy when it differs
   * little from it; otherwise whole, after which the older tail is removed (a tail left by a
   * failed removal names the older whole copy and is never applied to this one).
   */
  write(edit: LocalEdit): void {
    const whole = this.wholes.get(edit.questionId);
    if (whole && edit.revision >= whole.revision) {
      const change = tailOf(whole.text, edit.text);
      if (change.mid.length <= MAX_TAIL_CHARS) {
        const { revision, base, sent } = edit;
        const stored: StoredTail = { of: whole.copyId, revision, base, ...(sent?.length ? { sent } : {}), ...change };
        this.storage.setItem(this.tailPrefix + edit.questionId, JSON.stringify(stored));
        return;
      }
    }
    const copyId = newCopyId();
    this.storage.setItem(this.prefix + edit.questionId, JSON.stringify({ ...edit, copyId }));
    this.wholes.set(edit.questionId, { copyId, revision: edit.revision, text: edit.text });
    removeItem(this.storage, this.tailPrefix + edit.questionId);
  }

  read(questionId: string): LocalEdit | null {
    return this.withTail(readItem(this.storage, this.prefix + questionId), questionId);
  }

  all(): LocalEdit[] {
    const edits: LocalEdit[] = [];
    for (const key of keysWithPrefix(this.storage, this.prefix)) {
      const edit = this.withTail(readItem(this.storage, key), key.slice(this.prefix.length));
      if (edit) edits.push(edit);
    }
    return edits;
  }

  /** Removes the copy of `questionId` unless it holds a revision newer than `revision`. */
  removeUpTo(questionId: string, revision: number): void {
    // While the candidate types, the tail is newer than any acknowledgement: the whole copy need not be read.
    const tail = this.tailOf(questionId);
    if (Number(tail?.revision) > revision) return;
    const stored = this.withTail(readItem(this.storage, this.prefix + questionId), questionId, tail);
    if (stored && stored.revision > revision) return;
    removeItem(this.storage, this.prefix + questionId);
    this.forget(questionId);
  }

  /** The whole copy of `questionId` is gone: so is its tail, and the next write is whole. */
  private forget(questionId: string): void {
    removeItem(this.storage, this.tailPrefix + questionId);
    this.wholes.delete(questionId);
  }

  private tailOf(questionId: string): Partial<StoredTail> | null {
    return jsonOf(readItem(this.storage, this.tailPrefix + questionId)) as Partial<StoredTail> | null;
  }

  /** The edit stored under `raw` (a whole copy), with its tail applied when the tail is of that copy. */
  private withTail(raw: string | null, questionId: string, tail = this.tailOf(questionId)): LocalEdit | null {
    const whole = parseStoredCopy(raw, questionId);
    if (!whole) return null;
    // A tail counts only for the whole copy it names, and only if it is not older than that copy.
    if (typeof whole.copyId !== 'string' || tail?.of !== whole.copyId || !(Number(tail.revision) >= whole.edit.revision)) return whole.edit;
    return localEditFrom({ ...tail, questionId, text: applyTail(whole.edit.text, tail) ?? undefined }, questionId) ?? whole.edit;
  }
}

/** The value stored as JSON, or null when there is none or it cannot be read. */
function jsonOf(raw: string | null): unknown {
  try {
    return JSON.parse(raw ?? 'null');
  } catch {
    return null;
  }
}

function parseStoredCopy(raw: string | null, questionId: string): StoredCopy | null {
  const value = jsonOf(raw) as (Partial<LocalEdit> & { copyId?: unknown }) | null;
  const edit = localEditFrom(value, questionId);
  return edit && { edit, copyId: value!.copyId };
}

function parseLocalEdit(raw: string | null, questionId: string): LocalEdit | null {
  return localEditFrom(jsonOf(raw) as Partial<LocalEdit> | null, questionId);
}

function localEditFrom(value: Partial<LocalEdit> | null, questionId: string): LocalEdit | null {
  if (value?.questionId !== questionId || typeof value.text !== 'string') return null;
  if (typeof value.revision !== 'number' || !Number.isInteger(value.revision) || value.revision < 1) return null;
  const base = typeof value.base === 'number' && Number.isInteger(value.base) && value.base >= 0 ? value.base : 0;
  const sent = parseSent(value.sent);
  return { questionId, revision: value.revision, text: value.text, base, ...(sent.length > 0 ? { sent } : {}) };
}
