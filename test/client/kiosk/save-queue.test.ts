import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mergeAnswers } from '../../../client/kiosk/answer-merge.js';
import { LocalCopies, asideKeyPrefix, localKeyPrefix, tailKeyPrefix } from '../../../client/kiosk/local-copies.js';
import { SaveQueue, SaveRefusedError, type SaveMessage, type SaveTransport } from '../../../client/kiosk/save-queue.js';
import { SaveScheduler } from '../../../client/kiosk/save-scheduler.js';
import { MemoryStorage } from '../memory-storage.js';

class FakeTransport implements SaveTransport {
  online = true;
  sent: SaveMessage[] = [];
  reconnects = 0;
  send(save: SaveMessage) {
    if (!this.online) return false;
    this.sent.push(save);
    return true;
  }
  reconnect() {
    this.reconnects++;
  }
}

const scope = { sessionCode: 'ABCDEF', candidateCode: 'GHJKMNPQ' };
const otherScope = { sessionCode: 'ABCDEF', candidateCode: 'ZZZZZZZZ' };

function setup(options: { storage?: MemoryStorage; online?: boolean } = {}) {
  const storage = options.storage ?? new MemoryStorage();
  const transport = new FakeTransport();
  transport.online = options.online ?? true;
  let clock = 0;
  const roundTrips: number[] = [];
  const queue = new SaveQueue(null, {
    storage,
    transport,
    monotonicNow: () => clock,
    onRoundTrip: (ms) => roundTrips.push(ms),
  });
  queue.connectionChanged(transport.online);
  return {
    storage,
    transport,
    queue,
    roundTrips,
    advance(ms: number) {
      clock += ms;
      vi.advanceTimersByTime(ms);
    },
    local: new LocalCopies(storage, scope),
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('revisions', () => {
  it('gives each edit of a question the next revision, starting above the server’s', () => {
    const { queue, local } = setup();
    queue.open(scope, [{ questionId: 'q1', text: 'old', revision: 7, savedAt: 1000 }]);
    queue.edit('q1', 'old.');
    queue.edit('q1', 'old..');
    queue.edit('q2', 'x');
    expect(local.read('q1')).toEqual({ questionId: 'q1', revision: 9, text: 'old..', base: 7 });
    expect(local.read('q2')).toEqual({ questionId: 'q2', revision: 1, text: 'x', base: 0 });
  });

  it('stores every edit in local storage synchronously, before any send', () => {
    const { queue, local, transport } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'H');
    expect(local.read('q1')?.text).toBe('H');
    expect(transport.sent).toEqual([]);
  });

  it('ignores an input that does not change the text', () => {
    const { queue, local } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'same');
    queue.edit('q1', 'same');
    expect(local.read('q1')?.revision).toBe(1);
  });

  it('keeps revisions above an acknowledged newer revision the server reports', () => {
    const { queue, transport, advance } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'a');
    advance(1000);
    // The server already held revision 4 (written from another workstation): it acknowledges with it.
    queue.acknowledge({ questionId: 'q1', revision: 4, savedAt: 5000 });
    queue.edit('q1', 'ab');
    advance(1000);
    expect(transport.sent.at(-1)).toMatchObject({ questionId: 'q1', revision: 5, text: 'ab' });
  });

  it('scopes local copies to the session and the candidate', () => {
    const storage = new MemoryStorage();
    const { queue } = setup({ storage });
    queue.open(scope, []);
    queue.edit('q1', 'mine');
    expect([...storage.map.keys()]).toEqual([`${localKeyPrefix(scope)}q1`]);
    expect(new LocalCopies(storage, otherScope).all()).toEqual([]);
  });
});

