// The answer writer: a worker thread with its own connection to the server's SQLite file, which
// writes each batch of saves in one transaction. With synchronous=FULL a commit waits for the
// disk (and, every few megabytes, for a WAL checkpoint), a wait of 1 to 20 ms that would stop
// the event loop for every kiosk; here only this thread waits, and the event loop goes on
// reading, checking and acknowledging while the next batch gathers.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { judgeRevision } from '../contract/rules/revision.js';
import { countAnswerWords } from '../contract/rules/word-count.js';
import { CommitPacer } from './commit-pacing.js';
import { unpackBatch, type IncomingSave, type SaveOutcome, type WriterData, type WriterReply, type WriterRequest } from './answer-batch.js';

const { file } = workerData as WriterData;
const db = new Database(file);
// The same pragmas as the server's own connection (server/db/open-database.ts); they are per connection.
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');
// Checkpoints are the checkpointer thread's (server/db/wal-checkpointer.ts): a commit never waits for one.
db.pragma('wal_autocheckpoint = 0');

/** The stored answer a save is judged against when nothing was written. */
interface StoredRevision {
  revision: number;
  text: string;
  savedAt: number;
  words: number;
}

// Raw SQL prepared once: this thread is the durable save path, and each statement runs per save.
const select = db.prepare<[number, string], StoredRevision>(
  'SELECT revision, text, saved_at AS savedAt, word_count AS words FROM answers WHERE candidate_id = ? AND question_id = ?',
);
// The revision rule in SQL: only a newer revision is written, and only while the candidate has
// not submitted. The common case, a kiosk's next revision, is one statement; the stored text is
// read back only when nothing was written. (`WHERE true` lets SQLite parse the upsert after a SELECT.)
const upsertNewer = db.prepare(
  `INSERT INTO answers (candidate_id, question_id, text, revision, word_count, saved_at)
     SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM candidates WHERE id = ? AND submitted_at IS NOT NULL)
   ON CONFLICT (candidate_id, question_id) DO UPDATE SET text = excluded.text, revision = excluded.revision,
     word_count = excluded.word_count, saved_at = excluded.saved_at
   WHERE excluded.revision > answers.revision`,
);
// The save history the timing figures read (no text: the answer row holds it); same transaction.
const insertSave = db.prepare('INSERT OR IGNORE INTO answer_saves (candidate_id, question_id, revision, word_count, saved_at) VALUES (?, ?, ?, ?, ?)');
const insertLate = db.prepare('INSERT INTO late_saves (candidate_id, question_id, revision, text, received_at) VALUES (?, ?, ?, ?, ?)');
const writeBatch = db.transaction((batch: IncomingSave[]) => batch.map(applyOne));

function applyOne(s: IncomingSave): SaveOutcome {
  if (s.late) {
    insertLate.run(s.candidateId, s.questionId, s.revision, s.text, s.receivedAt);
    return { kind: 'kept-late' };
  }
  const words = countAnswerWords(s.text);
  if (upsertNewer.run(s.candidateId, s.questionId, s.text, s.revision, words, s.receivedAt, s.candidateId).changes > 0) {
    // No stored answer, or an older revision: judgeRevision's 'apply'.
    insertSave.run(s.candidateId, s.questionId, s.revision, words, s.receivedAt);
    return { kind: 'stored', verdict: 'apply', revision: s.revision, savedAt: s.receivedAt, words };
  }
  // Nothing written: the stored revision is the same or newer, or the candidate has submitted.
  const stored = select.get(s.candidateId, s.questionId);
  const verdict = judgeRevision(stored, s);
  switch (verdict) {
    case 'apply':
      // Newer than what is stored, yet not written: the submission committed first.
      insertLate.run(s.candidateId, s.questionId, s.revision, s.text, s.receivedAt);
      return { kind: 'kept-late', submitted: true };
    case 'duplicate':
    case 'stale':
      return { kind: 'stored', verdict, revision: stored!.revision, savedAt: stored!.savedAt, words: stored!.words };
    case 'conflict':
      // Two kiosks wrote the same revision differently: the first stays, the second is kept aside.
      insertLate.run(s.candidateId, s.questionId, s.revision, s.text, s.receivedAt);
      return { kind: 'conflict', storedRevision: stored!.revision };
  }
}

// While saves come fast, commits are spaced (commit-pacing.ts). The wait blocks this thread only:
// the event loop goes on receiving saves, which join the next batch.
const pacer = new CommitPacer();
const pause = new Int32Array(new SharedArrayBuffer(4));

parentPort!.on('message', (request: WriterRequest) => {
  const wait = pacer.waitBefore(request.ends.length, performance.now());
  if (wait > 0) Atomics.wait(pause, 0, 0, wait);
  pacer.started(performance.now());
  let reply: WriterReply;
  try {
    reply = { outcomes: writeBatch(unpackBatch(request)) };
  } catch (err) {
    // Nothing of the batch is durable (the transaction rolled back): the server refuses every save.
    reply = { error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
  }
  parentPort!.postMessage(reply);
});

// Asked to stop (the server's close, once every batch is answered): close the file cleanly.
parentPort!.on('close', () => db.close());
