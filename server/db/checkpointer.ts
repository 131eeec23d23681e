import type { Worker } from 'node:worker_threads';
import { startWorker, workerModule } from '../start-worker.js';
import type { CheckpointerData } from './wal-checkpointer.js';

export interface Checkpointer {
  /** Runs a last checkpoint and closes the checkpointer's connection. */
  stop(): Promise<void>;
}

/**
 * Starts the WAL checkpointer (wal-checkpointer.ts) on the database file. Every connection of
 * the server sets `wal_autocheckpoint = 0`: this thread alone checkpoints.
 */
export function startCheckpointer(file: string, onError: (message: string) => void, intervalMs = 250): Checkpointer {
  const worker: Worker = startWorker(workerModule('db/wal-checkpointer'), { file, intervalMs } satisfies CheckpointerData);
  worker.unref();
  let stopped: (() => void) | null = null;
  let exited = false;
  worker.once('exit', () => {
    exited = true;
    stopped?.();
  });
  worker.on('message', (m: { error?: string; stopped?: boolean }) => {
    if (m.error) onError(m.error);
    if (m.stopped) stopped?.();
  });
  worker.on('error', (err: Error) => onError(`the WAL checkpointer stopped: ${err.message}`));
  return {
    stop: async () => {
      // A checkpointer that already died (its error was reported) has nothing left to stop.
      if (exited) return;
      await new Promise<void>((resolve) => {
        stopped = resolve;
        worker.postMessage('stop');
      });
      await worker.terminate();
    },
  };
}
