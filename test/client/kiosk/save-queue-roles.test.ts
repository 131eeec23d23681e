// The save queue's rules around the writer role, the copies put aside and the server moving past
// this workstation (issue 17), one sentence each: what a tab that gives up writing stops doing,
// what an acknowledgement ahead of this kiosk does and does not do, and the per-question statuses
// the page draws from (the same object while nothing changed, a new one as soon as anything did).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LocalCopies } from '../../../client/kiosk/local-copies.js';
import { SaveQueue, type SaveMessage, type SaveTransport } from '../../../client/kiosk/save-queue.js';
import { MemoryStorage } from '../memory-storage.js';

class FakeTransport implements SaveTransport {
  online = true;
  accepting = true;
  sent: SaveMessage[] = [];
  reconnects = 0;
  send(save: SaveMessage) {
    if (!this.online || !this.accepting) return false;
    this.sent.push(save);
    return true;
  }
  reconnect() {
    this.reconnects++;
  }
}

const scope = { sessionCode: 'ABCDEF', candidateCode: 'GHJKMNPQ' };

function setup(options: { storage?: MemoryStorage; noStorage?: boolean } = {}) {
  const storage = options.storage ?? new MemoryStorage();
  const transport = new FakeTransport();
  let aheadCalls = 0;
  const queue = new SaveQueue(null, {
    storage: options.noStorage ? null : storage,
    transport,
    ackTimeoutMs: 15_000,
    monotonicNow: () => Date.now(),
    onServerAhead: () => aheadCalls++,
  });
  queue.connectionChanged(true);
  let notified = 0;
  queue.subscribe(() => notified++);
  return {
    storage,
    transport,
    queue,
    local: new LocalCopies(storage, scope),
    ahead: () => aheadCalls,
    notified: () => notified,
    sent: () => transport.sent.map((s) => [s.questionId, s.revision, s.text]),
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the writer role', () => {
  it('says whether this tab writes, and tells the page when that changes, not when it is confirmed', () => {
    const { queue, notified } = setup();
    expect(queue.isWriter).toBe(true);
    queue.setWriter(true);
    expect(notified()).toBe(0);
    queue.setWriter(false);
    expect(queue.isWriter).toBe(false);
    expect(notified()).toBe(1);
    queue.setWriter(false);
    expect(notified()).toBe(1);
    queue.setWriter(true);
    expect(queue.isWriter).toBe(true);
    expect(notified()).toBe(2);
  });

  it('stops watching the connection when the tab gives up writing with a save unanswered', () => {
    const { queue, transport } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'sent, never answered');
    vi.advanceTimersByTime(1000);
    expect(transport.sent).toHaveLength(1);
    queue.setWriter(false);
    vi.advanceTimersByTime(60_000);
    expect(transport.reconnects).toBe(0);
  });

  // The socket is the tab's own: an answer to a save it sent as the writer still comes, and the
  // saves it left unanswered are then watched again, a watch that taking the role back keeps.
  it('keeps watching, once it writes again, the saves an answer left unanswered while it did not', () => {
    const { queue, transport } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'first');
    queue.edit('q2', 'second');
    vi.advanceTimersByTime(1000);
    expect(transport.sent).toHaveLength(2);
    queue.setWriter(false);
    queue.acknowledge({ questionId: 'q1', revision: 1, savedAt: 2 });
    queue.setWriter(true);
    vi.advanceTimersByTime(15_000);
    expect(transport.reconnects).toBe(1);
  });

  it('sends nothing more once the tab gives up writing, not even on a new connection', () => {
    const { queue, transport } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'typed before the other tab took over');
    queue.setWriter(false);
    vi.advanceTimersByTime(10_000);
    transport.online = false;
    queue.connectionChanged(false);
    transport.online = true;
    queue.connectionChanged(true);
    queue.sendNow();
    expect(transport.sent).toEqual([]);
  });

  it('shows, once it stops writing and opens again, what the server holds and only that', () => {
    const { queue } = setup();
    queue.open(scope, [{ questionId: 'q1', text: 'server', revision: 1, savedAt: 5 }]);
    queue.edit('q2', 'typed here, never sent');
    expect(queue.snapshot.pendingCount).toBe(1);
    queue.setWriter(false);
    expect(queue.snapshot.pendingCount).toBe(1);
    const texts = queue.open(scope, [{ questionId: 'q1', text: 'server', revision: 1, savedAt: 5 }]);
    expect([...texts]).toEqual([['q1', 'server']]);
    expect(queue.text('q2')).toBe('');
    expect(queue.snapshot).toMatchObject({ state: 'saved', pendingCount: 0 });
    expect([...queue.snapshot.questions.keys()]).toEqual(['q1']);
  });
});

