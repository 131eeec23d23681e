// One backup, in a worker thread with its own connection, so that neither the event loop nor the
// answer writer waits for it. SQLite's online backup API copies the pages under one read
// transaction: in WAL mode the writers go on committing beside it. The copy is made in a single
// step after the initial one: a copy in small steps restarts from the first page whenever another
// connection commits between two steps, and while a room types that never ends.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { inspectDatabaseFile, type FileInspection } from './inspect.js';

export interface BackupWorkerData {
  source: string;
  destination: string;
}

export type BackupWorkerReply = { ok: true; inspection: FileInspection } | { ok: false; error: string };

const { source, destination } = workerData as BackupWorkerData;

async function run(): Promise<BackupWorkerReply> {
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    // Every page in the step after the first: one read transaction, no restart.
    await db.backup(destination, { progress: () => 0x7fffffff });
  } finally {
    db.close();
  }
  // The copy keeps the source's WAL mode in its header: make it one self-contained file.
  const copy = new Database(destination);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  return { ok: true, inspection: inspectDatabaseFile(destination) };
}

run().then(
  (reply) => parentPort!.postMessage(reply),
  (err: unknown) => parentPort!.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) } satisfies BackupWorkerReply),
);
