// An acknowledgement that covers everything typed marks the local copy acknowledged instead of
// removing it (issue 13, item 7): the whole copy is not read back, and the next key is written as
// a tail of it, not as the whole answer again. Marked so, the copy reads as nothing to send, after
// a reload too, and it goes, as the kept copy does, at the receipt and when another candidate
// logs in on the workstation.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LocalCopies, localKeyPrefix, tailKeyPrefix } from '../../../client/kiosk/local-copies.js';
import { applyTail } from '../../../client/kiosk/local-tail.js';
import { MeteredStorage } from '../memory-storage.js';
import { queueAwaitingRevision3 } from './typing-queue.js';

const scope = { sessionCode: 'ABCDEF', candidateCode: 'GHJKMNPQ' };
const other = { sessionCode: 'ABCDEF', candidateCode: 'RSTVWXYZ' };
const wholeKey = `${localKeyPrefix(scope)}q1`;
const tailKey = `${tailKeyPrefix(scope)}q1`;
const long = 'word '.repeat(10_000);

/** A copy written whole (revision 1), then as a tail (revision 2), then acknowledged up to `acked`. */
function typedThenAcknowledged(storage: MeteredStorage, acked: number, whose = scope): LocalCopies {
  const local = new LocalCopies(storage, whose);
  local.write({ questionId: 'q1', revision: 1, text: long, base: 0 });
  local.write({ questionId: 'q1', revision: 2, text: `${long}more`, base: 0 });
  local.settleUpTo('q1', acked);
  return local;
}

