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

/** Every candidate's unacknowledged copies start so (localKeyPrefix adds the session and candidate). */
const COPY_PREFIX = 'lectern.answers.v1.';
const COPY_TAIL_PREFIX = 'lectern.answers-tail.v1.';

export function localKeyPrefix(scope: AnswerScope): string {
  return `${COPY_PREFIX}${scope.sessionCode.toUpperCase()}.${scope.candidateCode.toUpperCase()}.`;
}

/**
 * Where the latest edit of a question is kept as its difference from the whole copy under
 * localKeyPrefix (local-tail.ts): one key per question, read only together with that whole copy.
 */
export function tailKeyPrefix(scope: AnswerScope): string {
  return `${COPY_TAIL_PREFIX}${scope.sessionCode.toUpperCase()}.${scope.candidateCode.toUpperCase()}.`;
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

/**
 * A tail as stored, unchecked: what changed since the whole copy `of`, and the fields of its kind
 * of copy. `settled`: the copy is acknowledged (TailedKeys.settle), nothing of it is to be sent.
 */
type StoredTail = Partial<TextTail> & { of?: unknown; revision?: unknown; base?: unknown; sent?: unknown; settled?: unknown };

let copies = 0;
/** A name no other whole copy of this workstation has: a tail of an older copy never applies to a newer one. */
function newCopyId(): string {
  return `${Date.now().toString(36)}.${++copies}`;
}

/**
 * One kind of copy in the workstation's storage, one per question: a whole copy under `prefix`,
 * and beside it under `tailPrefix` its latest change as a tail of that whole copy (local-tail.ts).
 * The unacknowledged copies and the kept ones are both written so.
 */
class TailedKeys {
  /** The whole copies this object wrote, per question, while they are in storage: what a tail is written against. */
  private readonly wholes = new Map<string, { copyId: string; revision: number; text: string }>();

  constructor(
    private readonly storage: KeyValueStorage,
    readonly prefix: string,
    readonly tailPrefix: string,
  ) {}

  /**
   * Stores `value` as the copy of `questionId`. Throws if the storage refuses. Written as a tail of
   * the whole copy (with `tailFields`) when it differs little from it and is not older; otherwise
   * whole, after which the older tail is removed (a tail left by a failed removal names the older
   * whole copy and is never applied to this one).
   */
  write(questionId: string, value: { revision: number; text: string }, tailFields: object = {}): void {
    const whole = this.wholes.get(questionId);
    if (whole && value.revision >= whole.revision) {
      const change = tailOf(whole.text, value.text);
      if (change.mid.length <= MAX_TAIL_CHARS) {
        this.storage.setItem(this.tailPrefix + questionId, JSON.stringify({ of: whole.copyId, revision: value.revision, ...tailFields, ...change }));
        return;
      }
    }
    const copyId = newCopyId();
    this.storage.setItem(this.prefix + questionId, JSON.stringify({ ...value, copyId }));
    this.wholes.set(questionId, { copyId, revision: value.revision, text: value.text });
    removeItem(this.storage, this.tailPrefix + questionId);
  }

  tail(questionId: string): StoredTail | null {
    return jsonOf(readItem(this.storage, this.tailPrefix + questionId)) as StoredTail | null;
  }

  /**
   * The server acknowledged `upTo`: marks the copy of `questionId` acknowledged instead of removing
   * it. Its tail becomes a mark that reads as "nothing to send", and the whole copy stays, so that
   * the next key is written as a tail of it. Removing it cost a modest PC a long frame twice:
   * reading the whole copy back when an acknowledgement covered everything typed (a pause in the
   * typing), then writing it whole again at the next key (issue 13, item 7). The mark holds the
   * whole copy's own text and revision, so it never makes an older text pass for a newer one.
   *
   * Only for a whole copy this object wrote, whose revision it knows without reading it back, and
   * whose tail (if any) the caller found no newer than `upTo`. True when done (or when the whole
   * copy itself is newer: it stays as it is); false when this object wrote no whole copy of it or
   * the storage refused the mark.
   */
  settle(questionId: string, upTo: number): boolean {
    const whole = this.wholes.get(questionId);
    if (!whole) return false;
    if (whole.revision > upTo) return true;
    try {
      this.storage.setItem(this.tailPrefix + questionId, JSON.stringify({ of: whole.copyId, revision: whole.revision, head: whole.text.length, tail: 0, mid: '', settled: true }));
    } catch {
      return false;
    }
    return true;
  }

  /** The whole copy of `questionId` is gone: so is its tail, and the next write is whole. */
  forget(questionId: string): void {
    removeItem(this.storage, this.tailPrefix + questionId);
    this.wholes.delete(questionId);
  }

  /** Removes every copy of this kind, wholes and tails. */
  clear(): void {
    for (const key of keysWithPrefix(this.storage, this.prefix)) removeItem(this.storage, key);
    for (const key of keysWithPrefix(this.storage, this.tailPrefix)) removeItem(this.storage, key);
    this.wholes.clear();
  }
}

/**
 * The text of a whole copy with its tail applied, or null when the tail does not count: it counts
 * only for the whole copy it names, and only if it is not older than that copy.
 */
function textWithTail(whole: { revision: number; text: string }, copyId: unknown, tail: StoredTail | null): string | null {
  if (typeof copyId !== 'string' || tail?.of !== copyId || !Number.isInteger(tail.revision) || (tail.revision as number) < whole.revision) return null;
  return applyTail(whole.text, tail);
}

/** The candidate's unacknowledged edits in the workstation's storage, one key per question. */
export class LocalCopies {
  private readonly asidePrefix: string;
  /** The unacknowledged copies. */
  private readonly copies: TailedKeys;
  /** The second copy: the latest acknowledged text of each answer. */
  private readonly keptCopies: TailedKeys;

  constructor(
    private readonly storage: KeyValueStorage,
    private readonly scope: AnswerScope,
  ) {
    this.copies = new TailedKeys(storage, localKeyPrefix(scope), tailKeyPrefix(scope));
    this.keptCopies = new TailedKeys(storage, keptKeyPrefix(scope), keptTailKeyPrefix(scope));
    this.asidePrefix = asideKeyPrefix(scope);
  }

  /** Keeps an acknowledged text (best effort: storage full leaves the previous kept one). */
  keep(answer: KeptAnswer): void {
    try {
      this.keptCopies.write(answer.questionId, answer);
    } catch {
      // Storage full: the unacknowledged copies matter more; the server holds this one.
    }
  }

  kept(): KeptAnswer[] {
    const answers: KeptAnswer[] = [];
    const { prefix } = this.keptCopies;
    for (const key of keysWithPrefix(this.storage, prefix)) {
      const questionId = key.slice(prefix.length);
      const value = jsonOf(readItem(this.storage, key)) as (Partial<KeptAnswer> & { copyId?: unknown }) | null;
      if (!value || value.questionId !== questionId || typeof value.text !== 'string' || !Number.isInteger(value.revision) || (value.revision ?? 0) <= 0) {
        continue; // A corrupt kept copy is no copy.
      }
      const whole = { questionId, revision: value.revision!, text: value.text };
      const tail = this.keptCopies.tail(questionId);
      const text = textWithTail(whole, value.copyId, tail);
      answers.push(text === null ? whole : { questionId, revision: tail!.revision as number, text });
    }
    return answers;
  }

  /** The receipt is shown: the server's copy is final. */
  clearKept(): void {
    this.keptCopies.clear();
    // The settled copies hold acknowledged text too: they go with the kept ones.
    this.removeSettled((key) => key.startsWith(this.copies.prefix));
    // The fallback file's key goes with the copy it seals (fallback-key-store.ts).
    removeItem(this.storage, fallbackKeyName(this.scope));
  }

  /** Another candidate logs in on this workstation: nobody else's answers stay kept here. */
  clearKeptOfOthers(): void {
    for (const key of keysWithPrefix(this.storage, KEPT_PREFIX)) if (!key.startsWith(this.keptCopies.prefix)) removeItem(this.storage, key);
    for (const key of keysWithPrefix(this.storage, KEPT_TAIL_PREFIX)) if (!key.startsWith(this.keptCopies.tailPrefix)) removeItem(this.storage, key);
    this.removeSettled((key) => !key.startsWith(this.copies.prefix));
    clearFallbackKeys(this.storage, fallbackKeyName(this.scope));
  }

  /** Moves a diverged copy out of the way (kept for the proctor to recover by hand). */
  putAside(edit: LocalEdit): void {
    try {
      this.storage.setItem(`${this.asidePrefix}${edit.questionId}.${edit.revision}`, JSON.stringify(edit));
      this.storage.removeItem(this.copies.prefix + edit.questionId);
      this.copies.forget(edit.questionId);
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
   * Stores `edit` as the copy of its question, whole or as a tail (TailedKeys.write). Throws if the
   * storage refuses (full, disabled): the caller must know the copy is not there.
   */
  write(edit: LocalEdit): void {
    const { base, sent } = edit;
    this.copies.write(edit.questionId, edit, { base, ...(sent?.length ? { sent } : {}) });
  }

  read(questionId: string): LocalEdit | null {
    return this.withTail(readItem(this.storage, this.copies.prefix + questionId), questionId);
  }

  all(): LocalEdit[] {
    const edits: LocalEdit[] = [];
    const { prefix } = this.copies;
    for (const key of keysWithPrefix(this.storage, prefix)) {
      const edit = this.withTail(readItem(this.storage, key), key.slice(prefix.length));
      if (edit) edits.push(edit);
    }
    return edits;
  }

  /**
   * The server acknowledged `revision` of `questionId`: unless the copy holds a newer one (the
   * candidate typed on), it is marked acknowledged (TailedKeys.settle), or removed where it cannot
   * be (a copy of an earlier page, or storage full).
   */
  settleUpTo(questionId: string, revision: number): void {
    const tail = this.copies.tail(questionId);
    if (Number(tail?.revision) > revision) return;
    if (!this.copies.settle(questionId, revision)) this.removeUpTo(questionId, revision, tail);
  }

  /** Removes the copy of `questionId` unless it holds a revision newer than `revision`. */
  removeUpTo(questionId: string, revision: number, tail = this.copies.tail(questionId)): void {
    // While the candidate types, the tail is newer than any acknowledgement: the whole copy need not be read.
    if (Number(tail?.revision) > revision) return;
    const stored = this.withTail(readItem(this.storage, this.copies.prefix + questionId), questionId, tail);
    if (stored && stored.revision > revision) return;
    removeItem(this.storage, this.copies.prefix + questionId);
    this.copies.forget(questionId);
  }

  /** The edit stored under `raw` (a whole copy), with its tail applied when the tail is of that copy. */
  private withTail(raw: string | null, questionId: string, tail = this.copies.tail(questionId)): LocalEdit | null {
    const whole = parseStoredCopy(raw, questionId);
    if (!whole) return null;
    const text = textWithTail(whole.edit, whole.copyId, tail);
    // Acknowledged: the whole copy is there only for the next key's tail, nothing is to be sent.
    if (text !== null && tail!.settled === true) return null;
    // A tail that does not count gives no text, which localEditFrom refuses: the whole copy then stands.
    return localEditFrom({ ...(tail as Partial<LocalEdit>), questionId, text: text ?? undefined }, questionId) ?? whole.edit;
  }

  /** Removes the settled copies (and their marks) whose whole copy's key passes `which`, of any candidate. */
  private removeSettled(which: (key: string) => boolean): void {
    for (const key of keysWithPrefix(this.storage, COPY_PREFIX)) {
      if (!which(key)) continue;
      const tailKey = COPY_TAIL_PREFIX + key.slice(COPY_PREFIX.length);
      const tail = jsonOf(readItem(this.storage, tailKey)) as StoredTail | null;
      if (tail?.settled !== true || tail.of !== (jsonOf(readItem(this.storage, key)) as { copyId?: unknown } | null)?.copyId) continue;
      removeItem(this.storage, key);
      removeItem(this.storage, tailKey);
      if (key.startsWith(this.copies.prefix)) this.copies.forget(key.slice(this.copies.prefix.length));
    }
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
