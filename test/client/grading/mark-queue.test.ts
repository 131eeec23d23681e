// The grading view's save queue (client/grading/mark-queue.ts) has no DOM: its durability rules are
// tested here in Node, with a fake storage and a fake server.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MarkQueue, type KeyValueStorage, type PendingMark, type SendFailure } from '../../../client/grading/mark-queue.js';
import type { MarkSaveResult } from '../../../server/grading/views.js';

class MemoryStorage implements KeyValueStorage {
  readonly map = new Map<string, string>();
  failWrites = false;
  get length() {
    return this.map.size;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    if (this.failWrites) throw new Error('QuotaExceededError');
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

/** A server that holds marks by key and answers like the real one, or fails on demand. */
function fakeServer() {
  const held = new Map<string, { revision: number; body: string }>();
  const calls: PendingMark[] = [];
  let failure: SendFailure | null = null;
  let pending: (() => void)[] = [];
  let paused = false;
  const send = (m: PendingMark): Promise<MarkSaveResult> =>
    new Promise((resolve, reject) => {
      const run = () => {
        calls.push(m);
        if (failure) return reject(failure);
        const key = JSON.stringify(m.target);
        const stored = held.get(key);
        const body = JSON.stringify(m.body);
        if (!stored || m.revision > stored.revision) {
          held.set(key, { revision: m.revision, body });
          return resolve({ outcome: 'stored', revision: m.revision, updatedAt: 1 });
        }
        if (m.revision < stored.revision) return resolve({ outcome: 'stale', revision: stored.revision, updatedAt: 1 });
        return resolve({ outcome: stored.body === body ? 'duplicate' : 'conflict', revision: stored.revision, updatedAt: 1 });
      };
      if (paused) pending.push(run);
      else queueMicrotask(run);
    });
  return {
    held,
    calls,
    send,
    fail: (f: SendFailure | null) => (failure = f),
    pause: () => (paused = true),
    resume: () => {
      paused = false;
      const runs = pending;
      pending = [];
      runs.forEach((r) => r());
    },
  };
}

const answer = (candidateId: number, questionId: string, revision: number, level: 'found' | 'partly' | 'missing'): PendingMark => ({
  target: { kind: 'answer', candidateId, questionId },
  revision,
  body: { keyPoints: { kp1: level }, interpretation: null, comment: '' },
});

const flush = () => new Promise((r) => setTimeout(r, 0));

let storage: MemoryStorage;
let server: ReturnType<typeof fakeServer>;
let queue: MarkQueue;

beforeEach(() => {
  storage = new MemoryStorage();
  server = fakeServer();
  queue = new MarkQueue({ storage, accountId: 7, sessionId: 3, send: server.send, minDelayMs: 10, maxDelayMs: 40 });
});
afterEach(() => queue.dispose());

describe('MarkQueue', () => {
  it('writes a mark to the storage before sending it, and removes it once acknowledged', async () => {
    server.pause();
    queue.put(answer(1, 'q1', 1, 'found'));
    expect(JSON.parse(storage.getItem('lectern.grading.v1.7.3.a.1.q1')!)).toMatchObject({ revision: 1 });
    expect(queue.state).toBe('saving');
    server.resume();
    await flush();
    expect(storage.length).toBe(0);
    expect(queue.state).toBe('saved');
    expect(server.held.size).toBe(1);
  });

  it('sends only the latest version of a mark changed while another send is in flight', async () => {
    server.pause();
    queue.put(answer(1, 'q1', 1, 'found'));
    queue.put(answer(1, 'q1', 2, 'partly'));
    queue.put(answer(1, 'q1', 3, 'missing'));
    server.resume();
    await vi.waitFor(() => expect(queue.state).toBe('saved'));
    // Revision 1 was already on its way; 2 was replaced by 3 before it left.
    expect(server.calls.map((c) => c.revision)).toEqual([1, 3]);
    expect(server.held.get(JSON.stringify({ kind: 'answer', candidateId: 1, questionId: 'q1' }))!.revision).toBe(3);
    expect(storage.length).toBe(0);
  });

  it('keeps marks while the server cannot be reached, retries, and sends them when it answers again', async () => {
    server.fail({ status: 0, code: 'network', message: 'offline' });
    queue.put(answer(1, 'q1', 1, 'found'));
    queue.put(answer(2, 'q1', 1, 'partly'));
    await vi.waitFor(() => expect(queue.state).toBe('offline'));
    expect(storage.length).toBe(2);
    await new Promise((r) => setTimeout(r, 60));
    expect(server.calls.length).toBeGreaterThan(1); // retried
    server.fail(null);
    await vi.waitFor(() => expect(queue.state).toBe('saved'), { timeout: 2000 });
    expect(storage.length).toBe(0);
    expect(server.held.size).toBe(2);
  });

  it('hands the marks of an earlier page back after a reload, for the view to merge and resend', async () => {
    server.fail({ status: 503, code: 'server-error', message: 'down' });
    queue.put(answer(1, 'q1', 4, 'partly'));
    await vi.waitFor(() => expect(queue.state).toBe('offline'));
    queue.dispose();
    // A new page on the same workstation: same storage.
    server.fail(null);
    const next = new MarkQueue({ storage, accountId: 7, sessionId: 3, send: server.send });
    const restored = next.restore();
    expect(restored).toEqual([answer(1, 'q1', 4, 'partly')]);
    // Another corrector's or another session's copies are not mixed in.
    expect(new MarkQueue({ storage, accountId: 8, sessionId: 3, send: server.send }).restore()).toEqual([]);
    next.put(restored[0]!);
    await vi.waitFor(() => expect(next.state).toBe('saved'));
    expect(storage.length).toBe(0);
    next.dispose();
  });

  it('resends under the next revision when the server holds the same revision with other content', async () => {
    const onRevision = vi.fn();
    queue = new MarkQueue({ storage, accountId: 7, sessionId: 3, send: server.send, onRevision });
    server.held.set(JSON.stringify({ kind: 'answer', candidateId: 1, questionId: 'q1' }), { revision: 2, body: 'other tab' });
    queue.put(answer(1, 'q1', 2, 'found'));
    await vi.waitFor(() => expect(queue.state).toBe('saved'));
    expect(server.calls.map((c) => c.revision)).toEqual([2, 3]);
    expect(onRevision).toHaveBeenCalledWith({ kind: 'answer', candidateId: 1, questionId: 'q1' }, 3);
  });

  it('drops a stale mark and tells the view the revision the server holds', async () => {
    const onRevision = vi.fn();
    queue = new MarkQueue({ storage, accountId: 7, sessionId: 3, send: server.send, onRevision });
    server.held.set(JSON.stringify({ kind: 'script', candidateId: 1 }), { revision: 9, body: '{}' });
    queue.put({ target: { kind: 'script', candidateId: 1 }, revision: 5, body: { writing: {}, competence: {}, comment: '' } });
    await vi.waitFor(() => expect(queue.state).toBe('saved'));
    expect(onRevision).toHaveBeenCalledWith({ kind: 'script', candidateId: 1 }, 9);
    expect(storage.length).toBe(0);
  });

  it('drops a mark the server refuses for good, records why, and goes on with the others', async () => {
    let first = true;
    queue = new MarkQueue({
      storage,
      accountId: 7,
      sessionId: 3,
      send: (m) => {
        if (first) {
          first = false;
          return Promise.reject({ status: 409, code: 'grading-closed', message: 'Grading of this session is closed.' } satisfies SendFailure);
        }
        return server.send(m);
      },
    });
    queue.put(answer(1, 'q1', 1, 'found'));
    queue.put(answer(1, 'q2', 1, 'found'));
    await vi.waitFor(() => expect(queue.state).toBe('saved'));
    expect(queue.refusals).toEqual([{ target: { kind: 'answer', candidateId: 1, questionId: 'q1' }, code: 'grading-closed', message: 'Grading of this session is closed.' }]);
    expect(server.held.size).toBe(1);
    expect(storage.length).toBe(0);
  });

  it('holds marks when the login has expired, until told to try again', async () => {
    server.fail({ status: 401, code: 'not-logged-in', message: 'log in' });
    queue.put(answer(1, 'q1', 1, 'found'));
    await vi.waitFor(() => expect(queue.state).toBe('logged-out'));
    const tries = server.calls.length;
    await new Promise((r) => setTimeout(r, 60));
    expect(server.calls.length).toBe(tries);
    expect(storage.length).toBe(1);
    server.fail(null);
    queue.retryNow();
    await vi.waitFor(() => expect(queue.state).toBe('saved'));
  });

  it('keeps marks in memory when the storage refuses them, and says so', async () => {
    storage.failWrites = true;
    queue.put(answer(1, 'q1', 1, 'found'));
    expect(queue.localCopyFailed).toBe(true);
    await vi.waitFor(() => expect(queue.state).toBe('saved'));
    expect(server.held.size).toBe(1);
  });

  it('tells when the marks of one script are all acknowledged (before finishing it)', async () => {
    server.pause();
    queue.put(answer(1, 'q1', 1, 'found'));
    queue.put(answer(2, 'q1', 1, 'found'));
    const settled = queue.settled((t) => t.candidateId === 1, 2000);
    server.resume();
    await expect(settled).resolves.toBe(true);
    server.fail({ status: 0, code: 'network', message: 'offline' });
    queue.put(answer(3, 'q1', 1, 'found'));
    await expect(queue.settled((t) => t.candidateId === 3, 100)).resolves.toBe(false);
  });
});
