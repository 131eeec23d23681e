// The WAL checkpointer: a worker thread with its own connection that copies the write-ahead log
// back into the database file, so that neither the event loop nor the answer writer does it.
// Left to SQLite, the checkpoint runs inside whichever commit crosses 1,000 pages of log (every
// 4 MB, several times a second when a room types) and holds that commit 15 to 50 ms: the saves
// behind it wait, and that was most of the tail of the acknowledgement latency.
//
// PASSIVE checkpoints run beside the writers without stopping them. While saves never stop, the
// log is never fully copied at the moment a writer starts, so it would only grow: once it passes
// RESTART_FRAMES a RESTART checkpoint copies what little remains (the PASSIVE one has just run)
// and lets the next commit start the log from its beginning again.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

export interface CheckpointerData {
  file: string;
  intervalMs: number;
}

/** 65,536 pages of 4 KiB: past 256 MiB of log, the writers wait for one RESTART. */
const RESTART_FRAMES = 65_536;

const { file, intervalMs } = workerData as CheckpointerData;
const db = new Database(file);
db.pragma('busy_timeout = 5000');
// A checkpoint syncs the database file before it lets the log be reused: with FULL, always.
db.pragma('synchronous = FULL');

interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

// A prepared PRAGMA statement carries its row type; db.pragma() answers unknown[].
const passiveCheckpoint = db.prepare<[], CheckpointResult>('PRAGMA wal_checkpoint(PASSIVE)');

function checkpoint(): void {
  try {
    // Again while the writers added frames during the last pass: each pass is shorter, and one
    // that ends with the whole log copied lets the next commit start the log over.
    let passive: CheckpointResult | undefined;
    for (let pass = 0; pass < 4; pass++) {
      passive = passiveCheckpoint.get();
      if (!passive || passive.log === passive.checkpointed) break;
    }
    if (passive && passive.log >= RESTART_FRAMES) db.pragma('wal_checkpoint(RESTART)');
  } catch (err) {
    // A busy database (a long backup) is tried again at the next tick; anything else is reported.
    parentPort!.postMessage({ error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
  }
}

const timer = setInterval(checkpoint, intervalMs);

parentPort!.on('message', (message: unknown) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort!.postMessage({ stopped: true });
});
