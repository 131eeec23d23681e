// The clock redraws what shows the time each second, and the whole kiosk only when the clock's
// state changes (issue 13, item 7): a new view from the server, or the time running out.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ServerClock } from '../../../client/common/server-clock.js';
import type { ClockView } from '../../../server/contract/kiosk-protocol.js';

const T0 = 1_800_000_000_000;

function view(timeLeftMs: number, overrides: Partial<ClockView> = {}): ClockView {
  return { serverNow: T0, sessionState: 'running', paused: false, startedAt: T0 - 60_000, deadlineAt: T0 + timeLeftMs, timeLeftMs, extraMs: 0, ...overrides };
}

describe('the server clock, second by second', () => {
  let now = 0;
  let draws = 0;
  const host = { addController() {}, removeController() {}, requestUpdate: () => void draws++, updateComplete: Promise.resolve(true) };

  beforeEach(() => {
    vi.useFakeTimers();
    now = 0;
    draws = 0;
  });
  afterEach(() => vi.useRealTimers());

  function started(timeLeftMs: number) {
    const clock = new ServerClock(host, { monotonicNow: () => now });
    clock.hostConnected();
    const shown: (number | null)[] = [];
    const stop = clock.onEachSecond(() => shown.push(clock.timeLeftMs));
    clock.update(view(timeLeftMs));
    return { clock, shown, stop };
  }

  function advance(ms: number) {
    for (let i = 0; i < ms / 250; i++) {
      now += 250;
      vi.advanceTimersByTime(250);
    }
  }

  it('tells the listeners each second and does not redraw the host while the time runs', () => {
    const { shown } = started(10_000);
    expect(draws).toBe(1);
    expect(shown).toEqual([10_000]);
    advance(3_000);
    expect(shown).toEqual([10_000, 9_000, 8_000, 7_000]);
    expect(draws).toBe(1);
  });

  it('redraws the host when the time runs out, once', () => {
    const { clock, shown } = started(2_000);
    advance(2_000);
    expect(clock.timeUp).toBe(true);
    expect(shown.at(-1)).toBe(0);
    expect(draws).toBe(2);
    advance(2_000);
    expect(draws).toBe(2);
  });

  it('redraws the host and tells the listeners when the server sends a new view (extra time, a pause)', () => {
    const { clock, shown } = started(5_000);
    advance(1_000);
    clock.update(view(65_000, { serverNow: T0 + 1_000, extraMs: 60_000 }));
    expect(draws).toBe(2);
    expect(shown.at(-1)).toBe(65_000);
    clock.update(view(65_000, { serverNow: T0 + 1_500, paused: true }));
    expect(draws).toBe(3);
    const count = shown.length;
    advance(3_000);
    // Paused: the time shown does not move, nobody is told anything.
    expect(shown.length).toBe(count);
    expect(draws).toBe(3);
  });

  it('stops telling a listener that unsubscribed, and stops ticking when the host goes', () => {
    const { clock, shown, stop } = started(10_000);
    stop();
    advance(2_000);
    expect(shown).toEqual([10_000]);
    const again: number[] = [];
    clock.onEachSecond(() => again.push(1));
    clock.hostDisconnected();
    advance(2_000);
    expect(again).toEqual([]);
  });
});
