// The mark queue's durability rules (issue 17): a corrector's mark is never dropped by a failure
// that may pass, never resent over a newer change, and `settled()` never answers too early.
// The server here answers each send by hand, so every step of the queue is seen.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MarkQueue, MarkQueueController, markKey, type MarkTarget, type PendingMark, type SendFailure } from '../../../client/grading/mark-queue.js';
import type { AnswerMark, MarkSaveResult } from '../../../server/contract/grading.js';
import { MemoryStorage } from '../memory-storage.js';

interface Call {
  mark: PendingMark;
  answer(result: MarkSaveResult): Promise<void>;
  failWith(failure: SendFailure): Promise<void>;
}

/** A server whose every answer the test gives, one call at a time. */
function handServer() {
  const calls: Call[] = [];
  const send = (mark: PendingMark) =>
    new Promise<MarkSaveResult>((resolve, reject) => {
      calls.push({
        mark,
        answer: async (result) => {
          resolve(result);
          await settle();
        },
        failWith: async (failure) => {
          reject(failure);
          await settle();
        },
      });
    });
  return { calls, send, last: () => calls[calls.length - 1]! };
}

const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};
const q1: MarkTarget = { kind: 'answer', candidateId: 1, questionId: 'q1' };
const q2: MarkTarget = { kind: 'answer', candidateId: 1, questionId: 'q2' };
const mark = (level: 'found' | 'partly' | 'missing'): AnswerMark => ({ keyPoints: { kp1: level }, interpretation: null, comment: '' });
const stored = (revision: number): MarkSaveResult => ({ outcome: 'stored', revision, updatedAt: 1 });
const PREFIX = 'lectern.grading.v1.7.3.';

let storage: MemoryStorage;
let server: ReturnType<typeof handServer>;
let queue: MarkQueue;
let changes: number;

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(Math, 'random').mockReturnValue(0.5);
  storage = new MemoryStorage();
  server = handServer();
  changes = 0;
  queue = new MarkQueue({ storage, accountId: 7, sessionId: 3, send: server.send, minDelayMs: 100, maxDelayMs: 700, onChange: () => changes++ });
});
afterEach(() => {
  queue.dispose();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('failures that may pass', () => {
  it('retries a mark after an HTTP 500 and never drops it', async () => {
    queue.change(q1, mark('found'));
    await server.last().failWith({ status: 500, code: 'internal', message: 'boom' });
    expect(queue.state).toBe('offline');
    expect(queue.has(q1)).toBe(true);
    expect(queue.refusals).toEqual([]);
    expect(storage.getItem(PREFIX + 'a.1.q1')).not.toBeNull();
    await vi.advanceTimersByTimeAsync(100);
    expect(server.calls).toHaveLength(2);
    await server.last().answer(stored(1));
    expect(queue.state).toBe('saved');
    expect(queue.size).toBe(0);
    expect(storage.length).toBe(0);
  });

  it('waits twice as long after each failure, up to the maximum, and starts again from the minimum after a success', async () => {
    queue.change(q1, mark('found'));
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      await server.last().failWith({ status: 0, code: 'network', message: 'offline' });
      const before = server.calls.length;
      let waited = 0;
      while (server.calls.length === before) {
        await vi.advanceTimersByTimeAsync(10);
        waited += 10;
      }
      waits.push(waited);
    }
    expect(waits).toEqual([100, 200, 400, 700, 700]);
    await server.last().answer(stored(1));
    queue.change(q1, mark('partly'));
    await server.last().failWith({ status: 503, code: 'unavailable', message: 'later' });
    await vi.advanceTimersByTimeAsync(99);
    expect(server.calls).toHaveLength(7);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.calls).toHaveLength(8);
  });

  it('spreads the retries by up to a fifth either way', async () => {
    vi.mocked(Math.random).mockReturnValue(0);
    queue.change(q1, mark('found'));
    await server.last().failWith({ status: 0, code: 'network', message: 'offline' });
    await vi.advanceTimersByTimeAsync(79);
    expect(server.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.calls).toHaveLength(2);
    vi.mocked(Math.random).mockReturnValue(0.999_999);
    await server.last().failWith({ status: 0, code: 'network', message: 'offline' });
    await vi.advanceTimersByTimeAsync(239);
    expect(server.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.calls).toHaveLength(3);
  });

  it('treats a failure without a status as the network being down', async () => {
    queue.change(q1, mark('found'));
    await server.last().failWith(new Error('fetch failed') as unknown as SendFailure);
    expect(queue.state).toBe('offline');
    expect(queue.has(q1)).toBe(true);
  });

  it('sends at once when told the network is back, without waiting for the retry', async () => {
    queue.change(q1, mark('found'));
    await server.last().failWith({ status: 0, code: 'network', message: 'offline' });
    queue.retryNow();
    expect(server.calls).toHaveLength(2);
    expect(queue.state).toBe('offline');
    await server.last().answer(stored(1));
    expect(queue.state).toBe('saved');
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.calls).toHaveLength(2);
  });

  it('drops the earlier retry when told to send at once, so a new failure waits its own, longer delay', async () => {
    queue.change(q1, mark('found'));
    await server.last().failWith({ status: 0, code: 'network', message: 'offline' });
    await vi.advanceTimersByTimeAsync(50);
    queue.retryNow();
    await server.last().failWith({ status: 0, code: 'network', message: 'offline' });
    // The first retry would have fired at 100 ms; the second failure waits 200 ms from 50 ms.
    await vi.advanceTimersByTimeAsync(100);
    expect(server.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(100);
    expect(server.calls).toHaveLength(3);
  });

  it('treats a rejection with nothing at all as the network being down', async () => {
    queue.change(q1, mark('found'));
    await server.last().failWith(undefined as unknown as SendFailure);
    expect(queue.state).toBe('offline');
    expect(queue.has(q1)).toBe(true);
  });
});

