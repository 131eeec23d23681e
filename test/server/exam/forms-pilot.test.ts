// Parallel forms and pilot sessions (issue 16, items 4 and 5) on a real app and SQLite file, with
// the bundled DevOps title pack (form A: systemd timers, form B: logrotate): a session on each
// form, the exposure log, a retired form refused, a pilot kept out of the jury export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginCandidate, type Login, type TestApp } from '../../helpers/build-app.js';
import { distribute, endedSession, fullMarks, gradeScript, makeStaff, PACK, sampleAnswers, type Staff } from '../grading/scenario.js';
import type { FormsView } from '../../../server/contract/forms.js';
import type { SessionDetail } from '../../../server/contract/sessions.js';

let t: TestApp;
let staff: Staff;

beforeAll(async () => {
  t = await buildTestApp();
  staff = await makeStaff(t.app);
});
afterAll(async () => {
  await t.close();
});

async function open(payload: Record<string, unknown>, login: Login = staff.admin) {
  return t.app.inject({ method: 'POST', url: '/api/sessions', headers: login.headers, payload: { packId: PACK, candidateCount: 1, ...payload } });
}
const post = (url: string, payload: Record<string, unknown> = {}) => t.app.inject({ method: 'POST', url, headers: staff.admin.headers, payload });
const formsView = async () => (await t.app.inject({ url: '/api/admin/forms', headers: staff.admin.headers })).json<FormsView>();
const sessionCount = (): number => t.app.exam.sessions().length;

/** The questions and the document title a candidate of the session sees once it has started. */
async function paperOf(session: SessionDetail) {
  const c = await loginCandidate(t.app, session.code, session.candidates[0]!.code);
  await t.app.inject({ method: 'POST', url: '/api/attempt/notice', headers: c.headers, payload: {} });
  const attempt = (await t.app.inject({ url: '/api/attempt', headers: { cookie: c.cookie } })).json<{ pack: { sections: { questions: { id: string }[] }[] } }>();
  const doc = (await t.app.inject({ url: '/api/attempt/sections/s1/document', headers: { cookie: c.cookie } })).json<{ html: string }>();
  return { questionIds: attempt.pack.sections[0]!.questions.map((q) => q.id), html: doc.html };
}

describe('parallel forms', () => {
  it('lists the pack once, with its two forms', () => {
    expect(t.app.packs.list().map((p) => p.id)).toEqual(['devops-ccp-supervision', 'devops-title-qp', 'tssr-qp']);
    const pack = t.app.packs.get(PACK)!;
    expect(pack.forms?.map((f) => [f.id, f.key])).toEqual([['a', 'devops-title-qp'], ['b', 'devops-title-qp~b']]);
    // Same specification: the sections, their rubrics and answer language, the duration and rubrics.
    const b = t.app.packs.get('devops-title-qp~b')!;
    expect(b.sections.map((s) => [s.id, s.answerLanguage, s.rubricIds])).toEqual(pack.sections.map((s) => [s.id, s.answerLanguage, s.rubricIds]));
    expect([b.durationMinutes, b.rubrics]).toEqual([pack.durationMinutes, pack.rubrics]);
    expect(b.digest).not.toBe(pack.digest);
  });

  it('runs a session on each form, each candidate seeing its own form’s questions and document', async () => {
    const onA = (await open({ formId: 'a', room: 'A101' })).json<SessionDetail>();
    const onB = (await open({ formId: 'b', room: 'B202' })).json<SessionDetail>();
    const byDefault = (await open({})).json<SessionDetail>();
    expect([onA.formId, onB.formId, byDefault.formId]).toEqual(['a', 'b', 'a']);
    for (const s of [onA, onB]) expect((await post(`/api/sessions/${s.id}/start`)).statusCode).toBe(200);
    const a = await paperOf(onA);
    const b = await paperOf(onB);
    expect(a.questionIds).toEqual(['q1', 'q2', 'q3', 'q4', 'q5', 'q6']);
    expect(a.html).toContain('systemd timers');
    expect(b.questionIds).toEqual(['b1', 'b2', 'b3', 'b4', 'b5', 'b6']);
    expect(b.html).toContain('logrotate');
    expect(b.html).not.toContain('OnCalendar');
    expect((await post(`/api/sessions/${onB.id}/end`)).statusCode).toBe(200);

    // The exposure log: which form ran where and when; the session not started is not in it.
    const view = await formsView();
    const rows = view.exposures.filter((e) => [onA.id, onB.id, byDefault.id].includes(e.sessionId));
    expect(rows.map((e) => [e.sessionId, e.packId, e.formId, e.room, e.pilot])).toEqual([
      [onA.id, PACK, 'a', 'A101', false],
      [onB.id, PACK, 'b', 'B202', false],
    ]);
    const sessionB = t.app.exam.requireSession(onB.id);
    expect(rows[1]).toMatchObject({ startedAt: sessionB.startedAt, endedAt: sessionB.endedAt, packDigest: t.app.packs.get('devops-title-qp~b')!.digest });
    expect(rows[0]!.endedAt).toBeNull();
    const forms = view.packs.find((p) => p.packId === PACK)!.forms;
    expect(forms.map((f) => [f.formId, f.exposures, f.retired])).toEqual([['a', 1, null], ['b', 1, null]]);
  });

  it('refuses a form the pack does not have, naming its forms', async () => {
    const before = sessionCount();
    const r = await open({ formId: 'z' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ code: 'unknown-form', formId: 'z', forms: 'a, b' });
    expect((await open({ packId: 'tssr-qp', formId: 'a' })).json().error.code).toBe('unknown-form');
    expect(sessionCount()).toBe(before);
  });

  it('retires a form (admin, audited, once) and refuses it for a new session, while the other form stays open', async () => {
    expect((await t.app.inject({ method: 'POST', url: `/api/admin/forms/${PACK}/b/retire`, headers: staff.proctor.headers, payload: { reason: 'x' } })).statusCode).toBe(403);
    expect((await post(`/api/admin/forms/${PACK}/b/retire`, { reason: '   ' })).json().error.code).toBe('retire-reason-required');
    expect((await post(`/api/admin/forms/${PACK}/b/retire`, { reason: 'Exposée dans 12 sessions' })).statusCode).toBe(200);
    const again = await post(`/api/admin/forms/${PACK}/b/retire`, { reason: 'encore' });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'form-already-retired']);
    const audit = t.app.db.$client.prepare("SELECT detail FROM audit_log WHERE action = 'form.retired'").all() as { detail: string }[];
    expect(audit.map((a) => JSON.parse(a.detail))).toEqual([{ packId: PACK, formId: 'b', reason: 'Exposée dans 12 sessions' }]);
    expect((await formsView()).packs.find((p) => p.packId === PACK)!.forms[1]!.retired).toMatchObject({ reason: 'Exposée dans 12 sessions' });

    const before = sessionCount();
    for (const login of [staff.admin, staff.proctor]) {
      const refused = await open({ formId: 'b' }, login);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error).toMatchObject({ code: 'form-retired', packId: PACK, formId: 'b', reason: 'Exposée dans 12 sessions' });
      expect(refused.json().error.message).toMatch(/retired on \d{4}-\d\d-\d\d .*choose another form/);
    }
    expect(sessionCount()).toBe(before);
    expect((await open({ formId: 'a' })).statusCode).toBe(200);
  });
});

