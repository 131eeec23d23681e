import type { LecternDb } from '../db/open-database.js';
import { judgeRevision, type RevisionVerdict } from './revision.js';

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
  | { kind: 'kept-late' };

interface Pending {
  save: IncomingSave;
  resolve: (o: SaveOutcome) => void;
  reject: (e: unknown) => void;
}

/**
 * Writes answers durably and acknowledges only after the commit. Saves that arrive in the same
 * turn of the event loop are written in one transaction (group commit): with synchronous=FULL
 * each commit costs an fsync, so one commit for many saves is what lets one server hold a
 * whole centre. A save's promise resolves only once its transaction has committed.
 */
export class AnswerStore {
  private queue: Pending[] = [];
  private scheduled = false;
  private readonly select;
  private readonly upsertNewer;
  private readonly insertLate;
  private readonly writeBatch;

  constructor(db: LecternDb) {
    const c = db.$client;
    this.select = c.prepare('SELECT revision, text, saved_at AS savedAt, word_count AS words FROM answers WHERE candidate_id = ? AND question_id = ?');
    // Writes only a newer revision (the revision rule in SQL): the common case, a kiosk's next
    // revision, is one statement, and the stored text is read back only when nothing was written.
    this.upsertNewer = c.prepare(
      `INSERT INTO answers (candidate_id, question_id, text, revision, word_count, saved_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (candidate_id, question_id) DO UPDATE SET text = excluded.text, revision = excluded.revision,
         word_count = excluded.word_count, saved_at = excluded.saved_at
       WHERE excluded.revision > answers.revision`,
    );
    this.insertLate = c.prepare('INSERT INTO late_saves (candidate_id, question_id, revision, text, received_at) VALUES (?, ?, ?, ?, ?)');
    this.writeBatch = c.transaction((batch: Pending[]) => batch.map((p) => this.applyOne(p.save)));
  }

  save(save: IncomingSave): Promise<SaveOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ save, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Writes everything queued now. Also called on shutdown so nothing received is dropped. */
  flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    let outcomes: SaveOutcome[];
    try {
      outcomes = this.writeBatch(batch);
    } catch (err) {
      // Nothing of the batch is durable: every save is refused and the kiosks keep and resend them.
      for (const p of batch) p.reject(err);
      return;
    }
    batch.forEach((p, i) => p.resolve(outcomes[i]!));
  }

  private applyOne(s: IncomingSave): SaveOutcome {
    if (s.late) {
      this.insertLate.run(s.candidateId, s.questionId, s.revision, s.text, s.receivedAt);
      return { kind: 'kept-late' };
    }
    const words = countAnswerWords(s.text);
    if (this.upsertNewer.run(s.candidateId, s.questionId, s.text, s.revision, words, s.receivedAt).changes > 0) {
      // No stored answer, or an older revision: judgeRevision's 'apply'.
      return { kind: 'stored', verdict: 'apply', revision: s.revision, savedAt: s.receivedAt, words };
    }
    // Nothing written: the stored revision is the same or newer. The rule says which.
    const stored = this.select.get(s.candidateId, s.questionId) as { revision: number; text: string; savedAt: number; words: number } | undefined;
    const verdict = judgeRevision(stored, s);
    switch (verdict) {
      case 'apply':
        // Cannot happen (the statement above wrote nothing because a revision >= this one is stored).
        throw new Error(`revision rule: ${s.questionId} revision ${s.revision} was neither written nor older`);
      case 'duplicate':
      case 'stale':
        return { kind: 'stored', verdict, revision: stored!.revision, savedAt: stored!.savedAt, words: stored!.words };
      case 'conflict':
        // Two kiosks wrote the same revision differently: the first stays, the second is kept aside.
        this.insertLate.run(s.candidateId, s.questionId, s.revision, s.text, s.receivedAt);
        return { kind: 'conflict', storedRevision: stored!.revision };
    }
  }
}

// The word count of every save, on the hot path: revision.ts `countWords` as a scanner. Same
// rule (a word starts with a letter or a digit and runs on through letters, digits and
// ' ’ - _ . / :), without the regex's array of every word: `match()` took about 60 µs for a
// 2.5 KB answer, this about 5 µs. test/server/load/word-count.test.ts holds the two equal.
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const WORD = 1;
const JOINER = 2;
const asciiKind = new Uint8Array(128);
for (let c = 0; c < 128; c++) if (LETTER_OR_DIGIT.test(String.fromCharCode(c))) asciiKind[c] = WORD;
for (const joiner of "'-_./:") asciiKind[joiner.charCodeAt(0)] = JOINER;
/** Accented letters and the like, classified once (at most the 63,488 BMP code points). */
const bmpKind = new Map<number, number>();

export function countAnswerWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let kind: number;
    if (c < 128) kind = asciiKind[c]!;
    else if (c === 0x2019) kind = JOINER;
    else if (c < 0xd800 || c > 0xdfff) {
      let known = bmpKind.get(c);
      if (known === undefined) {
        known = LETTER_OR_DIGIT.test(text[i]!) ? WORD : 0;
        if (bmpKind.size < 65_536) bmpKind.set(c, known);
      }
      kind = known;
    } else {
      // One code point, as the regex's `u` flag reads it: a surrogate pair is one character.
      let ch = text[i]!;
      if (c <= 0xdbff && i + 1 < text.length) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) ch = text.slice(i, ++i + 1);
      }
      kind = LETTER_OR_DIGIT.test(ch) ? WORD : 0;
    }
    if (kind === WORD) {
      if (!inWord) {
        count++;
        inWord = true;
      }
    } else if (kind !== JOINER) inWord = false;
    // A joiner goes on with a word and never starts one.
  }
  return count;
}