describe('the copies put aside, as the page reads them', () => {
  it('lists none, without storage, rather than failing', () => {
    const { queue } = setup({ noStorage: true });
    queue.open(scope, []);
    expect(queue.asideOf('q1')).toEqual([]);
  });

  it('gives the same list until a copy is put aside, so the field is not drawn again on each key', () => {
    const { queue } = setup();
    queue.open(scope, [{ questionId: 'q1', text: 'base', revision: 1, savedAt: 1 }]);
    const before = queue.asideOf('q1');
    expect(before).toEqual([]);
    queue.edit('q1', 'typed');
    expect(queue.asideOf('q1')).toBe(before);
    vi.advanceTimersByTime(1000);
    queue.acknowledge({ questionId: 'q1', revision: 4, savedAt: 2 });
    expect(queue.asideOf('q1').map((copy) => copy.text)).toEqual(['typed']);
  });

  it('shows a copy put aside while the queue opens again, though the list was read before', () => {
    const storage = new MemoryStorage();
    const { queue } = setup({ storage });
    queue.open(scope, [{ questionId: 'q1', text: 'base', revision: 1, savedAt: 1 }]);
    queue.edit('q1', 'base, typed here');
    expect(queue.asideOf('q1')).toEqual([]);
    // The attempt is fetched again: the server holds revision 3, written on another workstation.
    queue.open(scope, [{ questionId: 'q1', text: 'base, typed elsewhere', revision: 3, savedAt: 2 }]);
    expect(queue.asideOf('q1').map((copy) => copy.text)).toEqual(['base, typed here']);
  });
});

describe('an acknowledgement from the server', () => {
  it('puts nothing aside, asks for nothing and keeps the text when it acknowledges this kiosk’s own save', () => {
    const { queue, local, ahead } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'mine');
    vi.advanceTimersByTime(1000);
    queue.acknowledge({ questionId: 'q1', revision: 1, savedAt: 2 });
    expect(queue.snapshot.putAside).toBe(0);
    expect(local.asideOf('q1')).toEqual([]);
    expect(ahead()).toBe(0);
    expect(local.kept()).toEqual([{ questionId: 'q1', revision: 1, text: 'mine' }]);
  });

  it('puts nothing aside when the server is ahead of a kiosk that has nothing waiting, and keeps no copy of a text it does not hold', () => {
    const { queue, local, ahead } = setup();
    queue.open(scope, [{ questionId: 'q1', text: 'base', revision: 1, savedAt: 1 }]);
    // A late answer to another tab's save: revision 3 was written elsewhere.
    queue.acknowledge({ questionId: 'q1', revision: 3, savedAt: 2 });
    expect(queue.snapshot.putAside).toBe(0);
    expect(local.asideOf('q1')).toEqual([]);
    expect(ahead()).toBe(1);
    expect(local.kept()).toEqual([]);
  });

  it('keeps aside, without any storage, the text the server moved past', () => {
    const { queue, ahead } = setup({ noStorage: true });
    queue.open(scope, [{ questionId: 'q1', text: 'base', revision: 1, savedAt: 1 }]);
    queue.edit('q1', 'base, typed here');
    vi.advanceTimersByTime(1000);
    queue.acknowledge({ questionId: 'q1', revision: 4, savedAt: 2 });
    expect(ahead()).toBe(1);
    expect(queue.snapshot.putAside).toBe(1);
  });

  it('writes nothing for a repeated answer to an older save, so a storage that filled since is not reported failed', () => {
    const storage = new MemoryStorage();
    const { queue } = setup({ storage });
    queue.open(scope, []);
    queue.edit('q1', 'one');
    vi.advanceTimersByTime(1000);
    queue.edit('q1', 'one two');
    queue.acknowledge({ questionId: 'q1', revision: 1, savedAt: 2 });
    storage.failWrites = true;
    queue.acknowledge({ questionId: 'q1', revision: 1, savedAt: 2 });
    expect(queue.snapshot.localCopyFailed).toBe(false);
  });

  // Without a storage the queue's memory is the only copy: a refresh that brings the server's
  // older view must not replace it, even after the server once moved past this kiosk.
  it('keeps, after the candidate typed over the server’s newer text, what they typed when a refresh brings an older view', () => {
    const { queue, sent } = setup({ noStorage: true });
    queue.open(scope, [{ questionId: 'q1', text: 'a', revision: 1, savedAt: 1 }]);
    queue.edit('q1', 'ab');
    vi.advanceTimersByTime(1000);
    queue.acknowledge({ questionId: 'q1', revision: 5, savedAt: 2 });
    queue.edit('q1', 'server five, and more');
    vi.advanceTimersByTime(1000);
    queue.acknowledge({ questionId: 'q1', revision: 6, savedAt: 3 });
    const texts = queue.open(scope, [{ questionId: 'q1', text: 'server five', revision: 5, savedAt: 2 }]);
    expect(texts.get('q1')).toBe('server five, and more');
    expect(sent().at(-1)).toEqual(['q1', 6, 'server five, and more']);
  });
});

