import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, loginCandidate, startSession, type TestApp } from '../../helpers/build-app.js';
import { kioskSocket, post, supervisedRoom } from '../proctor/helpers.js';
import { PaperCache, paperView } from '../../../server/exam/attempt-paper.js';
import type { AttemptView } from '../../../server/contract/attempt.js';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => {
  await t.close();
});

const attempt = (cookie: string) => t.app.inject({ url: '/api/attempt', headers: { cookie } });

describe('the paper in GET /api/attempt', () => {
  it('is the pack’s, in every state, and the rest is the candidate’s own', async () => {
    const room = await supervisedRoom(t.app, 2);
    const [a, b] = room.session.candidates;
    const loginA = await loginCandidate(t.app, room.session.code, a!.code, a!.workstation);
    const loginB = await loginCandidate(t.app, room.session.code, b!.code, b!.workstation);
    const pack = t.app.packs.get('devops-title-qp')!;
    const questions = pack.sections.flatMap((s) => s.questions);

    const waiting = await attempt(loginA.cookie);
    expect(waiting.headers['content-type']).toBe('application/json; charset=utf-8');
    const before = waiting.json<AttemptView>();
    expect(before.pack).toEqual({
      title: pack.title,
      durationMinutes: pack.durationMinutes,
      questionCount: questions.length,
      sections: pack.sections.map((s) => ({ id: s.id, title: s.title, instructions: s.instructions ?? null, answerLanguage: s.answerLanguage, hasDocument: Boolean(s.documentHtml), questions: [] })),
    });

    await startSession(t.app, room.adminLogin, room.session.id);
    await post(t.app, room.proctorLogin, `/api/sessions/${room.session.id}/messages`, { text: 'Only for B.', candidateId: b!.id });
    const kiosk = await kioskSocket(t.app, loginA.cookie);
    kiosk.send({ type: 'save', questionId: questions[0]!.id, revision: 1, text: 'A’s "answer" </script> é' });
    await kiosk.next('saved');

    const [viewA, viewB] = [(await attempt(loginA.cookie)).json<AttemptView>(), (await attempt(loginB.cookie)).json<AttemptView>()];
    for (const view of [viewA, viewB]) {
      expect(view.pack.sections.flatMap((s) => s.questions)).toEqual(questions.map((q) => ({ id: q.id, promptHtml: q.promptHtml, targetWords: q.targetWords })));
      expect(view.session).toEqual({ code: room.session.code.replace('-', ''), title: before.session.title, state: 'running' });
    }
    expect(viewA.candidate.code).toBe(a!.code.replace('-', ''));
    expect(viewB.candidate.code).toBe(b!.code.replace('-', ''));
    expect(viewA.answers).toEqual([{ questionId: questions[0]!.id, text: 'A’s "answer" </script> é', revision: 1, savedAt: expect.any(Number) }]);
    expect(viewB.answers).toEqual([]);
    expect(viewA.messages).toEqual([]);
    expect(viewB.messages.map((m) => m.text)).toEqual(['Only for B.']);
    expect(viewA.clock.sessionState).toBe('running');
  });

  it('is built once per pack and state', async () => {
    const cache = new PaperCache();
    const pack = t.app.packs.get('devops-title-qp')!;
    const other = t.app.packs.get('devops-ccp-supervision')!;
    expect(cache.paper(pack, true)).toBe(cache.paper(pack, true));
    expect(cache.paper(pack, true)).toEqual(paperView(pack, true));
    expect(cache.paper(pack, false)).toEqual(paperView(pack, false));
    expect(cache.paper(other, true)).toEqual(paperView(other, true));
    // Another digest is other content, even under the same id.
    const changed = { ...pack, digest: 'f'.repeat(64), durationMinutes: pack.durationMinutes + 5 };
    expect(cache.paper(changed, true).durationMinutes).toBe(pack.durationMinutes + 5);
  });
});