describe('a copy acknowledged up to its latest edit', () => {
  it('is marked, not removed, and neither the whole copy is read back nor written again', () => {
    const storage = new MeteredStorage();
    const local = new LocalCopies(storage, scope);
    local.write({ questionId: 'q1', revision: 1, text: long, base: 0 });
    local.write({ questionId: 'q1', revision: 2, text: `${long}more`, base: 0 });
    storage.read = [];
    storage.written = [];
    local.settleUpTo('q1', 2);
    expect(storage.read).toEqual([tailKey]);
    expect(storage.written).toEqual([{ key: tailKey, length: expect.any(Number) }]);
    expect(storage.written[0]!.length).toBeLessThan(200);
    expect(storage.map.has(wholeKey)).toBe(true);
    expect(local.read('q1')).toBeNull();
    expect(local.all()).toEqual([]);
    // Read as a plain tail (by a kiosk that knew no marks), the mark is the whole copy itself.
    const mark = JSON.parse(storage.map.get(tailKey)!);
    expect(mark).toMatchObject({ of: JSON.parse(storage.map.get(wholeKey)!).copyId, revision: 1, settled: true });
    expect(applyTail(long, mark)).toBe(long);
  });

  it('is built on by the next key, which writes a few characters, and that edit is read back whole', () => {
    const storage = new MeteredStorage();
    const local = typedThenAcknowledged(storage, 2);
    storage.written = [];
    local.write({ questionId: 'q1', revision: 3, text: `${long}more!`, base: 2 });
    expect(storage.written).toEqual([{ key: tailKey, length: expect.any(Number) }]);
    expect(storage.written[0]!.length).toBeLessThan(200);
    const edit = { questionId: 'q1', revision: 3, text: `${long}more!`, base: 2 };
    expect(local.read('q1')).toEqual(edit);
    expect(new LocalCopies(storage, scope).read('q1')).toEqual(edit);
  });

  it('reads as nothing to send after a reload, and the new page starts a whole copy', () => {
    const storage = new MeteredStorage();
    typedThenAcknowledged(storage, 2);
    const reloaded = new LocalCopies(storage, scope);
    expect(reloaded.all()).toEqual([]);
    expect(reloaded.read('q1')).toBeNull();
    reloaded.write({ questionId: 'q1', revision: 3, text: 'after the reload', base: 2 });
    expect(storage.map.has(tailKey)).toBe(false);
    expect(reloaded.read('q1')).toEqual({ questionId: 'q1', revision: 3, text: 'after the reload', base: 2 });
  });

  it('is marked when the whole copy itself is the latest edit (no tail yet)', () => {
    const storage = new MeteredStorage();
    const local = new LocalCopies(storage, scope);
    local.write({ questionId: 'q1', revision: 4, text: long, base: 3 });
    local.settleUpTo('q1', 4);
    expect(storage.map.has(wholeKey)).toBe(true);
    expect(local.read('q1')).toBeNull();
  });

  it('is left as it is while the candidate typed past the acknowledgement', () => {
    const storage = new MeteredStorage();
    const local = typedThenAcknowledged(storage, 1);
    expect(local.read('q1')).toEqual({ questionId: 'q1', revision: 2, text: `${long}more`, base: 0 });
    // A whole copy newer than the acknowledgement (no tail over it) stays too.
    local.write({ questionId: 'q2', revision: 5, text: 'five', base: 4 });
    storage.read = [];
    local.settleUpTo('q2', 4);
    expect(storage.read).toEqual([`${tailKeyPrefix(scope)}q2`]);
    expect(local.read('q2')).toEqual({ questionId: 'q2', revision: 5, text: 'five', base: 4 });
  });

  it('is removed when the storage refuses the mark: never left readable as unsent', () => {
    const storage = new MeteredStorage();
    const local = new LocalCopies(storage, scope);
    local.write({ questionId: 'q1', revision: 1, text: long, base: 0 });
    local.write({ questionId: 'q1', revision: 2, text: `${long}more`, base: 0 });
    storage.failWrites = true;
    local.settleUpTo('q1', 2);
    expect(storage.map.size).toBe(0);
    storage.failWrites = false;
    // The next key starts a whole copy: nothing to build a tail on.
    local.write({ questionId: 'q1', revision: 3, text: `${long}more!`, base: 2 });
    expect(storage.map.has(tailKey)).toBe(false);
    expect(local.read('q1')?.text).toBe(`${long}more!`);
  });

  it('is removed, as before, when an earlier page wrote it (its revision is not known without reading it)', () => {
    const storage = new MeteredStorage();
    new LocalCopies(storage, scope).write({ questionId: 'q1', revision: 3, text: 'earlier page', base: 2 });
    const page = new LocalCopies(storage, scope);
    page.settleUpTo('q1', 2);
    expect(page.read('q1')?.revision).toBe(3);
    page.settleUpTo('q1', 3);
    expect(storage.map.size).toBe(0);
  });
});

