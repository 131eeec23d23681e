// Issue 10, item 6: one writer per attempt, and never "saved" for text the server does not hold.
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

function setup(storage = new MemoryStorage()) {
  const transport = new FakeTransport();
  let aheadCalls = 0;
  const queue = new SaveQueue(null, { storage, transport, monotonicNow: () => 0, onServerAhead: () => aheadCalls++ });
  queue.connectionChanged(true);
  return { queue, transport, storage, local: new LocalCopies(storage, scope), ahead: () => aheadCalls };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('a tab that is not the writer', () => {
  it('shows the server’s answers, never touches the workstation’s copies, and sends nothing', () => {
    const storage = new MemoryStorage();
    const writer = setup(storage);
    writer.queue.open(scope, [{ questionId: 'q1', text: 'saved', revision: 1, savedAt: 1 }]);
    writer.queue.edit('q1', 'saved, then typed in the first tab');

    const second = setup(storage);
    second.queue.setWriter(false);
    const texts = second.queue.open(scope, [{ questionId: 'q1', text: 'saved', revision: 1, savedAt: 1 }]);
    expect(texts.get('q1')).toBe('saved');
    second.queue.edit('q1', 'typed in the second tab');
    vi.advanceTimersByTime(10_000);
    expect(second.transport.sent).toEqual([]);
    expect(second.queue.text('q1')).toBe('saved');
    expect(second.queue.snapshot.questions.get('q1')?.state).toBe('saved');
    expect(second.local.read('q1')?.text).toBe('saved, then typed in the first tab');
  });

  it('takes over as the writer with the first tab’s copies once granted', () => {
    const storage = new MemoryStorage();
    const writer = setup(storage);
    writer.queue.open(scope, [{ questionId: 'q1', text: 'saved', revision: 1, savedAt: 1 }]);
    writer.queue.edit('q1', 'saved, then typed in the first tab');
    const second = setup(storage);
    second.queue.setWriter(false);
    second.queue.open(scope, [{ questionId: 'q1', text: 'saved', revision: 1, savedAt: 1 }]);
    second.queue.setWriter(true);
    const texts = second.queue.open(scope, [{ questionId: 'q1', text: 'saved', revision: 1, savedAt: 1 }]);
    expect(texts.get('q1')).toBe('saved, then typed in the first tab');
    expect(second.transport.sent.at(-1)).toMatchObject({ revision: 2, text: 'saved, then typed in the first tab' });
  });
});

describe('the server moved past this kiosk’s copy', () => {
  it('keeps the diverging text aside, never says saved for it, and asks for the server’s', () => {
    const { queue, local, ahead } = setup();
    queue.open(scope, [{ questionId: 'q1', text: 'base', revision: 3, savedAt: 1 }]);
    queue.edit('q1', 'base, this kiosk’s words');
    vi.advanceTimersByTime(1000);
    // Stale: the server holds revision 6, written elsewhere, and acknowledges with it.
    queue.acknowledge({ questionId: 'q1', revision: 6, savedAt: 2 });
    expect(ahead()).toBe(1);
    expect(queue.asideOf('q1').map((copy) => copy.text)).toEqual(['base, this kiosk’s words']);
    expect(queue.snapshot.putAside).toBe(1);
    const texts = queue.open(scope, [{ questionId: 'q1', text: 'base, words from the other workstation', revision: 6, savedAt: 2 }]);
    expect(texts.get('q1')).toBe('base, words from the other workstation');
    expect(queue.text('q1')).toBe('base, words from the other workstation');
    expect(local.asideOf('q1')).toHaveLength(1);
  });
});
