// The server's clock is the only clock. The kiosk keeps an offset between the server's time and
// its own *monotonic* clock (performance.now(), which a workstation's wrong or changed date
// cannot move), re-anchored on every `clock` and `saved` message and corrected for the transit
// time, and counts the time left down locally between messages from the last ClockView.
//
// Each second only what shows the time is redrawn (the status bar, through `onEachSecond`); the
// host, the whole kiosk, is redrawn only when the clock's state changes: a new ClockView, or the
// time running out. Redrawing the whole kiosk every second cost about 11 ms of script at CPU /4,
// a frame over 50 ms when it fell on a key typed at the end of a long answer (issue 13, item 7).
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ClockView, SessionState } from '../../server/contract/kiosk-protocol.js';

export interface ServerClockOptions {
  tickMs?: number;
  /** A monotonic clock in ms; performance.now() by default. */
  monotonicNow?: () => number;
}

/** Time left `elapsedMs` after the server produced `clock`: it only runs while the session runs and is not paused. */
export function timeLeftAfter(clock: ClockView, elapsedMs: number): number {
  if (clock.sessionState !== 'running' || clock.paused) return Math.max(0, clock.timeLeftMs);
  return Math.max(0, clock.timeLeftMs - Math.max(0, elapsedMs));
}

/** What a view that shows the time left needs of the clock: the time, and a call each second. */
export interface TimeLeftSource {
  readonly timeLeftMs: number | null;
  onEachSecond(listener: () => void): () => void;
}

export class ServerClock implements ReactiveController, TimeLeftSource {
  private clock: ClockView | null = null;
  /** Server time minus the monotonic clock, in ms. */
  private offsetMs: number | null = null;
  /** One-way transit estimate: half the shortest round trip seen. */
  private transitMs = 0;
  private timer: ReturnType<typeof setInterval> | null = null;
  private lastShown = '';
  private lastTimeUp = false;
  private readonly secondListeners = new Set<() => void>();
  private readonly tickMs: number;
  private readonly monotonicNow: () => number;

  constructor(
    private readonly host: ReactiveControllerHost,
    options: ServerClockOptions = {},
  ) {
    this.tickMs = options.tickMs ?? 250;
    this.monotonicNow = options.monotonicNow ?? (() => performance.now());
    host.addController(this);
  }

  hostConnected(): void {
    this.timer = setInterval(() => this.tick(), this.tickMs);
  }

  hostDisconnected(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  /** A ClockView from the server (the `clock` message, GET /api/attempt). */
  update(clock: ClockView): void {
    // A view fetched over HTTP can arrive after a newer one pushed on the socket: keep the newer.
    if (this.clock && clock.serverNow < this.clock.serverNow) return;
    this.clock = clock;
    this.observeServerTime(clock.serverNow);
    this.lastShown = this.shownNow();
    this.lastTimeUp = this.timeUp;
    this.host.requestUpdate();
    this.notifySecond();
  }

  /** Calls `listener` whenever the time shown (to the second) may have changed; returns the unsubscribe. */
  onEachSecond(listener: () => void): () => void {
    this.secondListeners.add(listener);
    return () => this.secondListeners.delete(listener);
  }

  /** A server timestamp just received (e.g. `saved.serverNow`). */
  observeServerTime(serverNow: number): void {
    this.offsetMs = serverNow + this.transitMs - this.monotonicNow();
  }

  /** A measured round trip (a save and its acknowledgement): half of the best one is the transit estimate. */
  observeRoundTrip(roundTripMs: number): void {
    if (!(roundTripMs >= 0)) return;
    const transit = roundTripMs / 2;
    this.transitMs = this.transitMs === 0 ? transit : Math.min(this.transitMs, transit);
  }

  get view(): ClockView | null {
    return this.clock;
  }

  get sessionState(): SessionState | null {
    return this.clock?.sessionState ?? null;
  }

  get paused(): boolean {
    return this.clock?.paused === true || this.clock?.sessionState === 'paused';
  }

  /** Counting down now: started, not paused, not ended. */
  get running(): boolean {
    return this.clock?.sessionState === 'running' && !this.clock.paused;
  }

  /** The server's time now, or null before the first message. */
  serverNow(): number | null {
    return this.offsetMs === null ? null : this.monotonicNow() + this.offsetMs;
  }

  /** Time left for this candidate, from the server's last ClockView; null before any. */
  get timeLeftMs(): number | null {
    const clock = this.clock;
    if (!clock) return null;
    const now = this.serverNow() ?? clock.serverNow;
    return timeLeftAfter(clock, now - clock.serverNow);
  }

  /** The session runs and this candidate's time is used up (the server submits on its own). */
  get timeUp(): boolean {
    return this.running && this.timeLeftMs === 0;
  }

  private tick(): void {
    // Redraw only when what is shown changes: the second (the listeners), or the time being up (the host).
    const shown = this.shownNow();
    if (shown === this.lastShown) return;
    this.lastShown = shown;
    this.notifySecond();
    const timeUp = this.timeUp;
    if (timeUp !== this.lastTimeUp) {
      this.lastTimeUp = timeUp;
      this.host.requestUpdate();
    }
  }

  /** The time left as shown, to the second. */
  private shownNow(): string {
    const left = this.timeLeftMs;
    return left === null ? '' : `${Math.ceil(left / 1000)}`;
  }

  private notifySecond(): void {
    for (const listener of this.secondListeners) listener();
  }
}