describe('a marked copy goes as the kept copy goes', () => {
  it('at the receipt, with every other marked copy of the candidate; an unacknowledged one stays', () => {
    const storage = new MeteredStorage();
    const local = typedThenAcknowledged(storage, 2);
    local.write({ questionId: 'q2', revision: 1, text: 'two', base: 0 });
    local.settleUpTo('q2', 1);
    local.write({ questionId: 'q3', revision: 1, text: 'not yet acknowledged', base: 0 });
    local.clearKept();
    expect([...storage.map.keys()]).toEqual([`${localKeyPrefix(scope)}q3`]);
    expect(local.all()).toEqual([{ questionId: 'q3', revision: 1, text: 'not yet acknowledged', base: 0 }]);
    // The next key after the receipt (none is allowed, but the copy must hold) starts whole.
    local.write({ questionId: 'q1', revision: 3, text: 'again', base: 2 });
    expect(local.read('q1')?.text).toBe('again');
  });

  it('when another candidate logs in: theirs go, their unacknowledged copies and this candidate’s marked ones stay', () => {
    const storage = new MeteredStorage();
    typedThenAcknowledged(storage, 2, other);
    const others = new LocalCopies(storage, other);
    others.write({ questionId: 'q2', revision: 1, text: 'unsent', base: 0 });
    typedThenAcknowledged(storage, 2, scope);
    new LocalCopies(storage, scope).clearKeptOfOthers();
    expect([...storage.map.keys()].sort()).toEqual([`${localKeyPrefix(other)}q2`, wholeKey, tailKey].sort());
    expect(new LocalCopies(storage, other).all()).toEqual([{ questionId: 'q2', revision: 1, text: 'unsent', base: 0 }]);
  });

  it('whatever the storage holds under the names of copies: a damaged whole copy stays, as does a mark without its copy', () => {
    const storage = new MeteredStorage();
    storage.map.set(`${localKeyPrefix(other)}q1`, '{"questionId":');
    storage.map.set(`${tailKeyPrefix(other)}q1`, JSON.stringify({ of: 'x', revision: 1, head: 0, tail: 0, mid: '', settled: true }));
    storage.map.set(`${tailKeyPrefix(other)}q2`, JSON.stringify({ of: 'y', revision: 1, head: 0, tail: 0, mid: '', settled: true }));
    new LocalCopies(storage, scope).clearKeptOfOthers();
    expect(storage.map.size).toBe(3);
  });

  it('not when its mark names another whole copy (the mark of an older copy whose removal failed)', () => {
    const storage = new MeteredStorage();
    typedThenAcknowledged(storage, 2, other);
    const stored = JSON.parse(storage.map.get(`${localKeyPrefix(other)}q1`)!);
    storage.map.set(`${localKeyPrefix(other)}q1`, JSON.stringify({ ...stored, copyId: 'newer', text: 'unsent', revision: 9 }));
    new LocalCopies(storage, scope).clearKeptOfOthers();
    expect(new LocalCopies(storage, other).read('q1')).toEqual({ questionId: 'q1', revision: 9, text: 'unsent', base: 0 });
  });
});

describe('the save queue over marked copies', () => {
  it('an acknowledgement of everything typed at 50,000 characters, then the next key, write a few characters each', () => {
    const storage = new MeteredStorage();
    const { queue, text: acknowledged } = queueAwaitingRevision3(storage, scope, long);
    storage.read = [];
    storage.written = [];
    queue.acknowledge({ questionId: 'q1', revision: 3, savedAt: 300 });
    const text = `${acknowledged} c`;
    queue.edit('q1', text);
    expect(storage.read).not.toContain(wholeKey);
    expect(Math.max(...storage.written.map((w) => w.length))).toBeLessThan(400);
    // Reloaded here, the page finds the edit typed after the acknowledgement, and only it.
    expect(new LocalCopies(storage, scope).all()).toEqual([{ questionId: 'q1', revision: 4, text, base: 3 }]);
  });

  it('whatever the edits, acknowledgements and reloads, the copy read back is the latest unacknowledged edit, or none', () => {
    type Step = { kind: 'edit'; text: string } | { kind: 'ack'; back: number } | { kind: 'reload' };
    const step = fc.oneof(
      fc.record({ kind: fc.constant('edit' as const), text: fc.string({ maxLength: 8 }) }),
      fc.record({ kind: fc.constant('ack' as const), back: fc.nat(2) }),
      fc.record({ kind: fc.constant('reload' as const) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps: Step[]) => {
        const storage = new MeteredStorage();
        let local = new LocalCopies(storage, scope);
        let text = 'start';
        let revision = 0;
        let acked = 0;
        for (const s of steps) {
          if (s.kind === 'edit') {
            text = s.text.length % 2 ? text + s.text : s.text + text.slice(1);
            local.write({ questionId: 'q1', revision: ++revision, text, base: acked });
          } else if (s.kind === 'ack') {
            acked = Math.max(acked, revision - s.back);
            local.settleUpTo('q1', acked);
          } else local = new LocalCopies(storage, scope);
          const read = local.read('q1');
          if (revision > acked) expect(read).toMatchObject({ revision, text });
          else expect(read).toBeNull();
        }
      }),
    );
  });
});
