// Issue 10, item 8: the refresh after a reconnect (GET /api/attempt) may answer with the server's
// answers as they were before a save that was acknowledged meanwhile. Opening the queue again with
// that older copy must never replace the text the candidate sees, or the next keystroke is built
// on the older text and the characters in between are gone for good.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SaveQueue, type SaveMessage, type SaveTransport } from '../../../client/kiosk/save-queue.js';
import { MemoryStorage } from '../memory-storage.js';

class FakeTransport implements SaveTransport {
  online = true;
  sent: SaveMessage[] = [];
  send(save: SaveMessage) {
    if (!this.online) return false;
    this.sent.push(save);
    return true;
  }
}

const scope = { sessionCode: 'ABCDEF', candidateCode: 'GHJKMNPQ' };

function setup() {
  const transport = new FakeTransport();
  const queue = new SaveQueue(null, { storage: new MemoryStorage(), transport, monotonicNow: () => 0 });
  queue.connectionChanged(true);
  return { queue, transport };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the refresh after a reconnect', () => {
  it('keeps an acknowledged text newer than the server’s answer in the refresh', () => {
    const { queue } = setup();
    queue.open(scope, [{ questionId: 'q1', text: 'Typed after it is ', revision: 4, savedAt: 1000 }]);
    queue.edit('q1', 'Typed after it is b');
    queue.acknowledge({ questionId: 'q1', revision: 5, savedAt: 2000 });
    // The attempt was read before that save was written: it still holds revision 4.
    const texts = queue.open(scope, [{ questionId: 'q1', text: 'Typed after it is ', revision: 4, savedAt: 1000 }]);
    expect(texts.get('q1')).toBe('Typed after it is b');
    expect(queue.text('q1')).toBe('Typed after it is b');
    queue.edit('q1', 'Typed after it is ba');
    expect(queue.text('q1')).toBe('Typed after it is ba');
  });

  it('keeps a pending text newer than the server’s answer, and its revision', () => {
    const { queue, transport } = setup();
    queue.open(scope, [{ questionId: 'q1', text: 'a', revision: 1, savedAt: 1000 }]);
    queue.edit('q1', 'ab');
    queue.acknowledge({ questionId: 'q1', revision: 2, savedAt: 2000 });
    queue.edit('q1', 'abc');
    queue.open(scope, [{ questionId: 'q1', text: 'a', revision: 1, savedAt: 1000 }]);
    expect(queue.text('q1')).toBe('abc');
    queue.flush().catch(() => undefined);
    expect(transport.sent.at(-1)).toMatchObject({ questionId: 'q1', revision: 3, text: 'abc' });
  });

  it('still takes a newer answer the server got from elsewhere', () => {
    const { queue } = setup();
    queue.open(scope, [{ questionId: 'q1', text: 'a', revision: 1, savedAt: 1000 }]);
    queue.edit('q1', 'ab');
    queue.acknowledge({ questionId: 'q1', revision: 2, savedAt: 2000 });
    queue.open(scope, [{ questionId: 'q1', text: 'ab, then written on the other workstation', revision: 3, savedAt: 3000 }]);
    expect(queue.text('q1')).toBe('ab, then written on the other workstation');
  });
});

describe('the refresh after a reconnect, while a save is in flight', () => {
  it('takes the server’s newer revision for this kiosk’s own save, not for a diverged copy', () => {
    const { queue } = setup();
    queue.open(scope, [{ questionId: 'q1', text: 'socket', revision: 1, savedAt: 1000 }]);
    queue.edit('q1', 'socket1');
    queue.sendNow();
    vi.runOnlyPendingTimers();
    // The server wrote revision 2; its acknowledgement is still on its way when the refresh answers.
    queue.edit('q1', 'socket11');
    const texts = queue.open(scope, [{ questionId: 'q1', text: 'socket1', revision: 2, savedAt: 2000 }]);
    expect(texts.get('q1')).toBe('socket11');
    expect(queue.snapshot.putAside).toBe(0);
  });

  it('knows its own save after a reload too (the local copy remembers what was sent)', () => {
    const storage = new MemoryStorage();
    const transport = new FakeTransport();
    const first = new SaveQueue(null, { storage, transport, monotonicNow: () => 0 });
    first.connectionChanged(true);
    first.open(scope, [{ questionId: 'q1', text: 'socket', revision: 1, savedAt: 1000 }]);
    first.edit('q1', 'socket1');
    first.sendNow();
    vi.runOnlyPendingTimers();
    first.edit('q1', 'socket11');
    const reloaded = new SaveQueue(null, { storage, transport, monotonicNow: () => 0 });
    reloaded.connectionChanged(true);
    const texts = reloaded.open(scope, [{ questionId: 'q1', text: 'socket1', revision: 2, savedAt: 2000 }]);
    expect(texts.get('q1')).toBe('socket11');
    expect(reloaded.snapshot.putAside).toBe(0);
  });

  it('still puts aside a copy when the server’s newer text was written elsewhere', () => {
    const { queue } = setup();
    queue.open(scope, [{ questionId: 'q1', text: 'socket', revision: 1, savedAt: 1000 }]);
    queue.edit('q1', 'socket1');
    queue.sendNow();
    vi.runOnlyPendingTimers();
    queue.edit('q1', 'socket11');
    const texts = queue.open(scope, [{ questionId: 'q1', text: 'socket, from the other workstation', revision: 2, savedAt: 2000 }]);
    expect(texts.get('q1')).toBe('socket, from the other workstation');
    expect(queue.snapshot.putAside).toBe(1);
  });
});
