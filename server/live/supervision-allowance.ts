import { TokenBucket } from './socket-limits.js';
import type { MessageRate } from '../contract/socket-limits.js';

/** Events of one kind held back for one candidate, written later as one row. */
export interface CoalescedEvents {
  sessionId: number;
  candidateId: number;
  kind: string;
  count: number;
  firstAt: number;
  lastAt: number;
}

/**
 * A candidate's allowance of stored supervision events: a burst (a real incident makes a few
 * dozen: focus lost, back, hidden, visible), then a steady rate. Past it, events are counted per
 * kind and written as one row every `coalesceMs` (the dashboards and the report see "this many
 * pastes between these times"). The table grows at a bounded rate, whatever a kiosk sends:
 * at most burst + rate x time + kinds x time / coalesceMs rows per candidate.
 */
export class SupervisionAllowance {
  private readonly buckets = new Map<number, TokenBucket>();
  private readonly held = new Map<string, CoalescedEvents>();

  constructor(
    private readonly rate: MessageRate = { burst: 60, perSecond: 0.2 },
    readonly coalesceMs = 30_000,
  ) {}

  /** True: store this event now. False: it was counted, to be written with others of its kind. */
  admit(sessionId: number, candidateId: number, kind: string, now: number): boolean {
    let bucket = this.buckets.get(candidateId);
    if (!bucket) this.buckets.set(candidateId, (bucket = new TokenBucket(this.rate, now)));
    if (bucket.take(now)) return true;
    const key = `${candidateId}:${kind}`;
    const held = this.held.get(key);
    if (held) {
      held.count += 1;
      held.lastAt = now;
    } else {
      this.held.set(key, { sessionId, candidateId, kind, count: 1, firstAt: now, lastAt: now });
    }
    return false;
  }

  /** Whether anything is held back. */
  get holding(): boolean {
    return this.held.size > 0;
  }

  /** The counts to write now: those held for `coalesceMs` (all of them when `all`), forgotten here. */
  due(now: number, all = false): CoalescedEvents[] {
    const out: CoalescedEvents[] = [];
    for (const [key, h] of this.held) {
      if (all || now - h.firstAt >= this.coalesceMs) {
        out.push(h);
        this.held.delete(key);
      }
    }
    return out;
  }
}