describe('an expired login', () => {
  it('holds the marks when the CSRF token has expired, and sends them after logging in again', async () => {
    queue.change(q1, mark('found'));
    queue.change(q2, mark('found'));
    await server.last().failWith({ status: 403, code: 'bad-csrf-token', message: 'expired' });
    expect(queue.state).toBe('logged-out');
    expect(queue.size).toBe(2);
    expect(queue.refusals).toEqual([]);
    expect(storage.length).toBe(2);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(server.calls).toHaveLength(1);
    queue.change(q2, mark('partly'));
    expect(server.calls).toHaveLength(1);
    queue.retryNow();
    expect(queue.state).toBe('saving');
    expect(server.calls).toHaveLength(2);
    await server.last().answer(stored(1));
    await server.last().answer(stored(2));
    expect(queue.state).toBe('saved');
    expect(storage.length).toBe(0);
  });

  it('drops a mark refused with another 403 (not the corrector’s script) and records why', async () => {
    queue.change(q1, mark('found'));
    queue.change(q2, mark('found'));
    await server.last().failWith({ status: 403, code: 'not-your-script', message: 'not yours' });
    expect(queue.refusals).toEqual([{ target: q1, code: 'not-your-script', message: 'not yours' }]);
    expect(queue.has(q1)).toBe(false);
    expect(storage.getItem(PREFIX + 'a.1.q1')).toBeNull();
    expect(queue.state).toBe('saving');
    expect(server.last().mark.target).toEqual(q2);
  });

  it('keeps a newer change made while the refused one was on its way', async () => {
    queue.change(q1, mark('found'));
    queue.change(q1, mark('partly'));
    await server.last().failWith({ status: 409, code: 'reading-finished', message: 'finished' });
    expect(queue.refusals).toHaveLength(1);
    expect(queue.has(q1)).toBe(true);
    expect(server.last().mark).toMatchObject({ revision: 2, body: mark('partly') });
    expect(JSON.parse(storage.getItem(PREFIX + 'a.1.q1')!)).toMatchObject({ revision: 2 });
  });
});

