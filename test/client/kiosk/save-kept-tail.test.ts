// The second copy (the latest acknowledged text, kept until the receipt) is written as the local
// copies are (issue 13, item 7): whole now and then, and between times only how the acknowledged
// text differs from the whole kept copy. Read back, it is always the latest acknowledged text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LocalCopies, MAX_TAIL_CHARS, keptKeyPrefix, keptTailKeyPrefix } from '../../../client/kiosk/local-copies.js';
import { MemoryStorage, MeteredStorage } from '../memory-storage.js';
import { queueAwaitingRevision3 } from './typing-queue.js';

const scope = { sessionCode: 'ABCDEF', candidateCode: 'GHJKMNPQ' };
const other = { sessionCode: 'ABCDEF', candidateCode: 'RSTVWXYZ' };
const wholeKey = `${keptKeyPrefix(scope)}q1`;
const tailKey = `${keptTailKeyPrefix(scope)}q1`;

/** A kept copy written whole, then once as a tail of it. */
function keptTwice(storage: MemoryStorage, whose: typeof scope, first: string, second: string): LocalCopies {
  const local = new LocalCopies(storage, whose);
  local.keep({ questionId: 'q1', revision: 1, text: first });
  local.keep({ questionId: 'q1', revision: 2, text: second });
  return local;
}

const longAnswer = 'The journal says why the unit stopped. '.repeat(1300).slice(0, 50_000);

