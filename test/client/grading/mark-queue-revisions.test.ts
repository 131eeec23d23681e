// The mark queue owns the marks' revisions, as the kiosk's save queue owns the answers': the view
// says what the server holds and what the corrector changed, the queue numbers each change.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KeyValueStorage } from '../../../client/common/local-store.js';
import { MarkQueue, type MarkTarget, type PendingMark } from '../../../client/grading/mark-queue.js';
import type { MarkSaveResult } from '../../../server/contract/grading.js';
import { MemoryStorage } from '../memory-storage.js';

const q1: MarkTarget = { kind: 'answer', candidateId: 1, questionId: 'q1' };
const script1: MarkTarget = { kind: 'script', candidateId: 1 };
const found = { keyPoints: { kp1: 'found' as const }, interpretation: null, comment: '' };
const partly = { keyPoints: { kp1: 'partly' as const }, interpretation: null, comment: '' };

/** A server that stores whatever revision is newer than what it holds, and says "stale" otherwise. */
function server(held = new Map<string, number>()) {
  const calls: PendingMark[] = [];
  const send = async (mark: PendingMark): Promise<MarkSaveResult> => {
    calls.push(mark);
    const key = JSON.stringify(mark.target);
    const current = held.get(key) ?? 0;
    if (mark.revision > current) {
      held.set(key, mark.revision);
      return { outcome: 'stored', revision: mark.revision, updatedAt: 1 };
    }
    return { outcome: 'stale', revision: current, updatedAt: 1 };
  };
  return { held, calls, send };
}

const queues: MarkQueue[] = [];
function queueOn(storage: KeyValueStorage, send: (mark: PendingMark) => Promise<MarkSaveResult>) {
  const queue = new MarkQueue({ storage, accountId: 7, sessionId: 3, send });
  queues.push(queue);
  return queue;
}
afterEach(() => queues.splice(0).forEach((q) => q.dispose()));

describe('MarkQueue revisions', () => {
  it('numbers a change above the revision the server holds, then above its own', async () => {
    const fake = server();
    const queue = queueOn(new MemoryStorage(), fake.send);
    expect(queue.load([{ target: q1, revision: 4 }])).toEqual([]);
    expect(queue.change(q1, found).revision).toBe(5);
    expect(queue.change(q1, partly).revision).toBe(6);
    expect(queue.change(script1, { writing: {}, competence: {}, comment: 'ok' }).revision).toBe(1);
    await vi.waitFor(() => expect(queue.state).toBe('saved'));
    expect(fake.held.get(JSON.stringify(q1))).toBe(6);
  });

  it('hands back, after a reload, the copies newer than the server’s and sends them again', async () => {
    const storage = new MemoryStorage();
    const offline = queueOn(storage, () => Promise.reject({ status: 0, code: 'network', message: 'offline' }));
    offline.load([{ target: q1, revision: 2 }]);
    offline.change(q1, partly);
    await vi.waitFor(() => expect(offline.state).toBe('offline'));
    offline.dispose();

    const fake = server(new Map([[JSON.stringify(q1), 2]]));
    const reloaded = queueOn(storage, fake.send);
    expect(reloaded.load([{ target: q1, revision: 2 }])).toEqual([{ target: q1, revision: 3, body: partly }]);
    await vi.waitFor(() => expect(reloaded.state).toBe('saved'));
    expect(fake.calls.map((c) => c.revision)).toEqual([3]);
    expect(storage.length).toBe(0);
    // The next change goes above what was resent.
    expect(reloaded.change(q1, found).revision).toBe(4);
  });

  it('forgets a kept copy the server already holds (written from another tab)', () => {
    const storage = new MemoryStorage();
    storage.setItem('lectern.grading.v1.7.3.a.1.q1', JSON.stringify({ target: q1, revision: 3, body: partly }));
    const fake = server();
    const queue = queueOn(storage, fake.send);
    expect(queue.load([{ target: q1, revision: 5 }])).toEqual([]);
    expect(storage.length).toBe(0);
    expect(fake.calls).toEqual([]);
    expect(queue.change(q1, found).revision).toBe(6);
  });

  it('goes above the revision a stale answer reveals', async () => {
    const fake = server(new Map([[JSON.stringify(q1), 9]]));
    const queue = queueOn(new MemoryStorage(), fake.send);
    queue.load([]);
    queue.change(q1, found);
    await vi.waitFor(() => expect(queue.state).toBe('saved'));
    expect(queue.change(q1, partly).revision).toBe(10);
    await vi.waitFor(() => expect(queue.state).toBe('saved'));
    expect(fake.held.get(JSON.stringify(q1))).toBe(10);
  });
});
