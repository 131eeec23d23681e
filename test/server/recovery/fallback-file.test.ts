// The fallback file (issue 10, item 4) on a real SQLite file: the key the kiosk receives at login
// seals a file that the server opens (WebCrypto in Node, as in the browser), the revision rule on
// import, and each refusal with its own reason, importing nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttemptView } from '../../../server/contract/attempt.js';
import type { FallbackContent, FallbackImportResult } from '../../../server/contract/fallback-file.js';
import { fallbackOutcomeText } from '../../../server/contract/fallback-text.js';
import { translate } from '../../../server/contract/i18n/catalogue.js';
import { proctorCodeDigest, sealFallback } from '../../../server/contract/rules/fallback-seal.js';
import { buildTestApp, loginCandidate, openSession, startSession, type Login, type TestApp } from '../../helpers/build-app.js';

let t: TestApp;
let session: Awaited<ReturnType<typeof openSession>>['session'];
let adminLogin: Login;
const attempts: AttemptView[] = [];

async function attemptOf(login: Login): Promise<AttemptView> {
  const response = await t.app.inject({ method: 'GET', url: '/api/attempt', headers: { cookie: login.cookie } });
  expect(response.statusCode).toBe(200);
  return response.json<AttemptView>();
}

beforeAll(async () => {
  t = await buildTestApp();
  ({ session, adminLogin } = await openSession(t.app, 3));
  await startSession(t.app, adminLogin, session.id);
  for (const candidate of session.candidates.slice(0, 2)) attempts.push(await attemptOf(await loginCandidate(t.app, session.code, candidate.code)));
});
afterAll(async () => {
  await t?.close();
});

const answersOf = (candidateId: number) => t.app.db.$client.prepare('SELECT question_id AS q, text, revision FROM answers WHERE candidate_id = ? ORDER BY question_id').all(candidateId);

async function fileFor(index: number, content: FallbackContent, overrides: { attemptId?: number; sessionId?: string; candidate?: string; keyOf?: number } = {}) {
  const attempt = attempts[index]!;
  const keyOwner = attempts[overrides.keyOf ?? index]!;
  return JSON.stringify(
    await sealFallback({
      sessionId: overrides.sessionId ?? attempt.session.code,
      attemptId: overrides.attemptId ?? attempt.fallback!.attemptId,
      candidate: overrides.candidate ?? attempt.candidate.code,
      keyBase64: keyOwner.fallback!.key,
      content,
      createdAt: Date.now(),
    }),
  );
}

async function importFiles(files: { name: string; content: string }[], sessionCode?: string): Promise<FallbackImportResult> {
  const response = await t.app.inject({ method: 'POST', url: '/api/admin/fallback-import', headers: adminLogin.headers, payload: { files, ...(sessionCode ? { sessionCode } : {}) } });
  expect(response.statusCode).toBe(200);
  return response.json<FallbackImportResult>();
}

describe('the key issued at login', () => {
  it('comes with the attempt: 32 random bytes per attempt, the offer delay and the proctor code as a salted digest', async () => {
    const [a, b] = attempts;
    expect(Buffer.from(a!.fallback!.key, 'base64')).toHaveLength(32);
    expect(a!.fallback!.key).not.toBe(b!.fallback!.key);
    expect(a!.fallback!.offerAfterMs).toBe(120_000);
    const code = await t.app.inject({ method: 'GET', url: `/api/sessions/${session.id}/fallback-code`, headers: adminLogin.headers });
    expect(code.statusCode).toBe(200);
    const { code: proctorCode } = code.json<{ code: string }>();
    expect(await proctorCodeDigest(a!.fallback!.proctorCodeSalt, proctorCode)).toBe(a!.fallback!.proctorCodeDigest);
    expect(await proctorCodeDigest(a!.fallback!.proctorCodeSalt, 'AAAAAA')).not.toBe(a!.fallback!.proctorCodeDigest);
  });

  it('is kept through a second login, so a file saved before it still opens', async () => {
    const again = await attemptOf(await loginCandidate(t.app, session.code, session.candidates[0]!.code));
    expect(again.fallback!.key).toBe(attempts[0]!.fallback!.key);
  });
});

