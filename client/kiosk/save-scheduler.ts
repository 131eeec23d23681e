/**
 * When to send: `idleMs` after the last edit, and no later than `maxWaitMs` after the first edit
 * not yet sent, so a candidate who types without a pause is still saved regularly.
 */
export class SaveScheduler {
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private maxTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly fire: () => void,
    private readonly idleMs = 1000,
    private readonly maxWaitMs = 5000,
  ) {}

  get scheduled(): boolean {
    return this.idleTimer !== null || this.maxTimer !== null;
  }

  noteEdit(): void {
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.fireNow(), this.idleMs);
    this.maxTimer ??= setTimeout(() => this.fireNow(), this.maxWaitMs);
  }

  fireNow(): void {
    this.cancel();
    this.fire();
  }

  cancel(): void {
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    if (this.maxTimer !== null) clearTimeout(this.maxTimer);
    this.idleTimer = null;
    this.maxTimer = null;
  }
}