describe('conflicts and stale answers', () => {
  it('does not resend an old mark over a newer change when the server answers conflict', async () => {
    queue.load([{ target: q1, revision: 1 }]);
    queue.change(q1, mark('found'));
    expect(server.last().mark.revision).toBe(2);
    queue.change(q1, mark('missing'));
    await server.last().answer({ outcome: 'conflict', revision: 2, updatedAt: 1 });
    expect(server.calls).toHaveLength(2);
    expect(server.last().mark).toEqual({ target: q1, revision: 3, body: mark('missing') });
    await server.last().answer(stored(3));
    expect(queue.state).toBe('saved');
  });

  it('resends its own mark above the server’s revision when nothing newer was changed', async () => {
    const onRevision = vi.fn();
    queue = new MarkQueue({ storage, accountId: 7, sessionId: 3, send: server.send, onRevision });
    queue.change(q1, mark('found'));
    await server.last().answer({ outcome: 'conflict', revision: 4, updatedAt: 1 });
    expect(server.last().mark).toEqual({ target: q1, revision: 5, body: mark('found') });
    expect(onRevision).toHaveBeenCalledWith(q1, 5);
    expect(JSON.parse(storage.getItem(PREFIX + 'a.1.q1')!)).toMatchObject({ revision: 5 });
    await server.last().answer(stored(5));
    expect(queue.change(q1, mark('partly')).revision).toBe(6);
  });

  it('sends the other waiting marks before resending one that met a conflict', async () => {
    queue.change(q1, mark('found'));
    queue.change(q2, mark('found'));
    await server.last().answer({ outcome: 'conflict', revision: 1, updatedAt: 1 });
    expect(server.last().mark.target).toEqual(q2);
    await server.last().answer(stored(1));
    expect(server.last().mark).toMatchObject({ target: q1, revision: 2 });
  });

  it('tells the view of a revision only when the server holds another than sent', async () => {
    const onRevision = vi.fn();
    queue = new MarkQueue({ storage, accountId: 7, sessionId: 3, send: server.send, onRevision });
    queue.change(q1, mark('found'));
    await server.last().answer(stored(1));
    queue.change(q1, mark('partly'));
    await server.last().answer({ outcome: 'duplicate', revision: 2, updatedAt: 1 });
    expect(onRevision).not.toHaveBeenCalled();
  });

  it('keeps a newer change when a stale answer comes for the older one', async () => {
    queue.change(q1, mark('found'));
    queue.change(q1, mark('partly'));
    await server.last().answer({ outcome: 'stale', revision: 1, updatedAt: 1 });
    expect(queue.has(q1)).toBe(true);
    expect(server.last().mark.revision).toBe(2);
  });

  it('drops the mark when the server already holds a newer revision, and numbers the next change above it', async () => {
    queue.change(q1, mark('found'));
    await server.last().answer({ outcome: 'stale', revision: 8, updatedAt: 1 });
    expect(queue.has(q1)).toBe(false);
    queue.load([{ target: q1, revision: 3 }]);
    expect(queue.change(q1, mark('partly')).revision).toBe(9);
  });

  it('acknowledges a duplicate like a stored mark', async () => {
    queue.change(q1, mark('found'));
    await server.last().answer({ outcome: 'duplicate', revision: 1, updatedAt: 1 });
    expect(queue.size).toBe(0);
    expect(storage.length).toBe(0);
    expect(queue.state).toBe('saved');
  });
});