describe('importing a file', () => {
  it('round trip: newer revisions are written and flagged, older or equal ones are already held', async () => {
    const candidateId = attempts[0]!.fallback!.attemptId;
    t.app.db.$client.prepare("INSERT INTO answers (candidate_id, question_id, text, revision, word_count, saved_at) VALUES (?, 'q2', 'server text', 5, 2, 1)").run(candidateId);
    const content = { answers: [{ questionId: 'q1', text: 'Imported from the fallback file.', revision: 3 }, { questionId: 'q2', text: 'older kiosk copy', revision: 5 }] };
    const result = await importFiles([{ name: 'a.lectern', content: await fileFor(0, content) }]);
    expect(result.files).toEqual([
      { file: 'a.lectern', outcome: 'imported', refusal: null, otherCandidate: null, sessionCode: attempts[0]!.session.code, candidateCode: attempts[0]!.candidate.code, imported: ['q1'], alreadyHeld: ['q2'] },
    ]);
    expect(answersOf(candidateId)).toEqual([
      { q: 'q1', text: 'Imported from the fallback file.', revision: 3 },
      { q: 'q2', text: 'server text', revision: 5 },
    ]);
    const events = t.app.db.$client.prepare("SELECT detail FROM supervision_events WHERE candidate_id = ? AND kind = 'answer-imported'").all(candidateId) as { detail: string }[];
    expect(events.map((e) => JSON.parse(e.detail))).toEqual([{ question: 'q1', revision: 3, length: 32, file: 'a.lectern' }]);
    const audit = t.app.db.$client.prepare("SELECT detail FROM audit_log WHERE action = 'fallback.imported'").all() as { detail: string }[];
    expect(JSON.parse(audit.at(-1)!.detail)).toMatchObject({ file: 'a.lectern', imported: ['q1'], alreadyHeld: ['q2'] });
    const report = await t.app.inject({ method: 'GET', url: `/proctor/sessions/${session.id}/report`, headers: adminLogin.headers });
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain('Réponse importée d’un fichier de secours 1');
    // The same file again: everything is already held, nothing changes.
    const again = await importFiles([{ name: 'a.lectern', content: await fileFor(0, content) }]);
    expect(again.files[0]).toMatchObject({ outcome: 'imported', imported: [], alreadyHeld: ['q1', 'q2'] });
  });

  it('refuses each kind of bad file with its own reason and message naming the file, and imports nothing from it', async () => {
    const candidateId = attempts[1]!.fallback!.attemptId;
    const content = { answers: [{ questionId: 'q1', text: 'should never land', revision: 9 }] };
    const good = await fileFor(1, content);
    const envelope = JSON.parse(good) as Record<string, string | number>;
    const sealed = Buffer.from(String(envelope['ciphertext']), 'base64');
    sealed[3] = sealed[3]! ^ 1;
    const files = [
      { name: 'forged.lectern', content: 'PK\u0003\u0004 not json at all' },
      { name: 'truncated.lectern', content: good.slice(0, good.length - 40) },
      { name: 'altered.lectern', content: JSON.stringify({ ...envelope, ciphertext: sealed.toString('base64') }) },
      { name: 'other-attempt.lectern', content: await fileFor(1, content, { keyOf: 0 }) },
      { name: 'other-session.lectern', content: await fileFor(1, content, { sessionId: 'ZZZZZZ' }) },
      { name: 'unknown-attempt.lectern', content: await fileFor(1, content, { attemptId: 99_999 }) },
    ];
    const result = await importFiles(files);
    expect(result.files.map((f) => [f.file, f.outcome, f.refusal])).toEqual([
      ['forged.lectern', 'refused', 'forged'],
      ['truncated.lectern', 'refused', 'truncated'],
      ['altered.lectern', 'refused', 'altered'],
      ['other-attempt.lectern', 'refused', 'other-attempt'],
      ['other-session.lectern', 'refused', 'other-session'],
      ['unknown-attempt.lectern', 'refused', 'unknown-attempt'],
    ]);
    expect(result.files[3]!.otherCandidate).toBe(attempts[0]!.candidate.code);
    const texts = result.files.map((f) => fallbackOutcomeText((key, params) => translate('fr', key, params), f));
    expect(new Set(texts).size).toBe(6);
    for (const [i, text] of texts.entries()) expect(text).toContain(files[i]!.name);
    expect(texts[2]).toMatch(/modifié/);
    expect(answersOf(candidateId)).toEqual([]);
    const refusals = t.app.db.$client.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'fallback.refused'").get() as { n: number };
    expect(refusals.n).toBe(6);
  });

  it('refuses a file of another session when the import is for one session', async () => {
    const other = await openSession(t.app, 1);
    await startSession(t.app, other.adminLogin, other.session.id);
    const result = await importFiles([{ name: 'b.lectern', content: await fileFor(1, { answers: [{ questionId: 'q1', text: 'x', revision: 1 }] }) }], other.session.code);
    expect(result.files[0]).toMatchObject({ outcome: 'refused', refusal: 'other-session', sessionCode: attempts[1]!.session.code });
    expect(answersOf(attempts[1]!.fallback!.attemptId)).toEqual([]);
  });
});
