import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { receiptDigest } from '../../../server/exam/receipt-digest.js';
import { buildTestApp, loginCandidate, openSession, startSession, type TestApp } from '../../helpers/build-app.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const EMPTY_STRING_SHA256 = sha256('');
const attempt = { sessionId: 4, candidateCode: 'ABCD-EFGH', submittedAt: 1_780_000_000_000 };

describe('the receipt digest', () => {
  it('keeps its meaning for a script with answers: each answer (question, revision, text)', () => {
    const answers = [
      { questionId: 'q1', revision: 3, text: 'Use a timer unit.' },
      { questionId: 'q2', revision: 1, text: '' },
    ];
    expect(receiptDigest(answers, attempt)).toBe(sha256('q1\u001f3\u001fUse a timer unit.\u001eq2\u001f1\u001f\u001e'));
    // Who handed it in does not change a written script's digest: it identifies the answers.
    expect(receiptDigest(answers, { ...attempt, candidateCode: 'ZZZZ-ZZZZ' })).toBe(receiptDigest(answers, attempt));
  });

  it('binds an empty script to its session, candidate and submission time', () => {
    const none = receiptDigest([], attempt);
    expect(none).not.toBe(EMPTY_STRING_SHA256);
    expect(receiptDigest([], { ...attempt, sessionId: 5 })).not.toBe(none);
    expect(receiptDigest([], { ...attempt, candidateCode: 'ABCD-EFGI' })).not.toBe(none);
    expect(receiptDigest([], { ...attempt, submittedAt: attempt.submittedAt + 1 })).not.toBe(none);
    expect(receiptDigest([], attempt)).toBe(none);
    // Blank answers (typed, then erased) are an empty script too, bound to the attempt.
    const blank = [{ questionId: 'q1', revision: 2, text: '  \n' }];
    expect(receiptDigest(blank, attempt)).not.toBe(receiptDigest(blank, { ...attempt, candidateCode: 'ABCD-EFGI' }));
  });
});

describe('two empty scripts handed in', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp();
  });
  afterEach(async () => {
    await t.close();
  });

  it('get two different receipts, neither the digest of nothing', async () => {
    const { session, adminLogin } = await openSession(t.app, 2);
    const logins = await Promise.all(session.candidates.map((c) => loginCandidate(t.app, session.code, c.code)));
    await startSession(t.app, adminLogin, session.id);
    const digests: string[] = [];
    for (const login of logins) {
      const response = await t.app.inject({ method: 'POST', url: '/api/attempt/submit', headers: login.headers, payload: {} });
      expect(response.statusCode).toBe(200);
      expect(response.json().answers).toEqual([]);
      digests.push(response.json().digest);
    }
    expect(digests[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(digests[0]).not.toBe(digests[1]);
    expect(digests).not.toContain(EMPTY_STRING_SHA256);
  });
});