describe('a conflict retried while the connection cannot take it', () => {
  it('writes the new revision to the workstation’s copy at once', () => {
    const { queue, transport, local } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'mine');
    vi.advanceTimersByTime(1000);
    transport.accepting = false;
    queue.refuse({ questionId: 'q1', revision: 1, reason: 'conflict', message: 'conflict' });
    expect(local.read('q1')).toMatchObject({ revision: 2, text: 'mine' });
  });
});

describe('the per-question statuses the page draws', () => {
  it('are the same objects while nothing about them changed', () => {
    const { queue } = setup();
    queue.open(scope, [{ questionId: 'q1', text: 'a', revision: 1, savedAt: 1 }]);
    queue.edit('q2', 'b');
    const first = queue.snapshot.questions.get('q1');
    queue.edit('q2', 'bc');
    expect(queue.snapshot.questions.get('q1')).toBe(first);
  });

  it('are new as soon as the state changes, the time of saving alone changes, or the refusal alone changes', () => {
    const { queue, transport } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'one');
    vi.advanceTimersByTime(1000);
    expect(queue.snapshot.questions.get('q1')).toEqual({ state: 'saving', savedAt: null, refusal: null });
    transport.online = false;
    queue.connectionChanged(false);
    expect(queue.snapshot.questions.get('q1')).toEqual({ state: 'offline', savedAt: null, refusal: null });
    transport.online = true;
    queue.connectionChanged(true);
    queue.edit('q1', 'one two');
    expect(queue.snapshot.questions.get('q1')).toEqual({ state: 'saving', savedAt: null, refusal: null });
    queue.acknowledge({ questionId: 'q1', revision: 1, savedAt: 7 });
    expect(queue.snapshot.questions.get('q1')).toEqual({ state: 'saving', savedAt: 7, refusal: null });
    vi.advanceTimersByTime(1000);
    queue.refuse({ questionId: 'q1', revision: 2, reason: 'too-long', message: 'too long' });
    expect(queue.snapshot.questions.get('q1')?.refusal).toEqual({ reason: 'too-long', message: 'too long' });
    queue.edit('q1', 'one');
    vi.advanceTimersByTime(1000);
    queue.refuse({ questionId: 'q1', revision: 3, reason: 'unknown-question', message: 'unknown' });
    expect(queue.snapshot.questions.get('q1')).toEqual({ state: 'refused', savedAt: 7, refusal: { reason: 'unknown-question', message: 'unknown' } });
  });
});