describe('scheduling', () => {
  it('sends 1 s after the candidate stops typing', () => {
    const { queue, transport, advance } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'a');
    advance(500);
    queue.edit('q1', 'ab');
    advance(999);
    expect(transport.sent).toEqual([]);
    advance(1);
    expect(transport.sent).toEqual([{ type: 'save', questionId: 'q1', revision: 2, text: 'ab' }]);
  });

  it('sends at least every 5 s while the candidate keeps typing', () => {
    const { queue, transport, advance } = setup();
    queue.open(scope, []);
    let text = '';
    const sentAt: number[] = [];
    for (let t = 0; t < 12_000; t += 300) {
      text += 'x';
      queue.edit('q1', text);
      const before = transport.sent.length;
      advance(300);
      if (transport.sent.length > before) sentAt.push(t + 300);
    }
    // Typing without a pause from 0 to 12 s: saves near 5 s and 10 s, not only at the end.
    expect(sentAt.length).toBeGreaterThanOrEqual(2);
    expect(sentAt[0]).toBeLessThanOrEqual(5100);
    expect(sentAt[1]! - sentAt[0]!).toBeLessThanOrEqual(5400);
    advance(1000);
    expect(transport.sent.at(-1)?.text).toBe(text);
  });

  it('SaveScheduler fires once per burst', () => {
    const fire = vi.fn();
    const scheduler = new SaveScheduler(fire, 1000, 5000);
    scheduler.noteEdit();
    scheduler.noteEdit();
    vi.advanceTimersByTime(1000);
    expect(fire).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10_000);
    expect(fire).toHaveBeenCalledTimes(1);
    expect(scheduler.scheduled).toBe(false);
  });

  it('sends only the latest text of each question', () => {
    const { queue, transport, advance } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'a');
    queue.edit('q1', 'ab');
    queue.edit('q2', 'z');
    advance(1000);
    expect(transport.sent).toEqual([
      { type: 'save', questionId: 'q1', revision: 2, text: 'ab' },
      { type: 'save', questionId: 'q2', revision: 1, text: 'z' },
    ]);
  });
});

describe('acknowledgements', () => {
  it('clears the local copy when the pending revision is acknowledged, and reports saved with the server time', () => {
    const { queue, local, advance, roundTrips } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'hello');
    advance(1000);
    expect(queue.snapshot.state).toBe('saving');
    advance(40);
    queue.acknowledge({ questionId: 'q1', revision: 1, savedAt: 123_456 });
    expect(local.read('q1')).toBeNull();
    expect(queue.snapshot.state).toBe('saved');
    expect(queue.snapshot.lastSavedAt).toBe(123_456);
    expect(queue.snapshot.questions.get('q1')).toEqual({ state: 'saved', savedAt: 123_456, refusal: null });
    expect(roundTrips).toEqual([40]);
  });

  it('keeps the local copy when an older revision is acknowledged while a newer one waits', () => {
    const { queue, local, advance } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'a');
    advance(1000);
    queue.edit('q1', 'ab');
    queue.acknowledge({ questionId: 'q1', revision: 1, savedAt: 1 });
    // The waiting copy now builds on the acknowledged revision 1.
    expect(local.read('q1')).toEqual({ questionId: 'q1', revision: 2, text: 'ab', base: 1 });
    expect(queue.snapshot.state).toBe('saving');
  });

  it('treats the server’s acknowledgement of a stale or duplicate save like any other', () => {
    const { queue, local, advance } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'a');
    advance(1000);
    queue.acknowledge({ questionId: 'q1', revision: 1, savedAt: 1 });
    queue.acknowledge({ questionId: 'q1', revision: 1, savedAt: 1 });
    expect(local.read('q1')).toBeNull();
    expect(queue.snapshot.state).toBe('saved');
  });

  it('reconnects when a save gets no answer on an open connection', () => {
    const { queue, transport, advance } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'a');
    advance(1000);
    advance(14_999);
    expect(transport.reconnects).toBe(0);
    advance(1);
    expect(transport.reconnects).toBe(1);
  });
});

