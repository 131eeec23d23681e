import { statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, openSession, startSession, type TestApp } from '../../helpers/build-app.js';

// Checkpoints belong to the checkpointer thread: no commit of the server's (the event loop's or
// the answer writer's) copies the log back into the database file, yet the log is copied.

let t: TestApp;
afterEach(async () => t?.close());

describe('the WAL checkpointer', () => {
  it('copies the log back into the database file while the server runs, without any commit doing it', async () => {
    t = await buildTestApp();
    expect(t.app.db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const { session, adminLogin } = await openSession(t.app, 1);
    await startSession(t.app, adminLogin, session.id);
    const candidateId = session.candidates[0]!.id;
    const file = t.app.db.$client.name;
    const before = statSync(file).size;
    // 400 answers of 4 KB: about 1.6 MB that lives in the log until a checkpoint copies it.
    await Promise.all(
      Array.from({ length: 400 }, (_, i) =>
        t.app.answers.save({ candidateId, questionId: `q-${i}`, revision: 1, text: `${'x'.repeat(4000)} ${i}`, receivedAt: Date.now(), late: false }),
      ),
    );
    // The database file only grows when a checkpoint copies pages into it: the checkpointer's
    // tick is 250 ms, so within a few seconds it has.
    let size = statSync(file).size;
    for (let i = 0; i < 40 && size < before + 1_500_000; i++) {
      await new Promise((r) => setTimeout(r, 100));
      size = statSync(file).size;
    }
    expect(size).toBeGreaterThan(before + 1_500_000);
  });
});
