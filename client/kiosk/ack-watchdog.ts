import type { AnswerRecord } from './save-state.js';

/**
 * A save unanswered for `timeoutMs` on an open connection means the socket is dead without knowing
 * it (a cable pulled, a sleeping switch): the watchdog then asks for a new connection, which sends
 * everything unacknowledged again.
 */
export class AckWatchdog {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly timeoutMs: number,
    private readonly monotonicNow: () => number,
    private readonly onSilence: () => void,
  ) {}

  /** Restarts the wait from the oldest save still unanswered; stops it if none is. */
  arm(records: Iterable<AnswerRecord>): void {
    this.clear();
    let oldest: number | null = null;
    for (const record of records) {
      if (record.sentAt !== null && (oldest === null || record.sentAt < oldest)) oldest = record.sentAt;
    }
    if (oldest === null) return;
    const wait = Math.max(0, oldest + this.timeoutMs - this.monotonicNow());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.onSilence();
    }, wait);
  }

  clear(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