describe('offline and reconnection', () => {
  it('keeps edits while offline, says so, and resends every unacknowledged edit on reconnect', () => {
    const { queue, transport, advance, local } = setup({ online: false });
    queue.open(scope, []);
    queue.edit('q1', 'one');
    queue.edit('q2', 'two');
    advance(6000);
    expect(transport.sent).toEqual([]);
    expect(queue.snapshot.state).toBe('offline');
    transport.online = true;
    queue.connectionChanged(true);
    expect(transport.sent.map((s) => [s.questionId, s.revision])).toEqual([
      ['q1', 1],
      ['q2', 1],
    ]);
    expect(local.all()).toHaveLength(2);
  });

  it('resends a save that was in flight when the connection dropped', () => {
    const { queue, transport, advance } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'a');
    advance(1000);
    expect(transport.sent).toHaveLength(1);
    transport.online = false;
    queue.connectionChanged(false);
    transport.online = true;
    queue.connectionChanged(true);
    expect(transport.sent).toHaveLength(2);
    expect(transport.sent[1]).toEqual(transport.sent[0]);
  });
});

describe('merging local copies with the server after a reload', () => {
  it('lets a local copy with a higher revision win over the server’s text', () => {
    const { answers, discard } = mergeAnswers(
      [{ questionId: 'q1', text: 'server', revision: 3, savedAt: 10 }],
      [{ questionId: 'q1', text: 'local newer', revision: 4, base: 3 }],
    );
    expect(answers.get('q1')).toEqual({ questionId: 'q1', text: 'local newer', revision: 4, ackedRevision: 3, ackedAt: 10 });
    expect(discard).toEqual([]);
  });

  it('does not let a copy written on an older base overwrite what the candidate wrote since on another workstation', () => {
    const { answers, aside } = mergeAnswers(
      [{ questionId: 'q1', text: 'written on workstation B', revision: 5, savedAt: 10 }],
      [{ questionId: 'q1', text: 'typed offline on workstation A', revision: 9, base: 3 }],
    );
    expect(answers.get('q1')?.text).toBe('written on workstation B');
    expect(aside).toEqual([{ questionId: 'q1', text: 'typed offline on workstation A', revision: 9, base: 3 }]);
  });

  it('puts a diverged copy aside in storage, never sends it, and counts it', () => {
    const storage = new MemoryStorage();
    new LocalCopies(storage, scope).write({ questionId: 'q1', revision: 9, text: 'typed offline on A', base: 3 });
    const { queue, transport, local } = setup({ storage });
    const texts = queue.open(scope, [{ questionId: 'q1', text: 'written on B', revision: 5, savedAt: 10 }]);
    expect(texts.get('q1')).toBe('written on B');
    expect(transport.sent).toEqual([]);
    expect(local.read('q1')).toBeNull();
    expect(storage.getItem(`${asideKeyPrefix(scope)}q1.9`)).toContain('typed offline on A');
    expect(queue.snapshot.putAside).toBe(1);
    expect(queue.snapshot.state).toBe('saved');
  });

  it('after a reload, puts aside and counts a copy typed offline that another workstation overtook, never sends it', () => {
    const storage = new MemoryStorage();
    new LocalCopies(storage, scope).write({ questionId: 'q1', revision: 2, text: 'typed offline on A', base: 1 });
    const { queue, transport, local } = setup({ storage });
    const texts = queue.open(scope, [{ questionId: 'q1', text: 'written on B, twice', revision: 3, savedAt: 10 }]);
    expect(texts.get('q1')).toBe('written on B, twice');
    expect(transport.sent).toEqual([]);
    expect(local.read('q1')).toBeNull();
    expect(local.asideOf('q1').map((copy) => copy.text)).toEqual(['typed offline on A']);
    expect(queue.snapshot.putAside).toBe(1);
  });

  it('discards a local copy the server already holds', () => {
    const { answers, discard, aside } = mergeAnswers(
      [{ questionId: 'q1', text: 'server', revision: 5, savedAt: 10 }],
      [{ questionId: 'q1', text: 'server', revision: 5, base: 4 }],
    );
    expect(answers.get('q1')?.text).toBe('server');
    expect(discard).toEqual(['q1']);
    expect(aside).toEqual([]);
  });

  // Another workstation wrote revision 5 from the same base: the copy typed here at revision 5 is
  // not the server's, and is put aside as when the other workstation wrote one revision more.
  it('puts aside a copy at the server’s revision with another text, written elsewhere from the same base', () => {
    const typedHere = { questionId: 'q1', text: 'typed here, offline', revision: 5, base: 4 };
    const { answers, discard, aside } = mergeAnswers([{ questionId: 'q1', text: 'written on the other workstation', revision: 5, savedAt: 10 }], [typedHere]);
    expect(answers.get('q1')?.text).toBe('written on the other workstation');
    expect(aside).toEqual([typedHere]);
    expect(discard).toEqual([]);
  });

  // The same copy sent on a live connection is acknowledged ahead and put aside (save-queue.ts);
  // after a reload it must not be lost either.
  it('puts aside a copy that another workstation overtook with more revisions, and discards one whose text the server holds', () => {
    const server = [{ questionId: 'q1', text: 'written on B, twice', revision: 3, savedAt: 5 }];
    const typedOnA = { questionId: 'q1', revision: 2, text: 'typed offline on A', base: 1 };
    const overtaken = mergeAnswers(server, [typedOnA]);
    expect(overtaken.aside).toEqual([typedOnA]);
    expect(overtaken.discard).toEqual([]);
    expect(overtaken.answers.get('q1')).toStrictEqual({ questionId: 'q1', text: 'written on B, twice', revision: 3, ackedRevision: 3, ackedAt: 5 });
    const held = mergeAnswers(server, [{ ...typedOnA, text: 'written on B, twice' }]);
    expect(held.aside).toEqual([]);
    expect(held.discard).toEqual(['q1']);
  });

  it('keeps a local answer the server never received', () => {
    const { answers } = mergeAnswers([], [{ questionId: 'q2', text: 'only here', revision: 2, base: 0 }]);
    expect(answers.get('q2')).toEqual({ questionId: 'q2', text: 'only here', revision: 2, ackedRevision: 0, ackedAt: null });
  });

  it('shows the local text on start and resends it, and clears stale copies', () => {
    const storage = new MemoryStorage();
    const before = new LocalCopies(storage, scope);
    before.write({ questionId: 'q1', revision: 6, text: 'typed before the reload', base: 5 });
    before.write({ questionId: 'q2', revision: 2, text: 'old', base: 1 });
    const { queue, transport, local } = setup({ storage });
    const texts = queue.open(scope, [
      { questionId: 'q1', text: 'saved earlier', revision: 5, savedAt: 1 },
      { questionId: 'q2', text: 'newer on server', revision: 3, savedAt: 2 },
    ]);
    expect(texts.get('q1')).toBe('typed before the reload');
    expect(texts.get('q2')).toBe('newer on server');
    expect(transport.sent).toEqual([{ type: 'save', questionId: 'q1', revision: 6, text: 'typed before the reload' }]);
    expect(local.read('q2')).toBeNull();
    expect(queue.snapshot.state).toBe('saving');
  });

  it('resends after a reload what was typed after the last acknowledgement', () => {
    const storage = new MemoryStorage();
    const first = setup({ storage });
    first.queue.open(scope, []);
    first.queue.edit('q1', 'a');
    first.advance(1000);
    first.queue.edit('q1', 'ab');
    first.queue.acknowledge({ questionId: 'q1', revision: 1, savedAt: 1 });
    // The page reloads before revision 2 is sent.
    const second = setup({ storage });
    const texts = second.queue.open(scope, [{ questionId: 'q1', text: 'a', revision: 1, savedAt: 1 }]);
    expect(texts.get('q1')).toBe('ab');
    expect(second.transport.sent).toEqual([{ type: 'save', questionId: 'q1', revision: 2, text: 'ab' }]);
  });

  it('ignores a corrupt local copy', () => {
    const storage = new MemoryStorage();
    storage.setItem(`${localKeyPrefix(scope)}q1`, '{not json');
    storage.setItem(`${localKeyPrefix(scope)}q2`, JSON.stringify({ questionId: 'q2', revision: 'x', text: 'a' }));
    expect(new LocalCopies(storage, scope).all()).toEqual([]);
  });
});