describe('the kept copy of an acknowledged answer', () => {
  it('is written whole once, then as a few characters per acknowledgement; read back it is the latest text', () => {
    const storage = new MeteredStorage();
    const local = new LocalCopies(storage, scope);
    let text = longAnswer;
    local.keep({ questionId: 'q1', revision: 1, text });
    expect(storage.written).toEqual([{ key: wholeKey, length: expect.any(Number) }]);
    expect(storage.written[0]!.length).toBeGreaterThan(50_000);
    storage.written = [];
    for (let revision = 2; revision <= 40; revision++) {
      text += ` word${revision}`;
      local.keep({ questionId: 'q1', revision, text });
      expect(local.kept()).toEqual([{ questionId: 'q1', revision, text }]);
    }
    expect(storage.written.every((w) => w.key === tailKey && w.length < 400)).toBe(true);
    // Another page (a reload) reads the same.
    expect(new LocalCopies(storage, scope).kept()).toEqual([{ questionId: 'q1', revision: 40, text }]);
  });

  it('is written whole again once the change would pass the bound, and the old tail goes', () => {
    const storage = new MeteredStorage();
    const local = new LocalCopies(storage, scope);
    local.keep({ questionId: 'q1', revision: 1, text: 'start' });
    local.keep({ questionId: 'q1', revision: 2, text: 'start, then' });
    expect(storage.getItem(tailKey)).not.toBeNull();
    // Exactly at the bound: still a tail.
    const atBound = `start${'x'.repeat(MAX_TAIL_CHARS)}`;
    local.keep({ questionId: 'q1', revision: 3, text: atBound });
    expect(JSON.parse(storage.getItem(wholeKey)!)).toMatchObject({ revision: 1, text: 'start' });
    expect(local.kept()).toEqual([{ questionId: 'q1', revision: 3, text: atBound }]);
    const long = `start${'x'.repeat(MAX_TAIL_CHARS + 1)}`;
    local.keep({ questionId: 'q1', revision: 4, text: long });
    expect(storage.getItem(tailKey)).toBeNull();
    expect(JSON.parse(storage.getItem(wholeKey)!)).toMatchObject({ revision: 4, text: long });
    expect(local.kept()).toEqual([{ questionId: 'q1', revision: 4, text: long }]);
  });

  it('starts with a whole copy in a new page: the tail of the copy written before it is never built on', () => {
    const storage = new MeteredStorage();
    new LocalCopies(storage, scope).keep({ questionId: 'q1', revision: 1, text: 'first' });
    new LocalCopies(storage, scope).keep({ questionId: 'q1', revision: 2, text: 'first, then' });
    expect(storage.getItem(tailKey)).toBeNull();
    const later = new LocalCopies(storage, scope);
    later.keep({ questionId: 'q1', revision: 3, text: 'first, then more' });
    expect(later.kept()).toEqual([{ questionId: 'q1', revision: 3, text: 'first, then more' }]);
  });

  it('ignores a tail of another whole copy, an older one, or a damaged one', () => {
    const storage = new MeteredStorage();
    const local = new LocalCopies(storage, scope);
    local.keep({ questionId: 'q1', revision: 4, text: 'kept text' });
    const copyId = JSON.parse(storage.getItem(wholeKey)!).copyId as string;
    const tails = [
      { of: 'another', revision: 5, head: 4, tail: 0, mid: ' other' },
      { of: copyId, revision: 3, head: 4, tail: 0, mid: ' older' },
      { of: copyId, revision: 4.5, head: 4, tail: 0, mid: ' not a revision' },
      { of: copyId, revision: 5, head: 400, tail: 0, mid: ' past the end' },
      { of: copyId, revision: 5, head: 4, tail: 0 },
    ];
    for (const tail of tails) {
      storage.setItem(tailKey, JSON.stringify(tail));
      expect(local.kept()).toEqual([{ questionId: 'q1', revision: 4, text: 'kept text' }]);
    }
    storage.setItem(tailKey, '{not json');
    expect(local.kept()).toEqual([{ questionId: 'q1', revision: 4, text: 'kept text' }]);
    storage.setItem(tailKey, JSON.stringify({ of: copyId, revision: 4, head: 4, tail: 0, mid: ' now' }));
    expect(local.kept()).toEqual([{ questionId: 'q1', revision: 4, text: 'kept now' }]);
  });

  it('stays the previous one when the storage is full', () => {
    const storage = new MeteredStorage();
    const local = keptTwice(storage, scope, 'one', 'one two');
    storage.failWrites = true;
    local.keep({ questionId: 'q1', revision: 3, text: 'one two three' });
    local.keep({ questionId: 'q1', revision: 4, text: 'x'.repeat(MAX_TAIL_CHARS + 10) });
    expect(local.kept()).toEqual([{ questionId: 'q1', revision: 2, text: 'one two' }]);
  });

  it('goes with its tail at the receipt, and another candidate logging in here removes both, not their own', () => {
    const storage = new MeteredStorage();
    const theirs = keptTwice(storage, other, 'theirs', 'theirs, longer');
    const mine = keptTwice(storage, scope, 'mine', 'mine, longer');
    mine.clearKeptOfOthers();
    expect(theirs.kept()).toEqual([]);
    expect(storage.getItem(`${keptTailKeyPrefix(other)}q1`)).toBeNull();
    expect(mine.kept()).toEqual([{ questionId: 'q1', revision: 2, text: 'mine, longer' }]);
    mine.clearKept();
    expect(storage.getItem(tailKey)).toBeNull();
    expect(mine.kept()).toEqual([]);
    // After the receipt a next keep is whole again, never a tail of the copy cleared.
    mine.keep({ questionId: 'q1', revision: 3, text: 'mine, again' });
    expect(storage.getItem(tailKey)).toBeNull();
    expect(mine.kept()).toEqual([{ questionId: 'q1', revision: 3, text: 'mine, again' }]);
  });

  it('reads back any sequence of acknowledged texts as the last one', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 80 }), { minLength: 1, maxLength: 12 }), (texts) => {
        const storage = new MemoryStorage();
        const local = new LocalCopies(storage, scope);
        texts.forEach((text, i) => local.keep({ questionId: 'q1', revision: i + 1, text }));
        expect(new LocalCopies(storage, scope).kept()).toEqual([{ questionId: 'q1', revision: texts.length, text: texts.at(-1) }]);
      }),
    );
  });
});

describe('an acknowledgement while a candidate types at the end of a 50,000-character answer', () => {
  it('writes a few characters to the storage, not the whole answer again', () => {
    const storage = new MeteredStorage();
    const { queue, text } = queueAwaitingRevision3(storage, scope, longAnswer);
    storage.written = [];
    queue.acknowledge({ questionId: 'q1', revision: 3, savedAt: 300 });
    expect(storage.written.length).toBeGreaterThan(0);
    expect(Math.max(...storage.written.map((w) => w.length))).toBeLessThan(400);
    expect(new LocalCopies(storage, scope).kept()).toEqual([{ questionId: 'q1', revision: 3, text }]);
  });
});
