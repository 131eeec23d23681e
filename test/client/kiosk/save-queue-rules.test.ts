// The save queue's rules that keep a candidate's answer (issue 17), one sentence each: a second
// opening on the same workstation, refusals of older revisions, locks with saves in flight, the
// connection watchdog, the conflict cap, the terminal refusals and flush().
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LocalCopies, asideKeyPrefix } from '../../../client/kiosk/local-copies.js';
import { SaveQueue, SaveRefusedError, type SaveMessage, type SaveTransport } from '../../../client/kiosk/save-queue.js';
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
const nextCandidate = { sessionCode: 'ABCDEF', candidateCode: 'ZZZZZZZZ' };

function setup(options: { storage?: MemoryStorage; noStorage?: boolean; online?: boolean; withHost?: boolean } = {}) {
  const storage = options.storage ?? new MemoryStorage();
  const transport = new FakeTransport();
  transport.online = options.online ?? true;
  let clock = 0;
  const roundTrips: number[] = [];
  const host = { addController: vi.fn(), removeController: vi.fn(), requestUpdate: vi.fn(), updateComplete: Promise.resolve(true) };
  const queue = new SaveQueue(options.withHost ? host : null, { storage: options.noStorage ? null : storage, transport, monotonicNow: () => clock, onRoundTrip: (ms) => roundTrips.push(ms) });
  queue.connectionChanged(transport.online);
  return {
    storage,
    transport,
    queue,
    host,
    roundTrips,
    advance(ms: number) {
      clock += ms;
      vi.advanceTimersByTime(ms);
    },
    sent: () => transport.sent.map((s) => [s.questionId, s.revision, s.text]),
  };
}
const ack = (queue: SaveQueue, questionId: string, revision: number, savedAt = 1000) => queue.acknowledge({ questionId, revision, savedAt });
const refuse = (queue: SaveQueue, questionId: string, revision: number, reason: Parameters<SaveQueue['refuse']>[0]['reason']) =>
  queue.refuse({ questionId, revision, reason, message: `refused: ${reason}` });

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('opening the queue a second time on the same workstation', () => {
  it('keeps the candidate’s unacknowledged in-memory edits when the attempt is refreshed with storage full', () => {
    const storage = new MemoryStorage();
    const { queue, transport, advance, sent } = setup({ storage });
    queue.open(scope, []);
    storage.failWrites = true;
    queue.edit('q1', 'only in memory');
    advance(1000);
    transport.online = false;
    queue.connectionChanged(false);
    // The attempt is fetched again: the server never got the edit, storage has no copy of it.
    const texts = queue.open(scope, []);
    expect(texts.get('q1')).toBe('only in memory');
    expect(queue.text('q1')).toBe('only in memory');
    transport.online = true;
    queue.connectionChanged(true);
    expect(sent().at(-1)).toEqual(['q1', 1, 'only in memory']);
  });

  // A refresh that brings an older view than the kiosk saw acknowledged is a server restored
  // from an older backup: the kiosk keeps its text and sends it again (issue 10, item 1).
  it('keeps its acknowledged text and sends it again when the refresh brings an older view', () => {
    const { queue, sent, advance } = setup();
    queue.open(scope, [{ questionId: 'q1', text: 'a', revision: 1, savedAt: 10 }]);
    queue.edit('q1', 'ab');
    advance(1000);
    ack(queue, 'q1', 2, 20);
    const texts = queue.open(scope, [{ questionId: 'q1', text: 'a', revision: 1, savedAt: 10 }]);
    expect(texts.get('q1')).toBe('ab');
    advance(1000);
    expect(sent()).toEqual([
      ['q1', 2, 'ab'],
      ['q1', 2, 'ab'],
    ]);
    expect(queue.snapshot.questions.get('q1')).toMatchObject({ state: 'saving', refusal: null });
    ack(queue, 'q1', 2, 30);
    expect(queue.snapshot.questions.get('q1')).toEqual({ state: 'saved', savedAt: 30, refusal: null });
    queue.edit('q1', 'abc');
    advance(1000);
    expect(sent().at(-1)).toEqual(['q1', 3, 'abc']);
  });

  it('forgets the previous candidate’s answers when another candidate logs in on the workstation, and leaves their copies for them', async () => {
    const { queue, transport, advance, storage } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'first candidate');
    const flushed = queue.flush();
    transport.online = false;
    queue.connectionChanged(false);
    queue.stop({ reason: 'submitted', message: 'Submitted.' });
    await expect(flushed).rejects.toBeInstanceOf(SaveRefusedError);
    const pendingFlush = queue.flush();
    const texts = queue.open(nextCandidate, []);
    await expect(pendingFlush).rejects.toBeInstanceOf(SaveRefusedError);
    expect(texts.size).toBe(0);
    expect(queue.text('q1')).toBe('');
    expect(queue.snapshot).toMatchObject({ state: 'saved', stopped: null, pendingCount: 0 });
    // The first candidate's copy stays in storage, under their own key, for their next login.
    expect(new LocalCopies(storage, scope).read('q1')?.text).toBe('first candidate');
    transport.online = true;
    queue.connectionChanged(true);
    queue.edit('q1', 'second candidate');
    advance(1000);
    expect(transport.sent.at(-1)).toEqual({ type: 'save', questionId: 'q1', revision: 1, text: 'second candidate' });
  });

  it('rejects a flush still waiting for the previous candidate', async () => {
    const { queue } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'a');
    const flushed = queue.flush();
    queue.open(nextCandidate, []);
    await expect(flushed).rejects.toThrow('The candidate changed.');
  });

  it('lifts a hold when another candidate logs in, and keeps it for the same candidate', () => {
    const { queue } = setup();
    queue.open(scope, []);
    queue.hold('locked');
    queue.open({ sessionCode: 'abcdef', candidateCode: 'ghjkmnpq' }, []);
    expect(queue.snapshot.held).toBe('locked');
    queue.open(nextCandidate, []);
    expect(queue.snapshot.held).toBeNull();
  });

  it('puts aside each diverged copy and counts them', () => {
    const storage = new MemoryStorage();
    const local = new LocalCopies(storage, scope);
    local.write({ questionId: 'q1', revision: 3, text: 'old base', base: 1 });
    local.write({ questionId: 'q2', revision: 3, text: 'old base too', base: 1 });
    const { queue, transport } = setup({ storage });
    queue.open(scope, [
      { questionId: 'q1', text: 'elsewhere', revision: 2, savedAt: 5 },
      { questionId: 'q2', text: 'elsewhere too', revision: 2, savedAt: 5 },
    ]);
    expect(queue.snapshot.putAside).toBe(2);
    expect([...storage.map.keys()].filter((k) => k.startsWith(asideKeyPrefix(scope)))).toHaveLength(2);
    expect(transport.sent).toEqual([]);
  });

  it('works without any storage at all', () => {
    const { queue, advance, sent } = setup({ noStorage: true });
    queue.open(scope, []);
    queue.edit('q1', 'a');
    advance(1000);
    ack(queue, 'q1', 1);
    expect(sent()).toEqual([['q1', 1, 'a']]);
    expect(queue.snapshot.state).toBe('saved');
    expect(queue.snapshot.localCopyFailed).toBe(false);
  });
});