describe('refusals', () => {
  it('stops sending on a deadline refusal, keeps the local copy and says refused', async () => {
    const { queue, transport, advance, local } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'late words');
    advance(1000);
    const flushed = queue.flush();
    queue.refuse({ questionId: 'q1', revision: 1, reason: 'late', message: 'The time is over.' });
    await expect(flushed).rejects.toBeInstanceOf(SaveRefusedError);
    queue.edit('q1', 'late words again');
    advance(10_000);
    expect(transport.sent).toHaveLength(1);
    expect(local.read('q1')?.text).toBe('late words again');
    expect(queue.snapshot.state).toBe('refused');
    expect(queue.snapshot.stopped?.reason).toBe('late');
  });

  it('holds while the workstation is locked and resends when released', () => {
    const { queue, transport, advance } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'a');
    advance(1000);
    queue.refuse({ questionId: 'q1', revision: 1, reason: 'locked', message: 'Locked.' });
    expect(queue.snapshot.held).toBe('locked');
    queue.edit('q1', 'ab');
    advance(6000);
    expect(transport.sent).toHaveLength(1);
    queue.release('locked');
    expect(transport.sent.at(-1)).toMatchObject({ revision: 2, text: 'ab' });
  });

  it('retries a conflict under a newer revision', () => {
    const { queue, transport, advance } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'mine');
    advance(1000);
    queue.refuse({ questionId: 'q1', revision: 1, reason: 'conflict', message: 'Conflict.' });
    expect(transport.sent.at(-1)).toEqual({ type: 'save', questionId: 'q1', revision: 2, text: 'mine' });
  });

  it('marks one question refused when its text is too long, until it is edited again', () => {
    const { queue, transport, advance } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'x');
    advance(1000);
    queue.refuse({ questionId: 'q1', revision: 1, reason: 'too-long', message: 'Too long.' });
    expect(queue.snapshot.questions.get('q1')?.state).toBe('refused');
    queue.edit('q1', 'y');
    advance(1000);
    expect(transport.sent.at(-1)).toMatchObject({ revision: 2, text: 'y' });
    expect(queue.snapshot.questions.get('q1')?.state).toBe('saving');
  });
});

