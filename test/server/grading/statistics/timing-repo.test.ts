// The save history read back for the timing figures, on the real SQLite file: saves that share a
// millisecond keep the order they were stored in (a clean CI run once saw two saves of candidate 1
// land in one millisecond, and the revision put the other question's save first).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, openSession, type TestApp } from '../../../helpers/build-app.js';
import { TimingRepo } from '../../../../server/grading/statistics/timing.repo.js';
import { attributeTime } from '../../../../server/grading/statistics/timing-figures.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('the save history for the timing figures', () => {
  it('keeps saves of one millisecond in the order they were stored, whatever their revisions', async () => {
    const { session } = await openSession(t.app, 2);
    const [c1, c2] = session.candidates;
    const insert = t.app.db.$client.prepare('INSERT INTO answer_saves (candidate_id, question_id, revision, word_count, saved_at) VALUES (?, ?, ?, ?, ?)');
    // Candidate 1: qa's third save, then qb's first, in the same millisecond; then qb at +40 ms.
    // Stored in that order, so qa's save comes first although its revision is higher.
    insert.run(c1!.id, 'qa', 3, 12, 1_000);
    insert.run(c1!.id, 'qb', 1, 5, 1_000);
    insert.run(c1!.id, 'qb', 2, 9, 1_040);
    // Candidate 2 saved earlier in time but is read after candidate 1 (by candidate first).
    insert.run(c2!.id, 'qa', 1, 1, 500);
    const saves = new TimingRepo(t.app.db).saves(session.id);
    expect(saves.map((s) => [s.candidateId, s.questionId, s.savedAt])).toEqual([
      [c1!.id, 'qa', 1_000],
      [c1!.id, 'qb', 1_000],
      [c1!.id, 'qb', 1_040],
      [c2!.id, 'qa', 500],
    ]);
    // The tie gives qb the zero gap and then its 40 ms; ordered by revision, qa would get 40 ms.
    expect(Object.fromEntries(attributeTime(saves.filter((s) => s.candidateId === c1!.id)))).toEqual({ qb: 40 });
  });
});
