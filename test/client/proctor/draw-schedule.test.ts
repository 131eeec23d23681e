import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DrawThrottle, drawNeeds } from '../../../client/proctor/draw-schedule.js';
import type { DashboardDelta } from '../../../server/contract/staff-protocol.js';

const words: DashboardDelta = { type: 'words', candidateId: 1, questionId: 'q1', words: 3, savedAt: 1 };
const presence: DashboardDelta = { type: 'presence', candidateId: 1, connected: true, activity: 'typing', lastHeartbeatAt: 1, loggedIn: true };
const feed: DashboardDelta = { type: 'feed', item: { id: 's1', at: 1, candidateId: 1, source: 'kiosk', kind: 'copy', detail: {} } };
const incident: DashboardDelta = { type: 'incident', incident: { id: 1, at: 1, candidateId: null, text: 'x', by: null } };

describe('what a batch of deltas needs drawn', () => {
  it('lets words and heartbeats wait for the room’s cadence', () => {
    expect(drawNeeds([words, presence])).toEqual({ feed: false, room: 'soon' });
  });

  it('draws a feed line at once, its tile at the cadence', () => {
    expect(drawNeeds([words, feed])).toEqual({ feed: true, room: 'soon' });
  });

  it('draws the room at once for anything a proctor did or must see on the tiles', () => {
    expect(drawNeeds([words, incident]).room).toBe('now');
    expect(drawNeeds([incident, words]).room).toBe('now');
  });

  it('draws nothing for an empty batch', () => {
    expect(drawNeeds([])).toEqual({ feed: false, room: 'no' });
  });
});

describe('the room’s drawing throttle', () => {
  let t = 0;
  beforeEach(() => {
    vi.useFakeTimers();
    t = 1000;
  });
  afterEach(() => vi.useRealTimers());

  const throttle = (draw: () => void) => new DrawThrottle(100, draw, () => t);
  const advance = (ms: number) => {
    t += ms;
    vi.advanceTimersByTime(ms);
  };

  it('coalesces any number of requests into one drawing per period', () => {
    const draw = vi.fn();
    const d = throttle(draw);
    d.soon();
    advance(0);
    expect(draw).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 10; i++) {
      d.soon();
      advance(5);
    }
    expect(draw).toHaveBeenCalledTimes(1);
    advance(60);
    expect(draw).toHaveBeenCalledTimes(2);
  });

  it('draws at once when asked, and the pending drawing is then not repeated', () => {
    const draw = vi.fn();
    const d = throttle(draw);
    d.soon();
    advance(0);
    d.soon();
    d.now();
    expect(draw).toHaveBeenCalledTimes(2);
    advance(200);
    expect(draw).toHaveBeenCalledTimes(2);
  });

  it('counts a drawing made for another reason as the period’s drawing', () => {
    const draw = vi.fn();
    const d = throttle(draw);
    d.soon();
    d.drawn();
    advance(50);
    expect(draw).not.toHaveBeenCalled();
    d.soon();
    advance(49);
    expect(draw).not.toHaveBeenCalled();
    advance(1);
    expect(draw).toHaveBeenCalledTimes(1);
  });
});
