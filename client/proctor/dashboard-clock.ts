// The server's time on the dashboard: every snapshot and batch of deltas carries `serverNow`,
// anchored to the monotonic clock, so the tiles count down with the server and not with this
// computer's (possibly wrong) date. The host re-renders once a second.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class DashboardClock implements ReactiveController {
  private offsetMs: number | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.timer = setInterval(() => this.host.requestUpdate(), 1000);
  }

  hostDisconnected(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  observe(serverNow: number): void {
    this.offsetMs = serverNow - performance.now();
  }

  now(): number {
    return this.offsetMs === null ? Date.now() : performance.now() + this.offsetMs;
  }
}
