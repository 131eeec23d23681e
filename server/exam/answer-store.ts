import type { Worker } from 'node:worker_threads';
import type { LecternDb } from '../db/open-database.js';
import { BatchPacker, type IncomingSave, type SaveOutcome, type WriterData, type WriterReply, type WriterRequest } from './answer-batch.js';
import { startWorker, workerModule } from '../start-worker.js';

export type { IncomingSave, SaveOutcome } from './answer-batch.js';

/** A save waiting for its commit; its text is already in the packer (BatchPacker). */
interface Pending {
  resolve: (o: SaveOutcome) => void;
  reject: (e: unknown) => void;
}

/**
 * Writes answers durably and acknowledges only after the commit (group commit). The writing
 * itself happens in the answer writer, a worker thread (answer-writer.ts), one batch at a time:
 * while a batch commits, the saves that arrive gather into the next one, and the event loop
 * never waits for the disk. A save's promise resolves only once its transaction has committed.
 */
export class AnswerStore {
  private queue: Pending[] = [];
  /** The queued saves' data, in the order of `queue`. */
  private packer = new BatchPacker();
  private inFlight: Pending[] | null = null;
  private scheduled = false;
  private closing = false;
  private worker: Worker;
  private idle: (() => void)[] = [];
  /** When the writer was (re)started, to give up on one that cannot even open the file. */
  private starts: number[] = [];
  private broken: Error | null = null;

  constructor(private readonly db: LecternDb) {
    this.worker = this.startWriter();
  }

  save(save: IncomingSave): Promise<SaveOutcome> {
    if (this.closing) return Promise.reject(new Error('The server is stopping: the save was not written.'));
    if (this.broken) return Promise.reject(this.broken);
    return new Promise((resolve, reject) => {
      this.packer.add(save);
      this.queue.push({ resolve, reject });
      // The saves of this turn of the event loop go together; while a batch is being written,
      // the next one is sent when it is done.
      if (this.inFlight === null) this.scheduleBatch();
    });
  }

  /** Resolves once every save received so far is committed (or refused), then stops the writer. */
  async close(): Promise<void> {
    this.closing = true;
    if (this.inFlight !== null || this.queue.length > 0) {
      await new Promise<void>((resolve) => {
        this.idle.push(resolve);
        if (this.inFlight === null) this.sendBatch();
      });
    }
    await this.worker.terminate();
  }

  private sendBatch(): void {
    this.scheduled = false;
    if (this.inFlight !== null) return;
    if (this.queue.length === 0) {
      for (const wake of this.idle.splice(0)) wake();
      return;
    }
    this.inFlight = this.queue;
    this.queue = [];
    const request: WriterRequest = this.packer.take();
    this.worker.postMessage(request, [request.texts]);
  }

  private onReply(reply: WriterReply): void {
    const batch = this.inFlight ?? [];
    this.inFlight = null;
    if ('error' in reply) {
      // Nothing of the batch is durable: every save is refused and the kiosks keep and resend them.
      const err = new Error(`answers not written: ${reply.error}`);
      for (const p of batch) p.reject(err);
    } else {
      batch.forEach((p, i) => p.resolve(reply.outcomes[i]!));
    }
    // At once: the saves that arrived during the commit form the next batch. (Waiting for the end
    // of this turn of the event loop, to take more of them, measured worse: p99 104-119 ms
    // against 75-81 ms at 5,000-6,000 saves/s.)
    this.sendBatch();
  }

  /** Refuses every save not yet sent to the writer, their texts with them. */
  private refuseQueued(err: Error): void {
    this.packer.take();
    for (const p of this.queue.splice(0)) p.reject(err);
  }

  private scheduleBatch(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.sendBatch());
  }

  private startWriter(): Worker {
    const file = this.db.$client.name;
    if (this.db.$client.memory) throw new Error('The answer writer needs the database in a file, not in memory.');
    this.starts.push(Date.now());
    const worker = startWorker(workerModule('exam/answer-writer'), { file } satisfies WriterData);
    worker.on('message', (reply: WriterReply) => this.onReply(reply));
    worker.on('error', (err: Error) => this.onWriterLost(worker, err));
    worker.on('exit', (code) => this.onWriterLost(worker, new Error(`the answer writer stopped (exit code ${code})`)));
    // The writer alone must not keep the process alive: the server's sockets and timers do.
    worker.unref();
    return worker;
  }

  /** The writer died (it should not): refuse what it held and start another for the next saves. */
  private onWriterLost(worker: Worker, err: Error): void {
    if (worker !== this.worker) return;
    const lost = this.inFlight ?? [];
    this.inFlight = null;
    for (const p of lost) p.reject(err);
    if (this.closing) {
      this.refuseQueued(err);
      for (const wake of this.idle.splice(0)) wake();
      return;
    }
    // A writer that keeps dying (the file cannot be opened) is not restarted for ever: saves are
    // then refused, the kiosks keep every edit, and the error is in each refusal's log line.
    const now = Date.now();
    this.starts = this.starts.filter((t) => now - t < 10_000);
    if (this.starts.length >= 5) {
      this.broken = err;
      this.refuseQueued(err);
      return;
    }
    this.worker = this.startWriter();
    this.sendBatch();
  }
}
