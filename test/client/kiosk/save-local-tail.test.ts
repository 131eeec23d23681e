// A key writes only what changed to the workstation's storage (issue 13, item 7), and the copy read
// back, after a reload too, is still the whole latest text: never a tail applied to another copy.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LocalCopies, MAX_TAIL_CHARS, localKeyPrefix, tailKeyPrefix } from '../../../client/kiosk/local-copies.js';
import { applyTail, tailOf } from '../../../client/kiosk/local-tail.js';
import { SaveQueue, type SaveMessage, type SaveTransport } from '../../../client/kiosk/save-queue.js';
import { MemoryStorage } from '../memory-storage.js';

const scope = { sessionCode: 'ABCDEF', candidateCode: 'GHJKMNPQ' };
const wholeKey = `${localKeyPrefix(scope)}q1`;
const tailKey = `${tailKeyPrefix(scope)}q1`;

/** A storage that records the length of every value written. */
class MeteredStorage extends MemoryStorage {
  written: number[] = [];
  failRemovals = false;
  override setItem(key: string, value: string) {
    super.setItem(key, value);
    this.written.push(value.length);
  }
  override removeItem(key: string) {
    if (this.failRemovals) throw new Error('SecurityError');
    super.removeItem(key);
  }
}

describe('a text as a tail of another', () => {
  it('is rebuilt exactly from the whole text, whatever was inserted, deleted or replaced', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.string({ maxLength: 60 }), (whole, text) => {
        const change = tailOf(whole, text);
        expect(applyTail(whole, change)).toBe(text);
        expect(change.head + change.tail).toBeLessThanOrEqual(Math.min(whole.length, text.length));
      }),
    );
  });

  it('holds only the characters typed at the end of a long text, and only the word changed in its middle', () => {
    const whole = 'word '.repeat(10_000);
    expect(tailOf(whole, `${whole}more`)).toEqual({ head: 50_000, tail: 0, mid: 'more' });
    const edited = `${whole.slice(0, 20_000)}WORD${whole.slice(20_004)}`;
    expect(tailOf(whole, edited).mid).toBe('WORD');
    expect(tailOf(whole, whole.slice(0, 49_990)).mid).toBe('');
  });

  it('is refused against a text too short to hold it', () => {
    expect(applyTail('abc', { head: 2, tail: 2, mid: '' })).toBeNull();
    expect(applyTail('abc', { head: -1, tail: 0, mid: 'x' })).toBeNull();
    expect(applyTail('abc', { head: 1.5, tail: 0, mid: 'x' })).toBeNull();
  });
});

