// Issue 10, item 1: the workstation keeps every acknowledged answer until the receipt, and sends
// again what a server restored from an older backup lacks.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LocalCopies } from '../../../client/kiosk/local-copies.js';
import { SaveQueue, type SaveMessage, type SaveTransport } from '../../../client/kiosk/save-queue.js';
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
const other = { sessionCode: 'ABCDEF', candidateCode: 'ZZZZZZZZ' };

function setup(storage = new MemoryStorage()) {
  const transport = new FakeTransport();
  const recovered: { questionId: string; revision: number; length: number }[] = [];
  const queue = new SaveQueue(null, { storage, transport, monotonicNow: () => 0, onRecovered: (r) => recovered.push(r) });
  queue.connectionChanged(true);
  return { queue, transport, storage, recovered, local: new LocalCopies(storage, scope) };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the workstation as a second copy', () => {
  it('keeps the acknowledged text and revision of every answer', () => {
    const { queue, local } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'acknowledged text');
    queue.acknowledge({ questionId: 'q1', revision: 1, savedAt: 1 });
    expect(local.read('q1')).toBeNull();
    expect(local.kept()).toEqual([{ questionId: 'q1', revision: 1, text: 'acknowledged text' }]);
  });

  it('sends again, after a reload, what a restored server lacks, and reports it recovered', () => {
    const storage = new MemoryStorage();
    const first = setup(storage);
    first.queue.open(scope, []);
    first.queue.edit('q1', 'one two three');
    first.queue.acknowledge({ questionId: 'q1', revision: 1, savedAt: 1 });
    first.queue.edit('q1', 'one two three four five');
    first.queue.acknowledge({ questionId: 'q1', revision: 2, savedAt: 2 });
    const reloaded = setup(storage);
    const texts = reloaded.queue.open(scope, [{ questionId: 'q1', text: 'one two three', revision: 1, savedAt: 1 }]);
    expect(texts.get('q1')).toBe('one two three four five');
    expect(reloaded.transport.sent.at(-1)).toMatchObject({ questionId: 'q1', revision: 2, text: 'one two three four five' });
    expect(reloaded.recovered).toEqual([{ questionId: 'q1', revision: 2, length: 23 }]);
    expect(reloaded.queue.snapshot.state).toBe('saving');
  });

  it('sends again, after a reconnect, an answer the restored server has not at all', () => {
    const { queue, transport, recovered } = setup();
    queue.open(scope, []);
    queue.edit('q2', 'lost with the disk');
    queue.acknowledge({ questionId: 'q2', revision: 1, savedAt: 1 });
    transport.sent = [];
    queue.open(scope, []);
    expect(transport.sent).toEqual([{ type: 'save', questionId: 'q2', revision: 1, text: 'lost with the disk' }]);
    expect(recovered).toHaveLength(1);
  });

  it('sends nothing again when the server holds as much', () => {
    const { queue, transport, recovered } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'kept');
    queue.acknowledge({ questionId: 'q1', revision: 1, savedAt: 1 });
    transport.sent = [];
    queue.open(scope, [{ questionId: 'q1', text: 'kept', revision: 1, savedAt: 1 }]);
    expect(transport.sent).toEqual([]);
    expect(recovered).toEqual([]);
  });

  it('clears the kept copies at the receipt, and another candidate’s at a new login', () => {
    const storage = new MemoryStorage();
    const { queue, local } = setup(storage);
    queue.open(scope, []);
    queue.edit('q1', 'text');
    queue.acknowledge({ questionId: 'q1', revision: 1, savedAt: 1 });
    const next = setup(storage);
    next.queue.open(other, []);
    expect(local.kept()).toEqual([]);
    next.queue.edit('q1', 'the next candidate');
    next.queue.acknowledge({ questionId: 'q1', revision: 1, savedAt: 1 });
    const theirs = new LocalCopies(storage, other);
    expect(theirs.kept()).toHaveLength(1);
    next.queue.settleWithReceipt({ answers: [{ questionId: 'q1', revision: 1 }] } as never);
    expect(theirs.kept()).toEqual([]);
  });
});