describe('refusals of one revision', () => {
  it('does not mark the newer revision in flight as refused when an older one is refused', () => {
    const { queue, advance, sent } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'a');
    advance(1000);
    queue.edit('q1', 'ab');
    advance(1000);
    expect(sent()).toEqual([
      ['q1', 1, 'a'],
      ['q1', 2, 'ab'],
    ]);
    refuse(queue, 'q1', 1, 'too-long');
    expect(queue.snapshot.questions.get('q1')).toMatchObject({ state: 'saving', refusal: null });
    // Revision 2 is still on its way: not sent twice.
    queue.sendNow();
    expect(sent()).toHaveLength(2);
    ack(queue, 'q1', 2);
    expect(queue.snapshot.state).toBe('saved');
  });

  it('does not let an older revision’s conflict bump the newer one', () => {
    const { queue, advance, sent } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'a');
    advance(1000);
    queue.edit('q1', 'ab');
    advance(1000);
    refuse(queue, 'q1', 1, 'conflict');
    expect(sent()).toHaveLength(2);
    ack(queue, 'q1', 2);
    expect(queue.snapshot.state).toBe('saved');
  });

  it('ignores a refusal for a question it does not know', () => {
    const { queue } = setup();
    queue.open(scope, []);
    refuse(queue, 'q9', 1, 'unknown-question');
    expect(queue.snapshot).toMatchObject({ state: 'saved', stopped: null, held: null });
  });

  it('marks the question refused, with the reason, when the server does not know it', () => {
    const { queue, advance } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'a');
    advance(1000);
    refuse(queue, 'q1', 1, 'unknown-question');
    expect(queue.snapshot.questions.get('q1')).toEqual({ state: 'refused', savedAt: null, refusal: { reason: 'unknown-question', message: 'refused: unknown-question' } });
    expect(queue.snapshot.state).toBe('refused');
  });

  it('resends a refused revision once it is edited, but not before', () => {
    const { queue, advance, sent } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'x');
    advance(1000);
    refuse(queue, 'q1', 1, 'too-long');
    queue.sendNow();
    queue.connectionChanged(false);
    queue.connectionChanged(true);
    expect(sent()).toEqual([['q1', 1, 'x']]);
  });
});

