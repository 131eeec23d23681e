// When the dashboard draws what. A room of 300 typing candidates sends about 160 small frames a
// second, nearly all of them words and heartbeats; drawing the room for each would keep the
// proctor's computer busy and the screen behind. A feed line is different: it is an event the
// proctor must see at once, and a control (pause, lock, submission, message) is the answer to
// something a proctor just did.
import type { DashboardDelta } from './types.js';

export interface DrawNeeds {
  /** A new feed line: drawn on the next frame, alone, without waiting for the room. */
  feed: boolean;
  /** 'now': the room is drawn on the next frame; 'soon': at the room's cadence; 'no': nothing changed. */
  room: 'now' | 'soon' | 'no';
}

/** Words, heartbeats and a feed line's count on its tile can wait for the room's cadence; the rest cannot. */
const roomCanWait = new Set<DashboardDelta['type']>(['words', 'presence', 'feed']);

export function drawNeeds(deltas: readonly DashboardDelta[]): DrawNeeds {
  let feed = false;
  let room: DrawNeeds['room'] = 'no';
  for (const d of deltas) {
    if (d.type === 'feed') feed = true;
    if (!roomCanWait.has(d.type)) room = 'now';
    else if (room === 'no') room = 'soon';
  }
  return { feed, room };
}

/**
 * Calls `draw` at most every `minMs` for `soon()`, at once for `now()`. Coalesces: any number of
 * calls before the drawing make one drawing.
 */
export class DrawThrottle {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastAt = -Infinity;

  constructor(
    private readonly minMs: number,
    private readonly draw: () => void,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  soon(): void {
    if (this.timer !== null) return;
    const wait = Math.max(0, this.lastAt + this.minMs - this.clock());
    this.timer = setTimeout(() => this.fire(), wait);
  }

  now(): void {
    this.cancel();
    this.fire();
  }

  /** The drawing happened for another reason (a clock tick, a filter): what was pending is drawn. */
  drawn(): void {
    this.cancel();
    this.lastAt = this.clock();
  }

  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private fire(): void {
    this.timer = null;
    this.lastAt = this.clock();
    this.draw();
  }
}