describe('settled()', () => {
  it('does not answer true while a matching mark is still on its way', async () => {
    queue.change(q1, mark('found'));
    let answer: boolean | null = null;
    void queue.settled((t) => t.candidateId === 1, 5_000).then((v) => (answer = v));
    await vi.advanceTimersByTimeAsync(500);
    expect(answer).toBeNull();
    await server.last().answer(stored(1));
    await vi.advanceTimersByTimeAsync(50);
    expect(answer).toBe(true);
  });

  it('keeps waiting while one matching mark waits among others that do not match', async () => {
    queue.change({ kind: 'script', candidateId: 2 }, { writing: {}, competence: {}, comment: '' });
    queue.change(q1, mark('found'));
    let answer: boolean | null = null;
    void queue.settled((t) => t.candidateId === 1, 5_000).then((v) => (answer = v));
    await vi.advanceTimersByTimeAsync(200);
    expect(answer).toBeNull();
  });

  it('answers at once when no matching mark waits, whatever other marks wait', async () => {
    queue.change({ kind: 'script', candidateId: 2 }, { writing: {}, competence: {}, comment: '' });
    await expect(queue.settled((t) => t.candidateId === 1, 0)).resolves.toBe(true);
  });

  it('answers false after the timeout, not before', async () => {
    queue.change(q1, mark('found'));
    let answer: boolean | null = null;
    void queue.settled(() => true, 1_000).then((v) => (answer = v));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(answer).toBeNull();
    await vi.advanceTimersByTimeAsync(100);
    expect(answer).toBe(false);
  });

  it('answers false once the page has let the queue go', async () => {
    queue.change(q1, mark('found'));
    let answer: boolean | null = null;
    void queue.settled(() => true, 60_000).then((v) => (answer = v));
    queue.dispose();
    await vi.advanceTimersByTimeAsync(100);
    expect(answer).toBe(false);
  });
});

describe('storage keys', () => {
  it('keeps two candidates’ script marks under two keys', async () => {
    const script = { writing: {}, competence: {}, comment: '' };
    queue.change({ kind: 'script', candidateId: 1 }, script);
    queue.change({ kind: 'script', candidateId: 2 }, { ...script, comment: 'two' });
    expect([...storage.map.keys()].sort()).toEqual([PREFIX + 's.1', PREFIX + 's.2']);
    expect(markKey({ kind: 'script', candidateId: 2 })).toBe('s.2');
    expect(markKey(q1)).toBe('a.1.q1');
    expect(queue.size).toBe(2);
    const next = new MarkQueue({ storage, accountId: 7, sessionId: 3, send: server.send });
    expect(next.restore().map((m) => m.target)).toEqual([
      { kind: 'script', candidateId: 1 },
      { kind: 'script', candidateId: 2 },
    ]);
    next.dispose();
  });

  it('leaves out a damaged copy, a copy under another mark’s key and a copy without a revision', () => {
    storage.setItem(PREFIX + 'a.1.q1', '{not json');
    storage.setItem(PREFIX + 'a.1.q2', JSON.stringify({ target: q1, revision: 2, body: mark('found') }));
    storage.setItem(PREFIX + 'a.1.q3', JSON.stringify({ target: { ...q1, questionId: 'q3' }, body: mark('found') }));
    storage.setItem(PREFIX + 'a.1.q4', JSON.stringify({ revision: 2, body: mark('found') }));
    storage.setItem(PREFIX + 'a.1.q5', 'null');
    storage.setItem(PREFIX + 'a.1.q6', JSON.stringify({ target: { ...q1, questionId: 'q6' }, revision: 2, body: mark('found') }));
    expect(queue.restore().map((m) => markKey(m.target))).toEqual(['a.1.q6']);
  });

  it('restores nothing without storage', () => {
    const memoryOnly = new MarkQueue({ storage: null, accountId: 7, sessionId: 3, send: server.send });
    expect(memoryOnly.restore()).toEqual([]);
    memoryOnly.change(q1, mark('found'));
    expect(memoryOnly.localCopyFailed).toBe(false);
    memoryOnly.dispose();
  });
});