describe('flush', () => {
  it('sends at once and resolves when everything is acknowledged', async () => {
    const { queue, transport } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'a');
    queue.edit('q2', 'b');
    let done = false;
    const flushed = queue.flush().then(() => (done = true));
    expect(transport.sent).toHaveLength(2);
    queue.acknowledge({ questionId: 'q1', revision: 1, savedAt: 1 });
    await Promise.resolve();
    expect(done).toBe(false);
    queue.acknowledge({ questionId: 'q2', revision: 1, savedAt: 2 });
    await flushed;
    expect(done).toBe(true);
  });

  it('resolves at once when nothing is pending', async () => {
    const { queue } = setup();
    queue.open(scope, []);
    await expect(queue.flush()).resolves.toBeUndefined();
  });
});

describe('storage failures', () => {
  it('still sends and says the local copy failed when storage is full', () => {
    const storage = new MemoryStorage();
    const { queue, transport, advance } = setup({ storage });
    queue.open(scope, []);
    storage.failWrites = true;
    queue.edit('q1', 'a');
    advance(1000);
    expect(transport.sent).toHaveLength(1);
    expect(queue.snapshot.localCopyFailed).toBe(true);
  });
});

describe('after submission', () => {
  it('removes the local copies the receipt covers and keeps newer ones', () => {
    const { queue, advance, local, storage } = setup();
    queue.open(scope, []);
    queue.edit('q1', 'a');
    queue.edit('q2', 'b');
    advance(1000);
    queue.edit('q2', 'bc');
    queue.settleWithReceipt({
      submittedAt: 1,
      kind: 'deadline',
      digest: 'ab',
      answers: [
        { questionId: 'q1', revision: 1, words: 1 },
        { questionId: 'q2', revision: 1, words: 1 },
      ],
    });
    expect(local.read('q1')).toBeNull();
    expect(local.read('q2')?.revision).toBe(2);
    // q2's copy only: its whole copy, and its last key as a tail of it (local-tail.ts).
    expect([...storage.map.keys()].sort()).toEqual([`${tailKeyPrefix(scope)}q2`, `${localKeyPrefix(scope)}q2`]);
  });
});
