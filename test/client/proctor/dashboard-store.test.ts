import { describe, expect, it } from 'vitest';
import { DashboardStore } from '../../../client/proctor/dashboard-store.js';
import { tileProblems, tileState } from '../../../server/contract/rules/tiles.js';
import type { CandidateTile, DashboardSnapshot } from '../../../server/contract/staff-protocol.js';

const now = 1_700_000_000_000;

function tile(id: number, over: Partial<CandidateTile> = {}): CandidateTile {
  return {
    candidateId: id,
    code: `AAAA-AAA${id}`,
    workstation: `PC-${id}`,
    loggedIn: true,
    connected: true,
    activity: 'reading',
    lastHeartbeatAt: now,
    noticeAcknowledged: true,
    locked: false,
    absent: false,
    pausedAlone: false,
    submittedAt: null,
    submitKind: null,
    clock: { serverNow: now, sessionState: 'running', paused: false, startedAt: now - 60_000, deadlineAt: now + 1_740_000, timeLeftMs: 1_740_000, extraMs: 0 },
    words: {},
    lastSavedAt: null,
    lateSaves: 0,
    events: {},
    lastEvent: null,
    unacknowledged: 0,
    ...over,
  };
}

function snapshot(tiles: CandidateTile[]): DashboardSnapshot {
  return {
    serverNow: now,
    session: { id: 1, code: 'ABCD-EF', title: 'T', room: 'B12', packId: 'p', packTitle: { fr: 'P', en: 'P' }, state: 'running', durationMs: 1_800_000, startedAt: now - 60_000, endedAt: null, sebConfigKeySet: false },
    questions: [{ id: 'q1', sectionId: 's1', label: 'Q1', targetWords: 80 }],
    tiles,
    feed: [],
    messages: [],
    incidents: [],
  };
}

describe('the tile state', () => {
  it('follows the candidate through the session', () => {
    expect(tileState(tile(1, { loggedIn: false }), 'waiting', 1)).toBe('not-logged-in');
    expect(tileState(tile(1), 'waiting', 1)).toBe('waiting');
    expect(tileState(tile(1, { activity: 'typing' }), 'running', 1)).toBe('typing');
    expect(tileState(tile(1, { activity: 'idle' }), 'running', 1)).toBe('idle');
    expect(tileState(tile(1, { connected: false }), 'running', 1)).toBe('offline');
    expect(tileState(tile(1), 'running', 0)).toBe('late');
    expect(tileState(tile(1, { submittedAt: now }), 'running', 0)).toBe('submitted');
    expect(tileState(tile(1, { absent: true, loggedIn: false }), 'running', 1)).toBe('absent');
    expect(tileState(tile(1, { loggedIn: false, submittedAt: now }), 'ended', 0)).toBe('not-logged-in');
  });

  it('counts a candidate who has not logged in after the start as a problem, not before', () => {
    const t = tile(1, { loggedIn: false });
    expect(tileProblems(t, 'not-logged-in', 'waiting')).toEqual([]);
    expect(tileProblems(t, 'not-logged-in', 'running')).toEqual(['not-logged-in']);
  });
});