describe('conflicts', () => {
  it('retries a conflict under the next revision three times, then marks the question refused', () => {
    const { queue, advance, sent } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'mine');
    advance(1000);
    for (let revision = 1; revision <= 3; revision++) refuse(queue, 'q1', revision, 'conflict');
    expect(sent().map((s) => s[1])).toEqual([1, 2, 3, 4]);
    expect(queue.snapshot.questions.get('q1')?.state).toBe('saving');
    refuse(queue, 'q1', 4, 'conflict');
    expect(sent()).toHaveLength(4);
    expect(queue.snapshot.questions.get('q1')).toMatchObject({ state: 'refused', refusal: { reason: 'conflict' } });
  });

  it('writes the conflict’s new revision to the local copy', () => {
    const { queue, advance, storage } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'mine');
    advance(1000);
    refuse(queue, 'q1', 1, 'conflict');
    // `sent` is what the copy remembers of its unacknowledged sends (revision and text digest).
    expect(new LocalCopies(storage, scope).read('q1')).toEqual({
      questionId: 'q1',
      revision: 2,
      text: 'mine',
      base: 0,
      sent: [
        { revision: 1, digest: expect.any(String) },
        { revision: 2, digest: expect.any(String) },
      ],
    });
  });

  it('counts conflicts again from zero after an acknowledgement', () => {
    const { queue, advance, sent } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'a');
    advance(1000);
    for (let revision = 1; revision <= 3; revision++) refuse(queue, 'q1', revision, 'conflict');
    ack(queue, 'q1', 4);
    queue.edit('q1', 'ab');
    advance(1000);
    for (let revision = 5; revision <= 7; revision++) refuse(queue, 'q1', revision, 'conflict');
    expect(sent().map((s) => s[1])).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('clears a refusal that an edit can cure, but never a terminal one', () => {
    const { queue, advance } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'a');
    advance(1000);
    refuse(queue, 'q1', 1, 'too-long');
    queue.edit('q1', 'b');
    expect(queue.snapshot.questions.get('q1')?.refusal).toBeNull();
  });
});

