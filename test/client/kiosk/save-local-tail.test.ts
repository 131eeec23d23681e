// A key writes only what changed to the workstation's storage (issue 13, item 7), and the copy read
// back, after a reload too, is still the whole latest text: never a tail applied to another copy.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LocalCopies, MAX_TAIL_CHARS, localKeyPrefix, tailKeyPrefix } from '../../../client/kiosk/local-copies.js';
import { applyTail, tailOf } from '../../../client/kiosk/local-tail.js';
import { SaveQueue, type SaveMessage, type SaveTransport } from '../../../client/kiosk/save-queue.js';
import { MeteredStorage } from '../memory-storage.js';

const scope = { sessionCode: 'ABCDEF', candidateCode: 'GHJKMNPQ' };
const wholeKey = `${localKeyPrefix(scope)}q1`;
const tailKey = `${tailKeyPrefix(scope)}q1`;

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

  it('keeps a start only where the texts start alike, and an end only where they end alike', () => {
    expect(tailOf('ab', 'xab')).toEqual({ head: 0, tail: 2, mid: 'x' });
    expect(tailOf('abc', 'ab')).toEqual({ head: 2, tail: 0, mid: '' });
    expect(tailOf('aa', 'a')).toEqual({ head: 1, tail: 0, mid: '' });
    expect(tailOf('', 'new')).toEqual({ head: 0, tail: 0, mid: 'new' });
  });

  it('is refused against a text too short to hold it, or when damaged', () => {
    expect(applyTail('abc', { head: 2, tail: 2, mid: '' })).toBeNull();
    expect(applyTail('abc', { head: -1, tail: 0, mid: 'x' })).toBeNull();
    expect(applyTail('abc', { head: 0, tail: -1, mid: 'x' })).toBeNull();
    expect(applyTail('abc', { head: 1.5, tail: 0, mid: 'x' })).toBeNull();
    expect(applyTail('abc', { head: 1, tail: 0.5, mid: 'x' })).toBeNull();
    expect(applyTail('abc', { head: 1, tail: 1 })).toBeNull();
    expect(applyTail('abc', { head: 1, tail: 1, mid: 'x' })).toBe('axc');
  });
});