describe('the dashboard store', () => {
  it('applies presence, words and kiosk events to the right tile, replacing it', () => {
    const store = new DashboardStore();
    store.load(snapshot([tile(1), tile(2)]));
    const before = store.tiles.get(1);
    const untouched = store.tiles.get(2);
    store.apply({ type: 'words', candidateId: 1, questionId: 'q1', words: 12, savedAt: now + 5 });
    store.apply({ type: 'presence', candidateId: 1, connected: false, activity: 'typing', lastHeartbeatAt: now, loggedIn: true });
    store.apply({ type: 'feed', item: { id: 's1', at: now, candidateId: 1, source: 'kiosk', kind: 'paste', detail: { length: 3 } } });
    store.apply({ type: 'feed', item: { id: 'a9', at: now, candidateId: 1, source: 'proctor', kind: 'candidate.locked', detail: {} } });
    const after = store.tiles.get(1)!;
    expect(after).not.toBe(before);
    expect(after).toMatchObject({ words: { q1: 12 }, lastSavedAt: now + 5, connected: false, events: { paste: 1 } });
    expect(store.tiles.get(2)).toBe(untouched);
    expect(store.feed).toHaveLength(2);
  });

  it('keeps the feed in time order when a line arrives after a later one', () => {
    const store = new DashboardStore();
    store.load(snapshot([tile(1)]));
    store.apply({ type: 'feed', item: { id: 's1', at: now + 2000, candidateId: 1, source: 'kiosk', kind: 'paste', detail: { length: 3 } } });
    store.apply({ type: 'feed', item: { id: 'a1', at: now + 1000, candidateId: 1, source: 'proctor', kind: 'candidate.locked', detail: {} } });
    store.apply({ type: 'feed', item: { id: 's2', at: now + 2000, candidateId: 1, source: 'kiosk', kind: 'copy', detail: { length: 4 } } });
    store.apply({ type: 'feed', item: { id: 's3', at: now + 3000, candidateId: 1, source: 'kiosk', kind: 'copy', detail: { length: 5 } } });
    // Same time: arrival order; earlier: before every later line.
    expect(store.feed.map((i) => i.id)).toEqual(['a1', 's1', 's2', 's3']);
  });

  it('counts a message as unread for its recipients until acknowledged', () => {
    const store = new DashboardStore();
    store.load(snapshot([tile(1), tile(2), tile(3, { absent: true })]));
    store.apply({ type: 'message', message: { id: 7, text: 'hi', sentAt: now, sentBy: 'P', candidateId: null, recipients: 2, acknowledgements: [] } });
    expect([1, 2, 3].map((id) => store.tiles.get(id)!.unacknowledged)).toEqual([1, 1, 0]);
    store.apply({ type: 'message-ack', messageId: 7, candidateId: 1, at: now + 1 });
    store.apply({ type: 'message-ack', messageId: 7, candidateId: 1, at: now + 2 });
    expect(store.messages.get(7)!.acknowledgements).toEqual([{ candidateId: 1, at: now + 1 }]);
  });

  it('puts problems first, then sorts by workstation as people number them', () => {
    const store = new DashboardStore();
    store.load(snapshot([tile(10, { workstation: 'PC-10' }), tile(2, { workstation: 'PC-2' }), tile(3, { workstation: 'PC-3', connected: false }), tile(1, { workstation: 'PC-1', locked: true })]));
    expect(store.views(now, 'all', 'problems', '').map((v) => v.tile.workstation)).toEqual(['PC-3', 'PC-1', 'PC-2', 'PC-10']);
    expect(store.views(now, 'all', 'workstation', '').map((v) => v.tile.workstation)).toEqual(['PC-1', 'PC-2', 'PC-3', 'PC-10']);
    expect(store.views(now, 'problems', 'workstation', '').map((v) => v.tile.workstation)).toEqual(['PC-1', 'PC-3']);
    expect(store.views(now, 'offline', 'workstation', '').map((v) => v.tile.workstation)).toEqual(['PC-3']);
    expect(store.views(now, 'all', 'workstation', 'aaaa aaa10').map((v) => v.tile.workstation)).toEqual(['PC-10']);
  });

  it('counts time left down from the server’s clock, and not during a pause', () => {
    const store = new DashboardStore();
    store.load(snapshot([tile(1), tile(2, { clock: { ...tile(2).clock, paused: true } })]));
    const [running, paused] = [store.view(store.tiles.get(1)!, now + 10_000), store.view(store.tiles.get(2)!, now + 10_000)];
    expect(running.timeLeftMs).toBe(1_730_000);
    expect(paused.timeLeftMs).toBe(1_740_000);
  });
});