describe('pilot sessions', () => {
  it('are graded as usual, listed as pilots, and never reach the jury export or report', async () => {
    const created = (await open({ pilot: true, candidates: [{ workstation: 'PC-1', fullName: 'Pilote Essai' }], candidateCount: undefined })).json<SessionDetail>();
    expect(created.pilot).toBe(true);
    const listed = (await t.app.inject({ url: '/api/sessions', headers: staff.admin.headers })).json<SessionDetail[]>();
    expect(listed.find((s) => s.id === created.id)!.pilot).toBe(true);
    expect(listed.filter((s) => s.id !== created.id).every((s) => s.pilot === false)).toBe(true);
    expect((await post(`/api/sessions/${created.id}/start`)).statusCode).toBe(200);
    const candidateId = created.candidates[0]!.id;
    await Promise.all(Object.entries(sampleAnswers[0]!).map(([questionId, text]) => t.app.answers.save({ candidateId, questionId, revision: 1, text, receivedAt: Date.now(), late: false })));
    expect((await post(`/api/sessions/${created.id}/end`)).statusCode).toBe(200);
    const pilot = { ...staff, sessionId: created.id, candidates: [{ id: candidateId, code: created.candidates[0]!.code }] };
    // A real session beside it, graded the same way.
    const real = await endedSession(t.app, staff, { count: 1, names: true });
    for (const s of [pilot, real]) {
      await distribute(t.app, s, [staff.correctors[0]!.id], false);
      for (const c of s.candidates) expect(await gradeScript(t.app, staff.correctors[0]!.login, s.sessionId, c.id, fullMarks('found', [3, 3, 3, 3]))).toMatchObject({ status: 'settled' });
      expect((await post(`/api/grading/sessions/${s.sessionId}/close`)).statusCode).toBe(200);
    }
    // The grading works for the pilot: its results (codes, no names) are there.
    const results = await t.app.inject({ url: `/api/grading/sessions/${created.id}/results`, headers: staff.admin.headers });
    expect(results.statusCode).toBe(200);
    expect(results.body).not.toContain('Pilote');
    for (const format of ['json', 'csv', 'html']) {
      const refused = await t.app.inject({ url: `/api/grading/sessions/${created.id}/jury.${format}`, headers: staff.admin.headers });
      expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'pilot-session']);
      expect(refused.body).not.toContain('Pilote');
      expect((await t.app.inject({ url: `/api/grading/sessions/${real.sessionId}/jury.${format}`, headers: staff.admin.headers })).statusCode).toBe(200);
    }
    const exported = t.app.db.$client.prepare("SELECT session_id AS sessionId FROM audit_log WHERE action = 'grading.jury-exported'").all() as { sessionId: number }[];
    expect(exported.every((e) => e.sessionId === real.sessionId)).toBe(true);
  });
});
