import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, openSession, type TestApp } from '../../helpers/build-app.js';

// The revision rule as the group-committed store applies it (the hot path of every save):
// a newer revision is written in one statement; anything else is judged against what is stored.

let t: TestApp;
afterEach(async () => t?.close());

async function setUp() {
  t = await buildTestApp();
  const { session } = await openSession(t.app, 1);
  const candidateId = session.candidates[0]!.id;
  const save = (revision: number, text: string, late = false) => t.app.answers.save({ candidateId, questionId: 'q1', revision, text, receivedAt: Date.now(), late });
  const stored = () => t.app.db.$client.prepare('SELECT revision, text, word_count AS words FROM answers WHERE candidate_id = ? AND question_id = ?').get(candidateId, 'q1') as { revision: number; text: string; words: number } | undefined;
  const kept = () => t.app.db.$client.prepare('SELECT revision, text FROM late_saves WHERE candidate_id = ?').all(candidateId);
  return { candidateId, save, stored, kept };
}

describe('AnswerStore', () => {
  it('writes a first and a newer revision, with their word counts', async () => {
    const { save, stored } = await setUp();
    expect(await save(1, 'one two')).toMatchObject({ kind: 'stored', verdict: 'apply', revision: 1, words: 2 });
    expect(await save(2, 'one two three')).toMatchObject({ kind: 'stored', verdict: 'apply', revision: 2, words: 3 });
    expect(stored()).toEqual({ revision: 2, text: 'one two three', words: 3 });
  });

  it('acknowledges a resent revision without writing, and never lets an older one overwrite', async () => {
    const { save, stored } = await setUp();
    await save(5, 'five');
    expect(await save(5, 'five')).toMatchObject({ kind: 'stored', verdict: 'duplicate', revision: 5 });
    expect(await save(3, 'three')).toMatchObject({ kind: 'stored', verdict: 'stale', revision: 5 });
    expect(stored()).toMatchObject({ revision: 5, text: 'five' });
  });

  it('keeps a different text for the same revision aside and leaves the first', async () => {
    const { save, stored, kept } = await setUp();
    await save(4, 'first kiosk');
    expect(await save(4, 'second kiosk')).toEqual({ kind: 'conflict', storedRevision: 4 });
    expect(stored()).toMatchObject({ revision: 4, text: 'first kiosk' });
    expect(kept()).toEqual([{ revision: 4, text: 'second kiosk' }]);
  });

  it('keeps a late save apart and flagged, without touching the answer', async () => {
    const { save, stored, kept } = await setUp();
    await save(1, 'on time');
    expect(await save(2, 'too late', true)).toEqual({ kind: 'kept-late' });
    expect(stored()).toMatchObject({ revision: 1, text: 'on time' });
    expect(kept()).toEqual([{ revision: 2, text: 'too late' }]);
  });

  it('commits the saves of one turn together and judges them in arrival order', async () => {
    const { save, stored } = await setUp();
    const outcomes = await Promise.all([save(1, 'a'), save(3, 'a b c'), save(2, 'a b'), save(3, 'a b c')]);
    expect(outcomes.map((o) => (o.kind === 'stored' ? o.verdict : o.kind))).toEqual(['apply', 'apply', 'stale', 'duplicate']);
    expect(stored()).toMatchObject({ revision: 3, text: 'a b c', words: 3 });
  });

  it('keeps a save aside when the submission commits before it, so the receipt stays what was submitted', async () => {
    const { candidateId, save, stored, kept } = await setUp();
    await save(1, 'before');
    // Checked and queued while the candidate was still writing; the submission commits first.
    const pending = save(2, 'after the submission');
    const { receipt } = t.app.exam.submit(candidateId, 'candidate');
    expect(await pending).toEqual({ kind: 'kept-late', submitted: true });
    expect(stored()).toMatchObject({ revision: 1, text: 'before' });
    expect(receipt.answers).toEqual([{ questionId: 'q1', revision: 1, words: 1 }]);
    expect(kept()).toEqual([{ revision: 2, text: 'after the submission' }]);
  });

  it('writes from a worker thread: the event loop goes on while a batch commits', async () => {
    const { save, stored } = await setUp();
    const text = 'word '.repeat(800);
    const outcomes = Promise.all(Array.from({ length: 300 }, (_, i) => save(i + 1, `${text}${i}`)));
    // Timers keep firing while 300 saves of 4 KB are written: the loop was never held for the commit.
    let ticks = 0;
    const ticking = setInterval(() => ticks++, 0);
    const done = await outcomes;
    clearInterval(ticking);
    expect(done.every((o) => o.kind === 'stored')).toBe(true);
    expect(stored()).toMatchObject({ revision: 300, words: 801 });
    expect(ticks).toBeGreaterThanOrEqual(2);
  });

  it('refuses saves once closed, after writing every save it had received', async () => {
    const { save, stored } = await setUp();
    const last = save(7, 'received before the close');
    await t.app.answers.close();
    expect(await last).toMatchObject({ kind: 'stored', revision: 7 });
    expect(stored()).toMatchObject({ revision: 7 });
    await expect(save(8, 'after')).rejects.toThrow(/stopping/);
  });
});
