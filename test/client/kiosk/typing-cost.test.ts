// What the kiosk no longer redoes on each key (issue 13, item 7): a question whose save state did
// not move keeps its status object (its field is not drawn again), the copies put aside are read
// from storage once per opening, not per render, and who is logged in is asked once, early.
import { describe, expect, it } from 'vitest';
import { ApiClient } from '../../../client/common/api.js';
import { EARLY_REQUESTS_KEY, takeEarlyRequest } from '../../../client/common/early-request.js';
import { LocalCopies, asideKeyPrefix } from '../../../client/kiosk/local-copies.js';
import { SaveQueue, type SaveMessage, type SaveTransport } from '../../../client/kiosk/save-queue.js';
import { MemoryStorage } from '../memory-storage.js';

const scope = { sessionCode: 'ABCDEF', candidateCode: 'GHJKMNPQ' };

function queueOn(storage: MemoryStorage) {
  const sent: SaveMessage[] = [];
  const transport: SaveTransport = { online: true, send: (save) => (sent.push(save), true) };
  const queue = new SaveQueue(null, { storage, transport, monotonicNow: () => 0 });
  queue.connectionChanged(true);
  return { queue, sent };
}

describe('the save snapshot while typing', () => {
  it('keeps the status object of a question whose state did not change, and gives a new one to the question typed in', () => {
    const { queue } = queueOn(new MemoryStorage());
    queue.open(scope, [
      { questionId: 'q1', text: 'one', revision: 3, savedAt: 100 },
      { questionId: 'q2', text: 'two', revision: 4, savedAt: 200 },
    ]);
    const before = queue.snapshot;
    queue.edit('q1', 'one.');
    const after = queue.snapshot;
    expect(after).not.toBe(before);
    expect(after.questions.get('q2')).toBe(before.questions.get('q2'));
    expect(after.questions.get('q1')).not.toBe(before.questions.get('q1'));
    expect(after.questions.get('q1')?.state).toBe('saving');
    // The next key: q1 is still saving, its status object stays too.
    queue.edit('q1', 'one..');
    expect(queue.snapshot.questions.get('q1')).toBe(after.questions.get('q1'));
    // Acknowledged: a new status for q1, saved at the server's time.
    queue.acknowledge({ questionId: 'q1', revision: 5, savedAt: 300 });
    expect(queue.snapshot.questions.get('q1')).toEqual({ state: 'saved', savedAt: 300, refusal: null });
    expect(queue.snapshot.questions.get('q2')).toBe(before.questions.get('q2'));
  });
});

describe('drawing the kiosk again while typing', () => {
  it('happens when a key moves the save state, not on each key that leaves it as it was', () => {
    let draws = 0;
    const host = { addController() {}, removeController() {}, requestUpdate: () => void draws++, updateComplete: Promise.resolve(true) };
    const storage = new MemoryStorage();
    const transport: SaveTransport = { online: true, send: () => true };
    const queue = new SaveQueue(host, { storage, transport, monotonicNow: () => 0 });
    queue.connectionChanged(true);
    queue.open(scope, [{ questionId: 'q1', text: 'one', revision: 3, savedAt: 100 }]);
    const saved = queue.snapshot;
    draws = 0;
    queue.edit('q1', 'one.');
    expect(draws).toBe(1);
    const saving = queue.snapshot;
    expect(saving).not.toBe(saved);
    for (let i = 0; i < 10; i++) queue.edit('q1', `one.${'.'.repeat(i + 1)}`);
    expect(draws).toBe(1);
    expect(queue.snapshot).toBe(saving);
    expect(queue.text('q1')).toBe('one...........');
    // The storage refuses the copy: the candidate must be told, so the kiosk is drawn.
    storage.failWrites = true;
    queue.edit('q1', 'one, refused by the storage');
    expect(draws).toBe(2);
    expect(queue.snapshot.localCopyFailed).toBe(true);
  });
});

describe('copies put aside', () => {
  it('are read from storage once per opening, and again after one more is put aside', () => {
    const storage = new MemoryStorage();
    new LocalCopies(storage, scope).write({ questionId: 'q1', revision: 9, text: 'typed offline on A', base: 3 });
    const { queue } = queueOn(storage);
    queue.open(scope, [{ questionId: 'q1', text: 'written on B', revision: 5, savedAt: 10 }]);
    const aside = queue.asideOf('q1');
    expect(aside.map((edit) => edit.text)).toEqual(['typed offline on A']);
    queue.edit('q1', 'written on B, and more');
    expect(queue.asideOf('q1')).toBe(aside);
    // The server moves past this kiosk's unacknowledged edit (written elsewhere): it is put aside too.
    queue.acknowledge({ questionId: 'q1', revision: 8, savedAt: 20 });
    expect(storage.getItem(`${asideKeyPrefix(scope)}q1.6`)).toContain('written on B, and more');
    expect(queue.asideOf('q1').map((edit) => edit.text)).toEqual(['written on B, and more', 'typed offline on A']);
  });
});

describe('the early request for who is logged in', () => {
  it('is taken once: a later boot asks the server again', async () => {
    const scopeObject: Record<string, unknown> = {};
    const early = Promise.resolve(new Response('{}'));
    scopeObject[EARLY_REQUESTS_KEY] = { '/api/auth/me': early };
    expect(takeEarlyRequest('/api/auth/other', scopeObject)).toBeNull();
    expect(takeEarlyRequest('/api/auth/me', scopeObject)).toBe(early);
    expect(takeEarlyRequest('/api/auth/me', scopeObject)).toBeNull();
    expect(takeEarlyRequest('/api/auth/me', {})).toBeNull();
  });

  it('is the answer the kiosk’s ApiClient reads, errors included; other clients never take it', async () => {
    const global = globalThis as unknown as Record<string, unknown>;
    const asked: string[] = [];
    const fetchImpl = (async (url: string) => (asked.push(url), new Response(JSON.stringify({ kind: 'from-fetch' }), { status: 200 }))) as unknown as typeof fetch;
    try {
      global[EARLY_REQUESTS_KEY] = { '/api/auth/me': Promise.resolve(new Response(JSON.stringify({ error: { code: 'not-logged-in', message: 'No.' } }), { status: 401 })) };
      const staff = new ApiClient({ fetch: fetchImpl });
      expect(await staff.get('/api/auth/me')).toEqual({ kind: 'from-fetch' });
      const kiosk = new ApiClient({ fetch: fetchImpl, earlyRequests: true });
      await expect(kiosk.get('/api/auth/me')).rejects.toMatchObject({ status: 401, code: 'not-logged-in' });
      expect(asked).toEqual(['/api/auth/me']);
      expect(await kiosk.get('/api/auth/me')).toEqual({ kind: 'from-fetch' });
      expect(asked).toEqual(['/api/auth/me', '/api/auth/me']);
    } finally {
      delete global[EARLY_REQUESTS_KEY];
    }
  });
});