describe('load()', () => {
  it('forgets a kept copy the server holds at the same revision, and keeps the waiting one’s newer revision', async () => {
    storage.setItem(PREFIX + 'a.1.q1', JSON.stringify({ target: q1, revision: 3, body: mark('found') }));
    expect(queue.load([{ target: q1, revision: 3 }])).toEqual([]);
    expect(storage.length).toBe(0);
    expect(server.calls).toHaveLength(0);
    expect(queue.change(q1, mark('partly')).revision).toBe(4);
  });

  it('does not forget the copy of a mark still waiting to be sent when the server holds it', async () => {
    queue.change(q1, mark('found'));
    queue.change(q1, mark('partly'));
    expect(queue.load([{ target: q1, revision: 2 }])).toEqual([]);
    expect(storage.getItem(PREFIX + 'a.1.q1')).not.toBeNull();
  });

  it('queues a kept copy newer than the server’s, and only notes it when the mark already waits', async () => {
    storage.setItem(PREFIX + 'a.1.q2', JSON.stringify({ target: q2, revision: 5, body: mark('missing') }));
    const newer = queue.load([{ target: q2, revision: 4 }]);
    expect(newer).toEqual([{ target: q2, revision: 5, body: mark('missing') }]);
    expect(server.last().mark.revision).toBe(5);
    // A reload of the workspace while it is on its way: the copy is still there, nothing is queued twice.
    storage.setItem(PREFIX + 'a.1.q2', JSON.stringify({ target: q2, revision: 7, body: mark('missing') }));
    expect(queue.load([{ target: q2, revision: 4 }])).toHaveLength(1);
    expect(server.calls).toHaveLength(1);
    expect(queue.change(q1, mark('found')).revision).toBe(1);
    await server.last().answer(stored(5));
    expect(server.calls).toHaveLength(2);
    expect(server.last().mark.target).toEqual(q1);
    expect(queue.change(q2, mark('found')).revision).toBe(8);
  });
});

describe('state', () => {
  it('tells the view of every change of state and of each acknowledgement', async () => {
    queue.change(q1, mark('found'));
    expect(queue.state).toBe('saving');
    const afterPut = changes;
    expect(afterPut).toBeGreaterThan(0);
    queue.change(q2, mark('found'));
    expect(changes).toBe(afterPut + 1);
    await server.last().answer(stored(1));
    expect(changes).toBeGreaterThan(afterPut + 1);
    expect(queue.state).toBe('saving');
  });

  it('goes from offline back to saving, not saved, while other marks wait', async () => {
    queue.change(q1, mark('found'));
    queue.change(q2, mark('found'));
    await server.last().failWith({ status: 0, code: 'network', message: 'offline' });
    expect(queue.state).toBe('offline');
    await vi.advanceTimersByTimeAsync(100);
    await server.last().answer(stored(1));
    expect(queue.state).toBe('saving');
    await server.last().answer(stored(1));
    expect(queue.state).toBe('saved');
  });

  it('sends nothing more once disposed', async () => {
    queue.change(q1, mark('found'));
    await server.last().failWith({ status: 0, code: 'network', message: 'offline' });
    queue.dispose();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(server.calls).toHaveLength(1);
  });
});

describe('waiting for a retry', () => {
  it('does not send a new change before the retry delay is over', async () => {
    queue.change(q1, mark('found'));
    await server.last().failWith({ status: 0, code: 'network', message: 'offline' });
    queue.change(q2, mark('found'));
    expect(server.calls).toHaveLength(1);
    expect(queue.state).toBe('offline');
    await vi.advanceTimersByTimeAsync(100);
    expect(server.calls).toHaveLength(2);
  });
});

describe('the queue on a page', () => {
  it('sends again when the browser says the network is back, and lets the queue go with the page', () => {
    const listeners = new Map<string, EventListener>();
    vi.stubGlobal('addEventListener', (type: string, listener: EventListener) => listeners.set(type, listener));
    vi.stubGlobal('removeEventListener', (type: string, listener: EventListener) => {
      if (listeners.get(type) === listener) listeners.delete(type);
    });
    try {
      const host = { addController: vi.fn(), removeController: vi.fn(), requestUpdate: vi.fn(), updateComplete: Promise.resolve(true) };
      const controller = new MarkQueueController(host);
      expect(host.addController).toHaveBeenCalledWith(controller);
      controller.queue = queue;
      const retryNow = vi.spyOn(queue, 'retryNow');
      const dispose = vi.spyOn(queue, 'dispose');
      controller.hostConnected();
      listeners.get('online')!(new Event('online'));
      expect(retryNow).toHaveBeenCalledTimes(1);
      controller.hostDisconnected();
      expect(listeners.has('online')).toBe(false);
      expect(dispose).toHaveBeenCalledTimes(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
