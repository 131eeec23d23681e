// When to offer the fallback file: the server has been unreachable for `offerAfterMs` without a
// break (default 2 minutes, from the attempt). A reconnect, however short, starts the wait again.
import type { ConnectionState } from '../common/connection.js';

export class FallbackWatch {
  private downSince: number | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly changed: () => void,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Whether the server has been away long enough to offer the file. */
  due(offerAfterMs: number): boolean {
    return this.downSince !== null && this.now() - this.downSince >= offerAfterMs;
  }

  connection(state: ConnectionState, offerAfterMs: number): void {
    if (state === 'online') {
      this.downSince = null;
      this.clear();
      return;
    }
    if (this.downSince !== null) return;
    this.downSince = this.now();
    this.clear();
    this.timer = setTimeout(() => this.changed(), offerAfterMs);
  }

  clear(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