describe('locks and holds', () => {
  it('sends both answers again after a lock that arrived with the two in flight', () => {
    const { queue, advance, sent } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'a');
    queue.edit('q2', 'b');
    advance(1000);
    refuse(queue, 'q1', 1, 'locked');
    refuse(queue, 'q2', 1, 'locked');
    expect(queue.snapshot.held).toBe('locked');
    queue.release('locked');
    expect(sent()).toEqual([
      ['q1', 1, 'a'],
      ['q2', 1, 'b'],
      ['q1', 1, 'a'],
      ['q2', 1, 'b'],
    ]);
    expect(queue.snapshot.held).toBeNull();
  });

  it('sends again after a hold what was in flight when the workstation was locked', () => {
    const { queue, advance, sent } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'a');
    queue.edit('q2', 'b');
    advance(1000);
    queue.hold('locked');
    queue.release('locked');
    expect(sent()).toEqual([
      ['q1', 1, 'a'],
      ['q2', 1, 'b'],
      ['q1', 1, 'a'],
      ['q2', 1, 'b'],
    ]);
  });

  it('stays held when released for another reason, and releases on any reason when none is given', () => {
    const { queue, advance, sent } = setup();
    queue.open(scope, []);
    refuse(queue, 'q1', 1, 'not-started');
    queue.edit('q1', 'a');
    advance(6000);
    queue.release('locked');
    expect(queue.snapshot.held).toBe('not-started');
    expect(sent()).toEqual([]);
    queue.release();
    expect(sent()).toEqual([['q1', 1, 'a']]);
  });

  it('does nothing when released without a hold', () => {
    const { queue, host } = setup({ withHost: true });
    queue.open(scope, []);
    host.requestUpdate.mockClear();
    queue.release();
    expect(host.requestUpdate).not.toHaveBeenCalled();
  });

  it('does not reconnect while held, even with a save unanswered', () => {
    const { queue, advance, transport } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'a');
    advance(1000);
    queue.hold('locked');
    advance(60_000);
    expect(transport.reconnects).toBe(0);
  });
});

describe('the connection watchdog', () => {
  it('never drops a healthy connection whose every save is acknowledged', () => {
    const { queue, advance, transport } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'a');
    advance(1000);
    advance(500);
    ack(queue, 'q1', 1);
    advance(60_000);
    expect(transport.reconnects).toBe(0);
  });

  it('measures the wait from the oldest save still unanswered', () => {
    const { queue, advance, transport } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'a');
    advance(1000); // q1 sent at 1000
    queue.edit('q2', 'b');
    advance(1000); // q2 sent at 2000
    ack(queue, 'q2', 1); // re-armed from q1's send
    advance(13_999);
    expect(transport.reconnects).toBe(0);
    advance(1);
    expect(transport.reconnects).toBe(1);
  });

  it('waits from the oldest unanswered save whatever the order of the questions', () => {
    const { queue, advance, transport } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'a');
    advance(1000); // q1 sent at 1000
    ack(queue, 'q1', 1);
    queue.edit('q2', 'b');
    advance(1000); // q2 sent at 2000
    queue.edit('q1', 'ab');
    advance(1000); // q1 sent again at 3000, before q2 in the queue's order
    advance(13_999);
    expect(transport.reconnects).toBe(0);
    advance(1);
    expect(transport.reconnects).toBe(1);
  });

  it('waits from the first of two unanswered saves', () => {
    const { queue, advance, transport } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'a');
    advance(1000); // sent at 1000
    queue.edit('q2', 'b');
    advance(1000); // sent at 2000
    advance(13_999);
    expect(transport.reconnects).toBe(0);
    advance(1);
    expect(transport.reconnects).toBe(1);
  });

  it('re-arms from the remaining unanswered save once the oldest is answered', () => {
    const { queue, advance, transport } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'a');
    advance(1000); // q1 sent at 1000
    queue.edit('q2', 'b');
    advance(1000); // q2 sent at 2000
    ack(queue, 'q1', 1);
    advance(14_999);
    expect(transport.reconnects).toBe(0);
    advance(1);
    expect(transport.reconnects).toBe(1);
  });

  it('stops watching when the connection drops and when the page lets the queue go', () => {
    const { queue, advance, transport } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'a');
    advance(1000);
    transport.online = false;
    queue.connectionChanged(false);
    advance(60_000);
    expect(transport.reconnects).toBe(0);
    transport.online = true;
    queue.connectionChanged(true);
    queue.hostDisconnected();
    advance(60_000);
    expect(transport.reconnects).toBe(0);
  });

  it('reports each answered save’s round trip, and none for an older revision’s answer', () => {
    const { queue, advance, roundTrips } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'a');
    advance(1000);
    advance(250);
    ack(queue, 'q1', 1);
    expect(roundTrips).toEqual([250]);
    queue.edit('q1', 'ab');
    advance(1000);
    ack(queue, 'q1', 1);
    expect(roundTrips).toEqual([250]);
  });
});