describe('the local copy while a candidate types at the end of a 50,000-character answer', () => {
  it('writes the whole answer once, then a few characters per key; read back, here and after a reload, it is the latest text', () => {
    const storage = new MeteredStorage();
    const local = new LocalCopies(storage, scope);
    let text = 'The timer starts the unit. '.repeat(1852);
    local.write({ questionId: 'q1', revision: 1, text, base: 0 });
    expect(storage.written).toHaveLength(1);
    expect(storage.written[0]!.length).toBeGreaterThan(50_000);
    for (let revision = 2; revision <= 100; revision++) {
      text += 'x';
      local.write({ questionId: 'q1', revision, text, base: 0 });
    }
    expect(Math.max(...storage.written.slice(1).map((w) => w.length))).toBeLessThan(300);
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

describe('a tail that does not belong to the whole copy', () => {
  /** A whole copy of revision 3 in storage, and the tail key set to `tail` (its `of` the copy's name unless given). */
  function storedWith(tail: Record<string, unknown>, whole: Record<string, unknown> = {}) {
    const storage = new MeteredStorage();
    const local = new LocalCopies(storage, scope);
    local.write({ questionId: 'q1', revision: 3, text: 'whole text', base: 2 });
    const stored = { ...JSON.parse(storage.map.get(wholeKey)!), ...whole };
    storage.map.set(wholeKey, JSON.stringify(stored));
    storage.map.set(tailKey, JSON.stringify({ of: stored.copyId, revision: 4, base: 3, head: 10, tail: 0, mid: '!', ...tail }));
    return new LocalCopies(storage, scope).read('q1');
  }
  const whole = { questionId: 'q1', revision: 3, text: 'whole text', base: 2 };

  it('applies when it names the copy and is not older', () => {
    expect(storedWith({})).toEqual({ questionId: 'q1', revision: 4, text: 'whole text!', base: 3 });
    // The same revision with the sends updated (a save went out): the tail's sends are the latest.
    const sent = [{ revision: 3, digest: 'x.10' }];
    expect(storedWith({ revision: 3, mid: '', sent })).toEqual({ ...whole, base: 3, sent });
  });

  it.each([
    ['names another copy', { of: 'another' }],
    ['names no copy', { of: undefined }],
    ['is older than the copy', { revision: 2 }],
    ['has a revision that is not a whole number', { revision: 4.5 }],
    ['has a revision that is not a number', { revision: '4' }],
    ['reaches past the copy', { head: 11 }],
    ['has no text', { mid: 7 }],
  ])('is ignored when it %s: the whole copy is read', (_what, tail) => {
    expect(storedWith(tail)).toEqual(whole);
  });

  it('is ignored on a whole copy that has no name (written before tails), even if the tail names none', () => {
    expect(storedWith({ of: undefined }, { copyId: undefined })).toEqual(whole);
  });

  it('goes with its copy when the copy is put aside: the next key writes a whole copy', () => {
    const storage = new MeteredStorage();
    const local = new LocalCopies(storage, scope);
    local.write({ questionId: 'q1', revision: 1, text: 'abc', base: 0 });
    local.write({ questionId: 'q1', revision: 2, text: 'abcd', base: 0 });
    local.putAside({ questionId: 'q1', revision: 2, text: 'abcd', base: 0 });
    expect(storage.map.has(tailKey)).toBe(false);
    local.write({ questionId: 'q1', revision: 5, text: 'server text, more', base: 4 });
    expect(local.read('q1')).toEqual({ questionId: 'q1', revision: 5, text: 'server text, more', base: 4 });
    expect(storage.map.has(tailKey)).toBe(false);
  });

  it('is written for a save sent under the same revision, and a lower revision writes a whole copy', () => {
    const storage = new MeteredStorage();
    const local = new LocalCopies(storage, scope);
    const text = 'z'.repeat(5000);
    local.write({ questionId: 'q1', revision: 7, text, base: 6 });
    local.write({ questionId: 'q1', revision: 7, text, base: 6, sent: [{ revision: 7, digest: 'd.5000' }] });
    expect(storage.written.at(-1)!.length).toBeLessThan(300);
    // A conflict or a rebase never lowers a revision, but a copy written lower must still be the one read.
    local.write({ questionId: 'q1', revision: 5, text: 'lower', base: 4 });
    expect(local.read('q1')).toEqual({ questionId: 'q1', revision: 5, text: 'lower', base: 4 });
  });

  it('spares reading the whole copy when an acknowledgement arrives while the candidate types', () => {
    const storage = new MeteredStorage();
    const local = new LocalCopies(storage, scope);
    local.write({ questionId: 'q1', revision: 1, text: 'long '.repeat(1000), base: 0 });
    local.write({ questionId: 'q1', revision: 3, text: `${'long '.repeat(1000)}more`, base: 0 });
    storage.read = [];
    local.removeUpTo('q1', 2);
    expect(storage.read).toEqual([tailKey]);
    expect(local.read('q1')?.revision).toBe(3);
    // Acknowledged up to the tail: each key is read once, then both removed.
    storage.read = [];
    local.removeUpTo('q1', 3);
    expect(storage.read).toEqual([tailKey, wholeKey]);
    expect(storage.map.size).toBe(0);
  });

  it('is named by session and candidate in capitals, as the whole copy is', () => {
    expect(tailKeyPrefix({ sessionCode: 'abcdef', candidateCode: 'ghjkmnpq' })).toBe('lectern.answers-tail.v1.ABCDEF.GHJKMNPQ.');
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
    expect(Math.max(...storage.written.slice(1).map((w) => w.length))).toBeLessThan(300);
    const online: SaveTransport = { online: true, send: (save) => (sent.push(save), true) };
    const reloaded = new SaveQueue(null, { storage, transport: online, monotonicNow: () => 0 });
    reloaded.connectionChanged(true);
    reloaded.open(scope, [{ questionId: 'q1', text: 'a'.repeat(10_000), revision: 3, savedAt: 1 }]);
    expect(reloaded.text('q1')).toBe(text);
    expect(sent.at(-1)).toMatchObject({ questionId: 'q1', revision: 53, text });
  });
});
