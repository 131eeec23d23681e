// The save queue opening (again) on the server's answers (issue 17), one sentence each: what a
// server restored from an older backup gets back, with which time and copy; the storage's and the
// memory's copies of one edit counted once, keeping the one that knows more of its own sends; and
// what a queue that saw the server hold more keeps when a refresh brings less.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reconcileOnOpen } from '../../../client/kiosk/answer-reconciliation.js';
import { LocalCopies } from '../../../client/kiosk/local-copies.js';
import { SaveQueue, type SaveMessage, type SaveTransport } from '../../../client/kiosk/save-queue.js';
import { mergedRecord, newAnswerRecord, type AnswerRecord } from '../../../client/kiosk/save-state.js';
import { textDigest, withSent } from '../../../client/kiosk/sent-revisions.js';
import { MemoryStorage } from '../memory-storage.js';

class FakeTransport implements SaveTransport {
  online = true;
  sent: SaveMessage[] = [];
  send(save: SaveMessage) {
    this.sent.push(save);
    return true;
  }
}

const scope = { sessionCode: 'ABCDEF', candidateCode: 'GHJKMNPQ' };

function setup(options: { storage?: MemoryStorage; noStorage?: boolean } = {}) {
  const storage = options.storage ?? new MemoryStorage();
  const transport = new FakeTransport();
  const queue = new SaveQueue(null, { storage: options.noStorage ? null : storage, transport, monotonicNow: () => 0 });
  queue.connectionChanged(true);
  return { storage, transport, queue, local: new LocalCopies(storage, scope), sent: () => transport.sent.map((s) => [s.questionId, s.revision, s.text]) };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('a server that holds less than this workstation saw acknowledged', () => {
  it('gets the answer again after a reload even when it has no trace of the question', () => {
    const storage = new MemoryStorage();
    const first = setup({ storage });
    first.queue.open(scope, []);
    first.queue.edit('q2', 'lost with the disk');
    first.queue.acknowledge({ questionId: 'q2', revision: 1, savedAt: 5 });
    const reloaded = setup({ storage });
    const texts = reloaded.queue.open(scope, []);
    expect(texts.get('q2')).toBe('lost with the disk');
    expect(reloaded.queue.text('q2')).toBe('lost with the disk');
    expect(reloaded.sent()).toEqual([['q2', 1, 'lost with the disk']]);
    expect(reloaded.queue.snapshot.questions.get('q2')).toEqual({ state: 'saving', savedAt: null, refusal: null });
  });

  it('writes the answer it sends again to the workstation’s copy, built on what the server holds', () => {
    const storage = new MemoryStorage();
    const first = setup({ storage });
    first.queue.open(scope, [{ questionId: 'q1', text: 'a', revision: 1, savedAt: 10 }]);
    first.queue.edit('q1', 'ab');
    first.queue.acknowledge({ questionId: 'q1', revision: 2, savedAt: 20 });
    expect(first.local.read('q1')).toBeNull();
    const reloaded = setup({ storage });
    reloaded.transport.online = false;
    reloaded.queue.connectionChanged(false);
    reloaded.queue.open(scope, [{ questionId: 'q1', text: 'a', revision: 1, savedAt: 10 }]);
    expect(reloaded.local.read('q1')).toEqual({ questionId: 'q1', revision: 2, text: 'ab', base: 1 });
  });

  it('shows the time the server saved what it still holds, until the answer sent again is acknowledged', () => {
    const { queue } = setup();
    queue.open(scope, [{ questionId: 'q1', text: 'a', revision: 1, savedAt: 10 }]);
    queue.edit('q1', 'ab');
    queue.acknowledge({ questionId: 'q1', revision: 2, savedAt: 20 });
    queue.open(scope, [{ questionId: 'q1', text: 'a', revision: 1, savedAt: 10 }]);
    expect(queue.snapshot.questions.get('q1')).toEqual({ state: 'saving', savedAt: 10, refusal: null });
    expect(queue.snapshot.lastSavedAt).toBe(10);
  });

  it('keeps what it sent again, without any storage, when the next refresh still brings the older view', () => {
    const { queue, sent } = setup({ noStorage: true });
    queue.open(scope, [{ questionId: 'q1', text: 'a', revision: 1, savedAt: 10 }]);
    queue.edit('q1', 'ab');
    queue.acknowledge({ questionId: 'q1', revision: 2, savedAt: 20 });
    queue.open(scope, [{ questionId: 'q1', text: 'a', revision: 1, savedAt: 10 }]);
    queue.acknowledge({ questionId: 'q1', revision: 2, savedAt: 30 });
    const texts = queue.open(scope, [{ questionId: 'q1', text: 'a', revision: 1, savedAt: 10 }]);
    expect(texts.get('q1')).toBe('ab');
    expect(sent().at(-1)).toEqual(['q1', 2, 'ab']);
    expect(queue.snapshot.pendingCount).toBe(1);
  });

  // This queue never acknowledged anything itself (no kept copy): it only saw the server hold
  // revision 2 when it opened. A refresh that brings revision 1 is a restored server all the same.
  it('keeps the newer text it was shown when a refresh brings an older revision, and sends it again', () => {
    const { queue, sent } = setup();
    queue.open(scope, [{ questionId: 'q1', text: 'ab', revision: 2, savedAt: 20 }]);
    const texts = queue.open(scope, [{ questionId: 'q1', text: 'a', revision: 1, savedAt: 10 }]);
    expect(texts.get('q1')).toBe('ab');
    expect(sent()).toEqual([['q1', 2, 'ab']]);
  });
});

describe('a copy the server already holds', () => {
  it('is removed from the workstation when the queue opens, whatever revision it had', () => {
    const storage = new MemoryStorage();
    new LocalCopies(storage, scope).write({ questionId: 'q1', revision: 3, text: 'landed, its answer lost', base: 2 });
    const { queue, local, transport } = setup({ storage });
    const texts = queue.open(scope, [{ questionId: 'q1', text: 'landed, its answer lost', revision: 3, savedAt: 5 }]);
    expect(texts.get('q1')).toBe('landed, its answer lost');
    expect(local.read('q1')).toBeNull();
    expect(transport.sent).toEqual([]);
    expect(queue.snapshot).toMatchObject({ state: 'saved', putAside: 0 });
  });
});

describe('the storage’s and the memory’s copies of one edit', () => {
  // The server holds revision 3, this workstation's own save whose answer was lost; the edit
  // typed since (revision 4, built on revision 1) continues it only if its sends say so.
  const server = [{ questionId: 'q1', text: 'typed so far', revision: 3, savedAt: 5 }];
  const sendOf = (revision: number, text: string) => ({ revision, digest: textDigest(text) });
  const memoryRecord = (sent: AnswerRecord['sent']): AnswerRecord => ({ ...newAnswerRecord('q1'), text: 'typed so far, and more', revision: 4, ackedRevision: 1, base: 1, sent });

  function reconcile(storageSent: AnswerRecord['sent'], memorySent: AnswerRecord['sent']) {
    const storage = new MemoryStorage();
    const local = new LocalCopies(storage, scope);
    local.write({ questionId: 'q1', revision: 4, text: 'typed so far, and more', base: 1, ...(storageSent.length > 0 ? { sent: storageSent } : {}) });
    const records = new Map([['q1', memoryRecord(memorySent)]]);
    return reconcileOnOpen(server, { records, local, writeLocal: () => {} });
  }

  it('count once, with the storage’s sends when it knows more of them', () => {
    const { texts, putAside } = reconcile([sendOf(2, 'typed'), sendOf(3, 'typed so far')], [sendOf(2, 'typed')]);
    expect(putAside).toBe(0);
    expect(texts.get('q1')).toBe('typed so far, and more');
  });

  it('count once, with the memory’s sends when it knows more of them', () => {
    const { texts, putAside } = reconcile([], [sendOf(3, 'typed so far')]);
    expect(putAside).toBe(0);
    expect(texts.get('q1')).toBe('typed so far, and more');
  });

  // Both lists are capped at eight sends: the storage's, one write behind (storage full), can be
  // as long as the memory's and miss the latest send, here revision 9, which the server holds.
  it('count once, with the memory’s sends when both remember as many', () => {
    const sends = (from: number) => Array.from({ length: 8 }, (_, i) => sendOf(from + i, from + i === 9 ? 'typed so far' : `text ${from + i}`));
    const storage = new MemoryStorage();
    const local = new LocalCopies(storage, scope);
    local.write({ questionId: 'q1', revision: 10, text: 'typed so far, and more', base: 1, sent: sends(1) });
    const records = new Map([['q1', { ...memoryRecord(sends(2)), revision: 10 }]]);
    const { texts, putAside } = reconcileOnOpen([{ questionId: 'q1', text: 'typed so far', revision: 9, savedAt: 5 }], { records, local, writeLocal: () => {} });
    expect(putAside).toBe(0);
    expect(texts.get('q1')).toBe('typed so far, and more');
  });

  // A kiosk cut off again and again sends on each reconnect and hears no answer: the server may
  // hold the first of a dozen such sends. Remembering only the last eight, the kiosk took that
  // revision for another workstation's and showed it in place of what was typed since.
  it('count once, the server holding the first of twelve sends none of which was acknowledged', () => {
    let remembered: AnswerRecord['sent'] = [];
    for (let revision = 2; revision <= 13; revision++) remembered = withSent(remembered, revision, revision === 2 ? 'typed so far' : `typed so far ${revision}`);
    const records = new Map([['q1', { ...memoryRecord(remembered), revision: 14 }]]);
    const { texts, putAside } = reconcileOnOpen([{ questionId: 'q1', text: 'typed so far', revision: 2, savedAt: 5 }], { records, local: null, writeLocal: () => {} });
    expect(putAside).toBe(0);
    expect(texts.get('q1')).toBe('typed so far, and more');
  });

  it('are put aside once when neither knows the server’s revision as its own', () => {
    const { texts, putAside } = reconcile([sendOf(2, 'typed')], [sendOf(2, 'typed')]);
    expect(putAside).toBe(1);
    expect(texts.get('q1')).toBe('typed so far');
  });
});

describe('a record after the merge', () => {
  it('remembers the sends it knew and those of the winning copy, above what the server holds', () => {
    const previous = { ...newAnswerRecord('q1'), revision: 3, ackedRevision: 1, sent: [{ revision: 2, digest: 'x.1' }] };
    const merged = { questionId: 'q1', text: 't', revision: 4, ackedRevision: 1, ackedAt: 10, sent: [{ revision: 1, digest: 'w.1' }, { revision: 4, digest: 't.1' }] };
    expect(mergedRecord(merged, previous).sent).toEqual([
      { revision: 2, digest: 'x.1' },
      { revision: 4, digest: 't.1' },
    ]);
    expect(mergedRecord({ ...merged, sent: undefined }, undefined).sent).toEqual([]);
  });
});
