// Who waits for the saves to settle: the submit dialog flushes the queue and waits until every
// answer is acknowledged (or a refusal says it never will be) before it submits the script.
import { SaveRefusedError, type AnswerRecord, type SaveRefusal } from './save-state.js';

/** Every answer acknowledged: 'settled'; one still on its way: 'pending'; else why it never will be. */
export function flushOutcome(records: Iterable<AnswerRecord>, stopped: SaveRefusal | null): 'settled' | 'pending' | SaveRefusal {
  if (stopped) return stopped;
  let pending = false;
  for (const record of records) {
    if (record.revision <= record.ackedRevision) continue;
    if (record.refusal) return record.refusal;
    pending = true;
  }
  return pending ? 'pending' : 'settled';
}

/** The promises handed out by `flush()`, settled all at once. */
export class SaveWaiters {
  private waiters: { resolve: () => void; reject: (error: Error) => void }[] = [];

  get empty(): boolean {
    return this.waiters.length === 0;
  }

  add(): Promise<void> {
    return new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  /** Resolves or rejects every waiter according to the queue's records; leaves them waiting while a save is pending. */
  settle(records: Iterable<AnswerRecord>, stopped: SaveRefusal | null): void {
    if (this.empty) return;
    const outcome = flushOutcome(records, stopped);
    if (outcome === 'pending') return;
    if (outcome === 'settled') for (const waiter of this.take()) waiter.resolve();
    else this.reject(new SaveRefusedError(outcome));
  }

  reject(error: Error): void {
    for (const waiter of this.take()) waiter.reject(error);
  }

  private take() {
    const waiters = this.waiters;
    this.waiters = [];
    return waiters;
  }
}