describe('terminal refusals', () => {
  it.each(['ended', 'submitted', 'late'] as const)('stops all sending on "%s", keeps the copies and fails a flush with that reason', async (reason) => {
    const { queue, advance, sent, storage } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'a');
    queue.edit('q2', 'b');
    advance(1000);
    const flushed = queue.flush();
    refuse(queue, 'q1', 1, reason);
    await expect(flushed).rejects.toMatchObject({ name: 'SaveRefusedError', refusal: { reason } });
    queue.edit('q2', 'bc');
    queue.connectionChanged(false);
    queue.connectionChanged(true);
    advance(10_000);
    expect(sent()).toHaveLength(2);
    expect(queue.snapshot).toMatchObject({ state: 'refused', stopped: { reason, message: `refused: ${reason}` } });
    expect(queue.snapshot.questions.get('q2')?.state).toBe('refused');
    expect(new LocalCopies(storage, scope).all()).toHaveLength(2);
    await expect(queue.flush()).rejects.toMatchObject({ refusal: { reason } });
  });

  it('keeps the first reason it stopped for', () => {
    const { queue } = setup();
    queue.open(scope, []);
    refuse(queue, 'q1', 1, 'late');
    queue.stop({ reason: 'ended', message: 'Ended.' });
    expect(queue.snapshot.stopped?.reason).toBe('late');
  });

  it('a terminal refusal of one question does not leave the edit typed after it unsaved in storage', () => {
    const { queue, advance, storage } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'a');
    advance(1000);
    refuse(queue, 'q1', 1, 'ended');
    queue.edit('q1', 'typed after the end');
    expect(new LocalCopies(storage, scope).read('q1')?.text).toBe('typed after the end');
    expect(queue.snapshot.questions.get('q1')?.refusal?.reason).toBe('ended');
  });
});

describe('flush()', () => {
  it('fails at once when a question is refused, instead of never settling', async () => {
    const { queue, advance } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'x');
    queue.edit('q2', 'y');
    advance(1000);
    refuse(queue, 'q1', 1, 'too-long');
    ack(queue, 'q2', 1);
    await expect(queue.flush()).rejects.toMatchObject({ refusal: { reason: 'too-long' } });
  });

  it('fails a waiting flush when a question becomes refused', async () => {
    const { queue, advance } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'x');
    advance(1000);
    const flushed = queue.flush();
    refuse(queue, 'q1', 1, 'too-long');
    await expect(flushed).rejects.toBeInstanceOf(SaveRefusedError);
  });

  it('sends what waits for the scheduler at once, and cancels the scheduled send', () => {
    const { queue, advance, sent } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'a');
    void queue.flush();
    expect(sent()).toEqual([['q1', 1, 'a']]);
    advance(10_000);
    expect(sent()).toHaveLength(1);
  });

  it('resolves once the last pending answer is acknowledged, and not for an older revision', async () => {
    const { queue, advance } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'a');
    advance(1000);
    queue.edit('q1', 'ab');
    let done = false;
    const flushed = queue.flush().then(() => (done = true));
    ack(queue, 'q1', 1);
    await Promise.resolve();
    expect(done).toBe(false);
    ack(queue, 'q1', 2);
    await flushed;
    expect(done).toBe(true);
  });
});

describe('sending', () => {
  it('stops at the first save the transport cannot take, and sends it and the rest later', () => {
    const { queue, advance, transport, sent } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'a');
    queue.edit('q2', 'b');
    transport.accepting = false;
    advance(1000);
    expect(sent()).toEqual([]);
    expect(queue.snapshot.state).toBe('saving');
    transport.accepting = true;
    queue.sendNow();
    expect(sent()).toEqual([
      ['q1', 1, 'a'],
      ['q2', 1, 'b'],
    ]);
  });

  it('does not send an answer already acknowledged, nor one on its way', () => {
    const { queue, advance, sent } = setup();
    queue.open(scope, [{ questionId: 'q1', text: 'server', revision: 4, savedAt: 1 }]);
    queue.edit('q2', 'b');
    advance(1000);
    queue.sendNow();
    expect(sent()).toEqual([['q2', 1, 'b']]);
  });

  it('does not send while offline, and says offline per question', () => {
    const { queue, advance, sent } = setup({ online: false });
    queue.open(scope, []);
    queue.edit('q1', 'a');
    advance(6000);
    queue.sendNow();
    expect(sent()).toEqual([]);
    expect(queue.snapshot.questions.get('q1')?.state).toBe('offline');
    expect(queue.snapshot.pendingCount).toBe(1);
  });

  it('ignores a repeated connection event', () => {
    const { queue, advance, sent } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'a');
    advance(1000);
    queue.connectionChanged(true);
    expect(sent()).toHaveLength(1);
  });

  it('ignores an acknowledgement for a question it does not know', () => {
    const { queue } = setup();
    queue.open(scope, []);
    ack(queue, 'q9', 3);
    expect(queue.snapshot.questions.size).toBe(0);
  });
});

