// Timing per question from a scripted kiosk: candidates type through the real WebSocket save
// protocol (each save waits for its acknowledgement, which carries the server's time of the save),
// then the figures of /api/grading/statistics/timing are checked against the rules worked by hand
// on those acknowledged times (the rules themselves: timing-figures.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createStaff, loginCandidate, loginStaff, openSession, startSession, type Login, type TestApp } from '../../../helpers/build-app.js';
import { SocketInbox } from '../../../helpers/socket.js';
import { socketPath } from '../../../../server/contract/protocol-version.js';
import type { TimingView } from '../../../../server/contract/timing.js';

let t: TestApp;
let view: TimingView;
let opened: Awaited<ReturnType<typeof openSession>>;
const acks: Record<string, number[]> = { c1: [], c2: [] };
let first = '';
let last = '';
let target = { first: 0, last: 0 };

const words = (n: number): string => Array.from({ length: n }, (_, i) => `word${i + 1}`).join(' ');

async function kiosk(login: Login) {
  let inbox: SocketInbox | undefined;
  await t.app.injectWS(socketPath(), { headers: { cookie: login.cookie } }, { onInit: (socket) => void (inbox = new SocketInbox(socket)) });
  await inbox!.next('clock');
  const revisions = new Map<string, number>();
  return {
    /** Saves `n` words in the question and returns the server's time of the save. */
    async type(questionId: string, n: number): Promise<number> {
      const revision = (revisions.get(questionId) ?? 0) + 1;
      revisions.set(questionId, revision);
      inbox!.send({ type: 'save', questionId, revision, text: words(n) });
      const saved = await inbox!.next('saved');
      expect(saved).toMatchObject({ questionId, revision });
      return saved.savedAt;
    },
    close: () => inbox!.socket.terminate(),
  };
}

beforeAll(async () => {
  t = await buildTestApp();
  opened = await openSession(t.app, 4);
  const questions = t.app.packs.questions('devops-title-qp').map((q) => q.question);
  first = questions[0]!.id;
  last = questions.at(-1)!.id;
  target = { first: questions[0]!.targetWords, last: questions.at(-1)!.targetWords };
  const [c1, c2, c3] = opened.session.candidates;
  const logins = [await loginCandidate(t.app, opened.session.code, c1!.code), await loginCandidate(t.app, opened.session.code, c2!.code), await loginCandidate(t.app, opened.session.code, c3!.code)];
  await startSession(t.app, opened.adminLogin, opened.session.id);
  // Candidate 1: the first question, then the last, back to the first, then the last twice (the
  // third save adds no word). Candidate 2: the first question only, and deletes words at the end.
  // Candidate 3 logs in and writes nothing; candidate 4 never comes (absent).
  const k1 = await kiosk(logins[0]!);
  for (const [q, n] of [[first, 3], [first, 8], [last, 5], [first, 12], [last, 25], [last, 25]] as const) acks['c1']!.push(await k1.type(q, n));
  const k2 = await kiosk(logins[1]!);
  for (const n of [4, 10, 6]) acks['c2']!.push(await k2.type(first, n));
  k1.close();
  k2.close();
  const ended = await t.app.inject({ method: 'POST', url: `/api/sessions/${opened.session.id}/end`, headers: opened.adminLogin.headers, payload: {} });
  expect(ended.statusCode).toBe(200);
  const response = await t.app.inject({ url: '/api/grading/statistics/timing', headers: opened.adminLogin.headers });
  expect(response.statusCode).toBe(200);
  view = response.json<TimingView>();
});
afterAll(async () => {
  await t.close();
});

const mid = (a: number, b: number): number => (a + b) / 2;

describe('timing per question from the saves', () => {
  it('is for admins only', async () => {
    expect((await t.app.inject({ url: '/api/grading/statistics/timing' })).statusCode).toBe(401);
    const corrector = await createStaff(t.app, 'corrector');
    const login = await loginStaff(t.app, corrector.username, corrector.password);
    expect((await t.app.inject({ url: '/api/grading/statistics/timing', headers: login.headers })).statusCode).toBe(403);
  });

  it('gives the hand-worked figures of the scripted kiosks', () => {
    const start = t.app.exam.requireSession(opened.session.id).startedAt!;
    const [t1, t2, t3, t4, t5, t6] = acks['c1']!.map((x) => x - start) as [number, number, number, number, number, number];
    const [u1, u2, u3] = acks['c2']!.map((x) => x - start) as [number, number, number];
    expect(view.packs).toHaveLength(1);
    const pack = view.packs[0]!;
    expect(pack.sessions.map((s) => [s.sessionId, s.pilot])).toEqual([[opened.session.id, false]]);
    const f = pack.pooled;
    // Three candidates came (the fourth is absent).
    expect(f.candidates).toBe(3);
    const q1 = f.questions.find((q) => q.questionId === first)!;
    const qLast = f.questions.find((q) => q.questionId === last)!;
    // First question: final answers 12, 6 and nothing -> 2 of 3 wrote; first saves t1 and u1;
    // time spent: candidate 1 (t2 - t1) + (t4 - t3), candidate 2 (u2 - u1) + (u3 - u2);
    // words / target: 12/T, 6/T, 0 -> 6/T; last growth: candidate 1 at t4, candidate 2 at u2 (u3 deletes).
    expect(q1.reachedShare).toBeCloseTo(2 / 3, 12);
    expect(q1.medianFirstSaveMs).toBe(mid(t1, u1));
    expect(q1.medianTimeSpentMs).toBe(mid(t2 - t1 + (t4 - t3), u3 - u1));
    expect(q1.medianWordsToTarget).toBeCloseTo(6 / target.first, 12);
    expect(q1.reachedTargetShare).toBe(target.first <= 6 ? 2 / 3 : target.first <= 12 ? 1 / 3 : 0);
    expect(q1.medianLastGrowthMs).toBe(mid(t4, u2));
    // Last question: only candidate 1, first save t3, time (t3 - t2) + (t5 - t4) + (t6 - t5), growth t5.
    expect(qLast.reachedShare).toBeCloseTo(1 / 3, 12);
    expect(qLast.medianFirstSaveMs).toBe(t3);
    expect(qLast.medianTimeSpentMs).toBe(t3 - t2 + (t6 - t4));
    expect(qLast.medianWordsToTarget).toBe(0);
    expect(qLast.medianLastGrowthMs).toBe(t5);
    expect(f.reachedLastShare).toBeCloseTo(1 / 3, 12);
    expect(f.medianLastGrowthMs).toBe(mid(t5, u2));
    // A question nobody wrote in: reached by none, no time figures.
    const untouched = f.questions.find((q) => q.questionId !== first && q.questionId !== last)!;
    expect([untouched.reachedShare, untouched.medianFirstSaveMs, untouched.medianTimeSpentMs, untouched.medianLastGrowthMs]).toEqual([0, null, null, null]);
    // One session: its own figures are the pooled ones.
    expect(pack.sessions[0]!.figures).toEqual(f);
  });

  it('keeps the save history with no text, and the purge would find it by candidate', () => {
    const rows = t.app.db.$client.prepare('SELECT * FROM answer_saves ORDER BY saved_at').all() as Record<string, unknown>[];
    expect(rows).toHaveLength(9);
    expect(Object.keys(rows[0]!).sort()).toEqual(['candidate_id', 'question_id', 'revision', 'saved_at', 'word_count']);
  });
});
