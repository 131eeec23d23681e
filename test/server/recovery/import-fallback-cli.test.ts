// `npm run import-fallback -- <files>` on a real SQLite file, as a coordinator runs it on a
// restored server's data folder: one good file imported, a tampered one refused with its sentence
// naming the file, exit code 1, and the refused file's answer left untouched.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { AttemptView } from '../../../server/contract/attempt.js';
import { sealFallback } from '../../../server/contract/rules/fallback-seal.js';
import { projectRoot } from '../../../server/paths.js';
import { buildTestApp, loginCandidate, openSession, startSession } from '../../helpers/build-app.js';

const run = promisify(execFile);

describe('npm run import-fallback', { timeout: 120_000 }, () => {
  it('imports a good file and refuses a tampered one, naming it, on the data folder', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lectern-import-cli-'));
    const filesDir = mkdtempSync(join(tmpdir(), 'lectern-import-files-'));
    const t = await buildTestApp({ dataDir });
    const attempts: AttemptView[] = [];
    try {
      const { session, adminLogin } = await openSession(t.app, 2);
      await startSession(t.app, adminLogin, session.id);
      for (const c of session.candidates) {
        const login = await loginCandidate(t.app, session.code, c.code);
        attempts.push((await t.app.inject({ method: 'GET', url: '/api/attempt', headers: { cookie: login.cookie } })).json<AttemptView>());
      }
    } finally {
      await t.app.close();
    }
    try {
      const seal = (a: AttemptView, text: string) =>
        sealFallback({ sessionId: a.session.code, attemptId: a.fallback!.attemptId, candidate: a.candidate.code, keyBase64: a.fallback!.key, content: { answers: [{ questionId: 'q1', text, revision: 4 }] }, createdAt: 1 });
      const good = join(filesDir, 'good.lectern');
      writeFileSync(good, JSON.stringify(await seal(attempts[0]!, 'From the USB key.')));
      const tampered = await seal(attempts[1]!, 'Never imported.');
      const bad = join(filesDir, 'tampered.lectern');
      writeFileSync(bad, JSON.stringify({ ...tampered, candidate: attempts[0]!.candidate.code }));

      const failed = await run(process.execPath, ['--import', 'tsx', join(projectRoot, 'server/cli/import-fallback.ts'), good, bad, '--data', dataDir], { cwd: projectRoot, env: { ...process.env, LECTERN_LANG: 'en' } }).then(
        () => null,
        (err: { code: number; stdout: string; stderr: string }) => err,
      );
      expect(failed?.code).toBe(1);
      expect(failed?.stdout.trim()).toBe(`File good.lectern imported (candidate ${attempts[0]!.candidate.code}): answers imported: q1; already held by the server: 0.`);
      expect(failed?.stderr.trim()).toBe('The file tampered.lectern was changed after the workstation saved it (its authentication fails): nothing was imported.');

      const db = new Database(join(dataDir, 'lectern.sqlite'), { readonly: true });
      try {
        const rows = db.prepare('SELECT candidate_id AS c, text, revision FROM answers ORDER BY candidate_id').all();
        expect(rows).toEqual([{ c: attempts[0]!.fallback!.attemptId, text: 'From the USB key.', revision: 4 }]);
      } finally {
        db.close();
      }

    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(filesDir, { recursive: true, force: true });
    }
  });
});