describe('state for the page', () => {
  it('tells the host of every change of the save state, and each subscriber of every change, until unsubscribed', () => {
    const { queue, host } = setup({ withHost: true });
    expect(host.addController).toHaveBeenCalledWith(queue);
    const seen: number[] = [];
    const unsubscribe = queue.subscribe(() => seen.push(queue.snapshot.pendingCount));
    queue.open(scope, []);
    queue.edit('q1', 'a');
    expect(seen.at(-1)).toBe(1);
    const calls = host.requestUpdate.mock.calls.length;
    expect(calls).toBeGreaterThan(0);
    unsubscribe();
    const heard = seen.length;
    queue.edit('q1', 'ab');
    ack(queue, 'q1', 2);
    expect(seen).toHaveLength(heard);
    expect(host.requestUpdate.mock.calls.length).toBeGreaterThan(calls);
  });

  it('gives the same snapshot until something changes', () => {
    const { queue } = setup();
    queue.open(scope, []);
    const first = queue.snapshot;
    expect(queue.snapshot).toBe(first);
    queue.edit('q1', 'a');
    expect(queue.snapshot).not.toBe(first);
  });

  it('takes the time of the latest acknowledgement of the same revision', () => {
    const { queue, advance } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'a');
    advance(1000);
    ack(queue, 'q1', 1, 500);
    ack(queue, 'q1', 1, 700);
    expect(queue.snapshot.questions.get('q1')?.savedAt).toBe(700);
  });

  it('takes the latest acknowledgement time over all answers', () => {
    const { queue, advance } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'a');
    queue.edit('q2', 'b');
    advance(1000);
    ack(queue, 'q2', 1, 900);
    ack(queue, 'q1', 1, 500);
    expect(queue.snapshot.lastSavedAt).toBe(900);
  });
});

describe('after submission', () => {
  it('takes the receipt’s revisions as acknowledged and stops', () => {
    const { queue, advance, storage } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'a');
    advance(1000);
    queue.settleWithReceipt({ submittedAt: 1, kind: 'candidate', digest: 'x', answers: [{ questionId: 'q1', revision: 1, words: 1 }] });
    expect(queue.snapshot).toMatchObject({ state: 'saved', pendingCount: 0, stopped: { reason: 'submitted' } });
    expect(storage.length).toBe(0);
  });

  it('never lowers what it knows from an older receipt entry', () => {
    const { queue, advance } = setup();
    queue.open(scope, [{ questionId: 'q1', text: 'a', revision: 5, savedAt: 1 }]);
    queue.edit('q1', 'ab');
    advance(1000);
    queue.settleWithReceipt({ submittedAt: 1, kind: 'candidate', digest: 'x', answers: [{ questionId: 'q1', revision: 3, words: 1 }] });
    expect(queue.snapshot.questions.get('q1')?.state).toBe('refused');
    expect(queue.snapshot.pendingCount).toBe(1);
  });
});

