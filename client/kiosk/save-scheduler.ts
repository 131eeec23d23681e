/**
 * When to send: `idleMs` after the last edit, and no later than `maxWaitMs` after the first edit
 * not yet sent, so a candidate who types without a pause is still saved regularly.
 */
export class SaveScheduler {
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private maxTimer: ReturnType<typeof setTimeout> | null = null;
  private lastEditAt = 0;

  constructor(
    private readonly fire: () => void,
    private readonly idleMs = 1000,
    private readonly maxWaitMs = 5000,
    /** A clock that never goes back (performance.now): a wall clock set back would hold the idle send. */
    private readonly monotonicNow: () => number = () => performance.now(),
  ) {}

  get scheduled(): boolean {
    return this.idleTimer !== null || this.maxTimer !== null;
  }

  /**
   * A key: the idle send moves to `idleMs` from now. The time is noted and the timer left running:
   * clearing and setting a timer on each key was a tenth of a key's script on a modest workstation
   * (issue 13, item 7); when it fires early, it waits for the rest.
   */
  noteEdit(): void {
    this.lastEditAt = this.monotonicNow();
    this.idleTimer ??= setTimeout(() => this.idleElapsed(), this.idleMs);
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

  private idleElapsed(): void {
    const left = this.lastEditAt + this.idleMs - this.monotonicNow();
    if (left > 0) {
      this.idleTimer = setTimeout(() => this.idleElapsed(), left);
      return;
    }
    this.fireNow();
  }
}