describe('the local copy while a candidate types at the end of a 50,000-character answer', () => {
  it('writes the whole answer once, then a few characters per key; read back, here and after a reload, it is the latest text', () => {
    const storage = new MeteredStorage();
    const local = new LocalCopies(storage, scope);
    let text = 'The timer starts the unit. '.repeat(1852);
    local.write({ questionId: 'q1', revision: 1, text, base: 0 });
    expect(storage.written).toHaveLength(1);
    expect(storage.written[0]).toBeGreaterThan(50_000);
    for (let revision = 2; revision <= 100; revision++) {
      text += 'x';
      local.write({ questionId: 'q1', revision, text, base: 0 });
    }
    expect(Math.max(...storage.written.slice(1))).toBeLessThan(300);
    expect(local.read('q1')).toEqual({ questionId: 'q1', revision: 100, text, base: 0 });
    expect(new LocalCopies(storage, scope).all()).toEqual([{ questionId: 'q1', revision: 100, text, base: 0 }]);
  });

  it('writes the whole copy again once the tail would pass its bound, and drops the old tail', () => {
    const storage = new MeteredStorage();
    const local = new LocalCopies(storage, scope);
    local.write({ questionId: 'q1', revision: 1, text: 'start', base: 0 });
    local.write({ questionId: 'q1', revision: 2, text: `start${'y'.repeat(MAX_TAIL_CHARS)}`, base: 0 });
    expect(storage.map.has(tailKey)).toBe(true);
    const long = `start${'y'.repeat(MAX_TAIL_CHARS + 1)}`;
    local.write({ questionId: 'q1', revision: 3, text: long, base: 0 });
    expect(storage.map.has(tailKey)).toBe(false);
    expect(JSON.parse(storage.map.get(wholeKey)!)).toMatchObject({ revision: 3, text: long });
    expect(local.read('q1')?.text).toBe(long);
  });

  it('never applies a tail left behind by a failed removal to the newer whole copy', () => {
    const storage = new MeteredStorage();
    const local = new LocalCopies(storage, scope);
    local.write({ questionId: 'q1', revision: 1, text: 'abc', base: 0 });
    local.write({ questionId: 'q1', revision: 2, text: 'abcd', base: 0 });
    storage.failRemovals = true;
    local.write({ questionId: 'q1', revision: 3, text: 'Z'.repeat(MAX_TAIL_CHARS + 10), base: 0 });
    expect(storage.map.has(tailKey)).toBe(true);
    expect(new LocalCopies(storage, scope).read('q1')).toEqual({ questionId: 'q1', revision: 3, text: 'Z'.repeat(MAX_TAIL_CHARS + 10), base: 0 });
  });

  it('starts with a whole copy after a reload: the tail of the copy written before it is never built on', () => {
    const storage = new MeteredStorage();
    new LocalCopies(storage, scope).write({ questionId: 'q1', revision: 1, text: 'before the reload', base: 0 });
    new LocalCopies(storage, scope).write({ questionId: 'q1', revision: 2, text: 'before the reload!', base: 0 });
    expect(storage.map.has(tailKey)).toBe(false);
    expect(new LocalCopies(storage, scope).read('q1')?.text).toBe('before the reload!');
  });

  it('is removed with its tail once acknowledged, and kept while the tail is newer than the acknowledgement', () => {
    const storage = new MeteredStorage();
    const local = new LocalCopies(storage, scope);
    local.write({ questionId: 'q1', revision: 1, text: 'a', base: 0 });
    local.write({ questionId: 'q1', revision: 2, text: 'ab', base: 0 });
    local.removeUpTo('q1', 1);
    expect(local.read('q1')?.text).toBe('ab');
    local.removeUpTo('q1', 2);
    expect(storage.map.size).toBe(0);
    // The next key writes a whole copy: no tail of a removed copy.
    local.write({ questionId: 'q1', revision: 3, text: 'abc', base: 2 });
    expect([...storage.map.keys()]).toEqual([wholeKey]);
  });

  it('keeps the sends and the base of the latest edit, not those of the whole copy', () => {
    const storage = new MeteredStorage();
    const local = new LocalCopies(storage, scope);
    local.write({ questionId: 'q1', revision: 4, text: 'one', base: 3 });
    const sent = [{ revision: 5, digest: 'abc.4' }];
    local.write({ questionId: 'q1', revision: 5, text: 'one!', base: 3, sent });
    local.write({ questionId: 'q1', revision: 6, text: 'one!!', base: 5, sent });
    expect(new LocalCopies(storage, scope).read('q1')).toEqual({ questionId: 'q1', revision: 6, text: 'one!!', base: 5, sent });
  });

  it('ignores a corrupt tail: the whole copy is still read', () => {
    const storage = new MeteredStorage();
    const local = new LocalCopies(storage, scope);
    local.write({ questionId: 'q1', revision: 1, text: 'whole', base: 0 });
    local.write({ questionId: 'q1', revision: 2, text: 'whole!', base: 0 });
    storage.setItem(tailKey, '{"of": 3');
    expect(local.read('q1')).toEqual({ questionId: 'q1', revision: 1, text: 'whole', base: 0 });
  });
});

describe('the save queue over tails', () => {
  it('sends the whole text the candidate typed, and a reload resends it from the copy', () => {
    const storage = new MeteredStorage();
    const sent: SaveMessage[] = [];
    const transport: SaveTransport = { online: false, send: (save) => (sent.push(save), true) };
    const queue = new SaveQueue(null, { storage, transport, monotonicNow: () => 0 });
    queue.open(scope, [{ questionId: 'q1', text: 'a'.repeat(10_000), revision: 3, savedAt: 1 }]);
    let text = 'a'.repeat(10_000);
    for (let i = 0; i < 50; i++) queue.edit('q1', (text += 'b'));
    expect(Math.max(...storage.written.slice(1))).toBeLessThan(300);
    const online: SaveTransport = { online: true, send: (save) => (sent.push(save), true) };
    const reloaded = new SaveQueue(null, { storage, transport: online, monotonicNow: () => 0 });
    reloaded.connectionChanged(true);
    reloaded.open(scope, [{ questionId: 'q1', text: 'a'.repeat(10_000), revision: 3, savedAt: 1 }]);
    expect(reloaded.text('q1')).toBe(text);
    expect(sent.at(-1)).toMatchObject({ questionId: 'q1', revision: 53, text });
  });
});