describe('edges of the queue', () => {
  it('sends what was opened offline as soon as the first connection opens', () => {
    const transport = new FakeTransport();
    transport.online = false;
    const queue = new SaveQueue(null, { storage: new MemoryStorage(), transport, monotonicNow: () => 0 });
    queue.open(scope, []);
    queue.edit('q1', 'a');
    transport.online = true;
    queue.connectionChanged(true);
    expect(transport.sent).toEqual([{ type: 'save', questionId: 'q1', revision: 1, text: 'a' }]);
  });

  it('measures round trips with the page’s clock when none is given', () => {
    const transport = new FakeTransport();
    const roundTrips: number[] = [];
    const queue = new SaveQueue(null, { storage: null, transport, onRoundTrip: (ms) => roundTrips.push(ms) });
    queue.connectionChanged(true);
    queue.open(scope, []);
    queue.edit('q1', 'a');
    queue.sendNow();
    ack(queue, 'q1', 1);
    expect(roundTrips).toHaveLength(1);
    expect(roundTrips[0]).toBeGreaterThanOrEqual(0);
  });

  it('survives the watchdog on a transport that cannot reconnect', () => {
    const transport = { online: true, sent: [] as SaveMessage[], send(save: SaveMessage) { this.sent.push(save); return true; } };
    let clock = 0;
    const queue = new SaveQueue(null, { storage: null, transport, monotonicNow: () => clock });
    queue.connectionChanged(true);
    queue.open(scope, []);
    queue.edit('q1', 'a');
    queue.sendNow();
    clock += 20_000;
    expect(() => vi.advanceTimersByTime(20_000)).not.toThrow();
  });

  it('without storage, takes back an in-memory edit the server holds and keeps a diverged one out of the way', () => {
    const { queue, advance } = setup({ noStorage: true });
    queue.open(scope, []);
    queue.edit('q1', 'a');
    for (const text of ['m', 'mi', 'min', 'mine']) queue.edit('q2', text);
    advance(1000);
    // The attempt is fetched again: q1 reached the server, q2 was written from elsewhere meanwhile.
    const texts = queue.open(scope, [
      { questionId: 'q1', text: 'a', revision: 1, savedAt: 5 },
      { questionId: 'q2', text: 'elsewhere', revision: 3, savedAt: 6 },
    ]);
    expect(texts.get('q1')).toBe('a');
    expect(texts.get('q2')).toBe('elsewhere');
    expect(queue.snapshot).toMatchObject({ state: 'saved', putAside: 1 });
  });

  it('shows each change of state in the next snapshot, even one read just before', () => {
    const { queue, advance, transport } = setup();
    const seen = () => queue.snapshot;
    seen();
    queue.open(scope, [{ questionId: 'q1', text: 'a', revision: 1, savedAt: 5 }]);
    expect(seen().questions.size).toBe(1);
    queue.edit('q2', 'b');
    advance(1000);
    seen();
    refuse(queue, 'q2', 1, 'too-long');
    expect(seen().state).toBe('refused');
    queue.edit('q2', 'c');
    seen();
    transport.online = false;
    queue.connectionChanged(false);
    expect(seen().state).toBe('offline');
    transport.online = true;
    queue.connectionChanged(true);
    seen();
    queue.hold('locked');
    expect(seen().held).toBe('locked');
    ack(queue, 'q2', 2);
    seen();
    queue.release('locked');
    expect(seen().held).toBeNull();
    seen();
    queue.stop({ reason: 'ended', message: 'Ended.' });
    expect(seen().stopped).toEqual({ reason: 'ended', message: 'Ended.' });
  });

  it('does not try the next answer once the transport refused one', () => {
    const { queue, transport, advance } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'a');
    queue.edit('q2', 'b');
    let calls = 0;
    transport.send = (save) => {
      calls++;
      if (calls === 1) return false;
      transport.sent.push(save);
      return true;
    };
    advance(1000);
    expect(calls).toBe(1);
    expect(transport.sent).toEqual([]);
  });

  it('never lowers what the server acknowledged because of a receipt entry older than it', () => {
    const { queue, advance } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'a');
    advance(1000);
    queue.edit('q1', 'ab');
    advance(1000);
    ack(queue, 'q1', 2);
    queue.settleWithReceipt({ submittedAt: 1, kind: 'candidate', digest: 'x', answers: [{ questionId: 'q1', revision: 1, words: 1 }] });
    expect(queue.snapshot).toMatchObject({ state: 'saved', pendingCount: 0, stopped: { reason: 'submitted', message: 'Submitted.' } });
  });
});
