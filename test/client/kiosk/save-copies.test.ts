// What the workstation keeps of a candidate's answers, read back exactly (issue 17): the kept
// second copy, the copies put aside for the proctor, a corrupt copy, and the merge of local copies
// with the server's answers. Each sentence is a rule the save queue relies on after a reload.
import { describe, expect, it } from 'vitest';
import { mergeAnswers } from '../../../client/kiosk/answer-merge.js';
import { LocalCopies, asideKeyPrefix, keptKeyPrefix, localKeyPrefix } from '../../../client/kiosk/local-copies.js';
import { textDigest } from '../../../client/kiosk/sent-revisions.js';
import { MemoryStorage } from '../memory-storage.js';

const scope = { sessionCode: 'abcdef', candidateCode: 'ghjkmnpq' };
const sameInCapitals = { sessionCode: 'ABCDEF', candidateCode: 'GHJKMNPQ' };

describe('the kept copy of acknowledged answers', () => {
  it('is keyed by session and candidate in capitals, so the same candidate typed in any case finds it', () => {
    expect(keptKeyPrefix(scope)).toBe('lectern.kept.v1.ABCDEF.GHJKMNPQ.');
    const storage = new MemoryStorage();
    new LocalCopies(storage, scope).keep({ questionId: 'q1', revision: 2, text: 'kept' });
    expect(new LocalCopies(storage, sameInCapitals).kept()).toEqual([{ questionId: 'q1', revision: 2, text: 'kept' }]);
  });

  it('reads back only well-formed kept answers stored under their own question', () => {
    const storage = new MemoryStorage();
    const prefix = keptKeyPrefix(scope);
    const put = (q: string, value: unknown) => storage.setItem(prefix + q, typeof value === 'string' ? value : JSON.stringify(value));
    put('ok', { questionId: 'ok', revision: 1, text: 'a' });
    put('nullvalue', null);
    put('corrupt', '{"questionId": "corrupt", ');
    put('moved', { questionId: 'other', revision: 1, text: 'b' });
    put('notext', { questionId: 'notext', revision: 1, text: 7 });
    put('norevision', { questionId: 'norevision', text: 'c' });
    put('fraction', { questionId: 'fraction', revision: 1.5, text: 'd' });
    put('zero', { questionId: 'zero', revision: 0, text: 'e' });
    put('negative', { questionId: 'negative', revision: -2, text: 'f' });
    expect(new LocalCopies(storage, scope).kept()).toEqual([{ questionId: 'ok', revision: 1, text: 'a' }]);
  });

  it('keeps the previous kept answer when the storage is full', () => {
    const storage = new MemoryStorage();
    const local = new LocalCopies(storage, scope);
    local.keep({ questionId: 'q1', revision: 1, text: 'first' });
    storage.failWrites = true;
    expect(() => local.keep({ questionId: 'q1', revision: 2, text: 'second' })).not.toThrow();
    expect(local.kept()).toEqual([{ questionId: 'q1', revision: 1, text: 'first' }]);
  });
});

describe('the copies put aside for the proctor', () => {
  it('lists a question’s copies put aside, oldest first, whatever order they were put aside in', () => {
    const storage = new MemoryStorage();
    const local = new LocalCopies(storage, scope);
    for (const revision of [7, 3, 5, 11]) local.putAside({ questionId: 'q1', revision, text: `r${revision}`, base: 1 });
    expect(local.asideOf('q1').map((edit) => edit.revision)).toEqual([3, 5, 7, 11]);
  });

  it('lists nothing for a question whose copy is only waiting to be sent, nor another question’s', () => {
    const storage = new MemoryStorage();
    const local = new LocalCopies(storage, scope);
    local.write({ questionId: 'q1', revision: 2, text: 'waiting', base: 1 });
    local.putAside({ questionId: 'q10', revision: 4, text: 'other question', base: 1 });
    expect(local.asideOf('q1')).toEqual([]);
    expect(local.asideOf('q10')).toEqual([{ questionId: 'q10', revision: 4, text: 'other question', base: 1 }]);
  });

  it('leaves out a corrupt copy put aside and lists the others', () => {
    const storage = new MemoryStorage();
    const local = new LocalCopies(storage, scope);
    local.putAside({ questionId: 'q1', revision: 2, text: 'readable', base: 1 });
    storage.setItem(`${asideKeyPrefix(scope)}q1.3`, 'not json');
    expect(local.asideOf('q1')).toEqual([{ questionId: 'q1', revision: 2, text: 'readable', base: 1 }]);
  });
});

describe('a local copy that cannot be read', () => {
  it('is no copy at all: null, not a half-read value', () => {
    const storage = new MemoryStorage();
    storage.setItem(`${localKeyPrefix(scope)}q1`, '{"questionId": "q1", "revision": ');
    const local = new LocalCopies(storage, scope);
    expect(local.read('q1')).toBeNull();
    expect(local.all()).toEqual([]);
  });
});

describe('merging local copies with the server’s answers', () => {
  it('keeps the unacknowledged sends of a copy of a question the server has never seen', () => {
    const sent = [{ revision: 2, digest: textDigest('draft') }];
    const { answers } = mergeAnswers([], [{ questionId: 'q1', revision: 2, text: 'draft', base: 0, sent }]);
    expect(answers.get('q1')).toStrictEqual({ questionId: 'q1', text: 'draft', revision: 2, ackedRevision: 0, ackedAt: null, sent });
  });

  it('takes the sends of a winning copy, and adds none when the copy has none', () => {
    const server = [{ questionId: 'q1', text: 'a', revision: 1, savedAt: 5 }];
    const sent = [{ revision: 2, digest: textDigest('ab') }];
    expect(mergeAnswers(server, [{ questionId: 'q1', revision: 2, text: 'ab', base: 1, sent }]).answers.get('q1')).toStrictEqual({
      questionId: 'q1',
      text: 'ab',
      revision: 2,
      ackedRevision: 1,
      ackedAt: 5,
      sent,
    });
    expect(mergeAnswers(server, [{ questionId: 'q1', revision: 2, text: 'ab', base: 1 }]).answers.get('q1')).toStrictEqual({
      questionId: 'q1',
      text: 'ab',
      revision: 2,
      ackedRevision: 1,
      ackedAt: 5,
    });
  });

  // The storage's copy and the memory's copy of one question both come to the merge: the first
  // one taken changes the merged answer, but whether the server's revision is this workstation's
  // own save is decided against what the server holds.
  it('recognises its own save on the server against the server’s text, even after another copy of the question was taken', () => {
    const server = [{ questionId: 'q1', text: 'server', revision: 3, savedAt: 5 }];
    const continuation = { questionId: 'q1', revision: 4, text: 'continued', base: 3 };
    const ownSaveAcknowledgedLate = { questionId: 'q1', revision: 5, text: 'typed since', base: 1, sent: [{ revision: 3, digest: textDigest('server') }] };
    const { answers, aside } = mergeAnswers(server, [continuation, ownSaveAcknowledgedLate]);
    expect(aside).toEqual([]);
    expect(answers.get('q1')).toMatchObject({ text: 'typed since', revision: 5, ackedRevision: 3 });
  });
});
