import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, loginCandidate, type TestApp } from '../../helpers/build-app.js';
import type { OverviewView, ReadingsView, ResultsView, WorkspaceView } from '../../../server/contract/grading.js';
import { distribute, endedSession, fullMarks, gradeScript, makeStaff, type Scenario, type Staff } from './scenario.js';

// One app and one set of accounts for the file (accounts cost a scrypt each); every test gets its
// own ended session, so no test sees another's scripts or marks.
let t: TestApp;
let staff: Staff;
let s: Scenario;

beforeAll(async () => {
  t = await buildTestApp();
  staff = await makeStaff(t.app);
});
afterAll(async () => {
  await t.close();
});
beforeEach(async () => {
  s = await endedSession(t.app, staff, { names: true });
});

const url = (path: string) => `/api/grading/sessions/${s.sessionId}${path}`;
const get = (path: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url: path.startsWith('/api') ? path : url(path), headers });
const post = (path: string, headers: Record<string, string>, payload: unknown = {}) => t.app.inject({ method: 'POST', url: url(path), headers, payload: payload as object });
const marksOf = (candidateId: number) => t.app.db.$client.prepare('SELECT * FROM answer_marks WHERE candidate_id = ?').all(candidateId);
const mark = (candidateId: number, extra: object = {}) => ({ candidateId, questionId: 'q1', revision: 1, keyPoints: { kp1: 'found' }, interpretation: null, comment: '', ...extra });

describe('who may grade', () => {
  it('refuses the grading API without a login, to candidates and to proctors', async () => {
    expect((await get('/api/grading/sessions')).statusCode).toBe(401);
    expect((await get('/api/grading/sessions', s.proctor.headers)).statusCode).toBe(403);
    const session = t.app.exam.session(s.sessionId)!;
    const candidate = await loginCandidate(t.app, session.code, s.candidates[0]!.code).catch(() => null);
    // The session has ended, so a candidate cannot even log in any more.
    expect(candidate).toBeNull();
  });

  it('lists to a corrector only the sessions they correct', async () => {
    await distribute(t.app, s, [s.correctors[0]!.id], false);
    const mine = (await get('/api/grading/sessions', s.correctors[0]!.login.headers)).json<{ id: number }[]>();
    expect(mine.map((x) => x.id)).toContain(s.sessionId);
    const theirs = (await get('/api/grading/sessions', s.correctors[2]!.login.headers)).json<{ id: number }[]>();
    expect(theirs.map((x) => x.id)).not.toContain(s.sessionId);
    const none = (await get('/api/grading/sessions', s.outsider.login.headers)).json<unknown[]>();
    expect(none).toEqual([]);
  });

  it('refuses a corrector not assigned to the session, and admins, the workspace', async () => {
    await distribute(t.app, s, [s.correctors[0]!.id], false);
    const outsider = await get('/workspace', s.outsider.login.headers);
    expect(outsider.statusCode).toBe(403);
    expect(outsider.json().error.code).toBe('not-your-session');
    expect((await get('/workspace', s.admin.headers)).statusCode).toBe(403);
  });

  it('refuses a corrector grading a session they are not assigned to, and stores nothing', async () => {
    await distribute(t.app, s, [s.correctors[0]!.id], false);
    const r = await post('/answer-marks', s.outsider.login.headers, mark(s.candidates[0]!.id));
    expect(r.statusCode).toBe(403);
    expect(r.json().error).toMatchObject({ code: 'not-your-session', message: expect.stringContaining('not a corrector of this session') });
    expect(marksOf(s.candidates[0]!.id)).toEqual([]);
  });

  it("refuses a corrector grading a script of the session that is someone else's", async () => {
    await distribute(t.app, s, [s.correctors[0]!.id, s.correctors[1]!.id], false);
    const ws = (await get('/workspace', s.correctors[0]!.login.headers)).json<WorkspaceView>();
    const mine = new Set(ws.scripts.map((x) => x.candidateId));
    const other = s.candidates.find((c) => !mine.has(c.id))!;
    const r = await post('/answer-marks', s.correctors[0]!.login.headers, mark(other.id));
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('not-your-script');
  });

  it('needs the CSRF token to save a mark', async () => {
    await distribute(t.app, s, [s.correctors[0]!.id], false);
    const r = await t.app.inject({ method: 'POST', url: url('/answer-marks'), headers: { cookie: s.correctors[0]!.login.cookie }, payload: mark(s.candidates[0]!.id) });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('bad-csrf-token');
  });

  it('keeps admin actions to admins', async () => {
    for (const login of [s.correctors[0]!.login, s.proctor]) {
      expect((await post('/distribution', login.headers, { correctorIds: [s.correctors[0]!.id], doubleMarking: false })).statusCode).toBe(403);
      expect((await post('/third-readings', login.headers, { candidateIds: [s.candidates[0]!.id], correctorId: s.correctors[2]!.id })).statusCode).toBe(403);
      expect((await post('/close', login.headers)).statusCode).toBe(403);
      expect((await get('/overview', login.headers)).statusCode).toBe(403);
      expect((await get('/results', login.headers)).statusCode).toBe(403);
    }
  });
});

describe('the workspace', () => {
  it('shows candidate codes, never names, with passages, word counts and copied runs', async () => {
    await distribute(t.app, s, [s.correctors[0]!.id], false);
    const r = await get('/workspace', s.correctors[0]!.login.headers);
    expect(r.statusCode).toBe(200);
    expect(r.body).not.toMatch(/Dupont|Name1|fullName/);
    const ws = r.json<WorkspaceView>();
    expect(ws.scripts.map((x) => x.code).sort()).toEqual(s.candidates.map((c) => c.code).sort());
    const q4 = ws.pack.sections[0]!.questions.find((q) => q.id === 'q4')!;
    expect(q4.passage?.anchor).toBe('writing-the-service-unit');
    expect(q4.passage?.html).toMatch(/^<h2 id="writing-the-service-unit">/);
    expect(ws.pack.rubrics.writing[0]!.criteria.map((c) => c.id)).toEqual(['task', 'organisation', 'range', 'accuracy']);
    // The second candidate copied two sentences of the document's note (PATH is code: it does not count).
    const copier = ws.scripts.find((x) => x.candidateId === s.candidates[1]!.id)!;
    const a4 = copier.answers.find((a) => a.questionId === 'q4')!;
    expect(a4.overlap.runs.map((run) => run.text)).toEqual(['A service does not read your shell start-up files. Its environment is almost empty and its PATH']);
    // "A service does not read your shell start-up files" 9 + "Its environment is almost empty and its" 7 = 16
    // copied prose words; the answer adds "is different": 18. PATH is code and counts in neither.
    expect(a4.overlap).toMatchObject({ copiedWords: 16, proseWords: 18 });
    expect(a4.words).toBeGreaterThan(0);
  });

  it('shares the scripts out by itself the first time a corrector of an undistributed session opens it', async () => {
    t.app.db.$client.prepare("INSERT INTO session_staff (session_id, account_id, role) VALUES (?, ?, 'corrector')").run(s.sessionId, s.correctors[0]!.id);
    const ws = (await get('/workspace', s.correctors[0]!.login.headers)).json<WorkspaceView>();
    expect(ws.scripts).toHaveLength(3);
    expect(ws.notice).toBeNull();
  });
});

describe('saving marks', () => {
  beforeEach(async () => {
    await distribute(t.app, s, [s.correctors[0]!.id], false);
  });
  const c = () => s.candidates[0]!.id;
  const h = () => s.correctors[0]!.login.headers;

  it('acknowledges a mark once stored, then duplicates and stale revisions without writing', async () => {
    const first = await post('/answer-marks', h(), mark(c(), { revision: 2 }));
    expect(first.json()).toMatchObject({ outcome: 'stored', revision: 2 });
    expect((await post('/answer-marks', h(), mark(c(), { revision: 2 }))).json()).toMatchObject({ outcome: 'duplicate', revision: 2 });
    const stale = await post('/answer-marks', h(), mark(c(), { revision: 1, keyPoints: { kp1: 'missing' } }));
    expect(stale.json()).toMatchObject({ outcome: 'stale', revision: 2 });
    const conflict = await post('/answer-marks', h(), mark(c(), { revision: 2, keyPoints: { kp1: 'partly' } }));
    expect(conflict.json()).toMatchObject({ outcome: 'conflict', revision: 2 });
    expect(marksOf(c())).toMatchObject([{ key_points: '{"kp1":"found"}', revision: 2 }]);
  });

  it('refuses a key point the question does not have, and stores nothing', async () => {
    const r = await post('/answer-marks', h(), mark(c(), { keyPoints: { kp7: 'found' } }));
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toEqual({ code: 'unknown-criterion', message: 'Question q1 has no key point "kp7"; its key points are "kp1", "kp2", "kp3", "kp4".' });
    expect(marksOf(c())).toEqual([]);
  });

  it('refuses levels and bands outside the scale, and stores nothing', async () => {
    expect((await post('/answer-marks', h(), mark(c(), { keyPoints: { kp1: 'perfect' } }))).json().error.code).toBe('out-of-scale');
    expect((await post('/answer-marks', h(), mark(c(), { interpretation: 'great' }))).json().error.code).toBe('out-of-scale');
    const band = await post('/script-marks', h(), { candidateId: c(), revision: 1, writing: { 'writing-b1': { task: 6 } }, competence: {}, comment: '' });
    expect(band.statusCode).toBe(400);
    expect(band.json().error).toEqual({ code: 'out-of-scale', message: 'Writing criterion writing-b1/task: the band must be a whole number from 0 to 5, not 6.' });
    const criterion = await post('/script-marks', h(), { candidateId: c(), revision: 1, writing: { 'writing-b1': { spelling: 3 } }, competence: {}, comment: '' });
    expect(criterion.json().error.code).toBe('unknown-criterion');
    const rubric = await post('/script-marks', h(), { candidateId: c(), revision: 1, writing: {}, competence: { supervision: { sla: 'met' } }, comment: '' });
    expect(rubric.json().error.message).toBe('There is no competence rubric "supervision" in this exam.');
    expect(marksOf(c())).toEqual([]);
    expect(t.app.db.$client.prepare('SELECT COUNT(*) AS n FROM script_marks WHERE candidate_id = ?').get(c())).toEqual({ n: 0 });
  });

  it('refuses unknown fields and an unknown question', async () => {
    expect((await post('/answer-marks', h(), { ...mark(c()), score: 20 })).json().error.code).toBe('invalid-request');
    expect((await post('/answer-marks', h(), mark(c(), { questionId: 'q42' }))).json().error.code).toBe('unknown-question');
  });

  it('will not finish a reading with judgements missing, and says which', async () => {
    await post('/answer-marks', h(), mark(c()));
    const r = await post(`/scripts/${c()}/finish`, h());
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('reading-incomplete');
    expect(r.json().error.missing).toContain('q1/kp2');
    expect(r.json().error.missing).toContain('writing-b1/accuracy');
  });

  it('refuses changes to a finished reading until it is reopened', async () => {
    await gradeScript(t.app, s.correctors[0]!.login, s.sessionId, c(), fullMarks('found', [3, 3, 3, 3]));
    const r = await post('/answer-marks', h(), mark(c(), { revision: 5 }));
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('reading-finished');
    expect((await post(`/scripts/${c()}/reopen`, h())).statusCode).toBe(204);
    expect((await post('/answer-marks', h(), mark(c(), { revision: 5 }))).json().outcome).toBe('stored');
  });
});

describe('double marking and the third reading', () => {
  it('hides the other reading until both are finished, flags a disagreement and lets a third reader settle it', async () => {
    const [a, b, third] = s.correctors;
    const overview0 = (await distribute(t.app, s, [a!.id, b!.id], true)) as OverviewView;
    expect(overview0.scripts.every((x) => x.readers.length === 2 && new Set(x.readers.map((r) => r.correctorId)).size === 2)).toBe(true);
    const target = s.candidates[0]!.id;
    const readerOf = (n: number) => (overview0.scripts.find((x) => x.candidateId === target)!.readers.find((r) => r.reading === n)!.correctorId === a!.id ? a! : b!);
    const first = readerOf(1);
    const second = readerOf(2);

    await gradeScript(t.app, first.login, s.sessionId, target, fullMarks('found', [3, 3, 3, 3]));
    const early = await get(`/scripts/${target}/readings`, first.login.headers);
    expect(early.statusCode).toBe(403);
    expect(early.json().error).toEqual({ code: 'readings-hidden', message: "The other corrector's marks are shown only once both of you have finished this script." });
    expect((await get(`/scripts/${target}/readings`, second.login.headers)).statusCode).toBe(403);

    // The second reader gives "accuracy" 5 where the first gave 3: a band gap of 2.
    const done = await gradeScript(t.app, second.login, s.sessionId, target, fullMarks('found', [3, 3, 3, 5]));
    expect(done!.status).toBe('needs-third-reading');
    const seen = (await get(`/scripts/${target}/readings`, first.login.headers)).json<ReadingsView>();
    expect(seen.readings.map((r) => r.reading)).toEqual([2]);
    expect(seen.disagreements).toEqual([
      { key: 'writing-b1', kind: 'band-gap', title: { fr: 'Correction grammaticale et orthographique', en: 'Accuracy' }, criterionId: 'accuracy', values: [3, 5] },
    ]);
    // Compared readings can no longer be reopened.
    expect((await post(`/scripts/${target}/reopen`, first.login.headers)).json().error.code).toBe('readings-compared');

    // The third reader must be someone else than the first two, and a corrector.
    expect((await post('/third-readings', s.admin.headers, { candidateIds: [target], correctorId: first.id })).json().error.code).toBe('already-reads-this-script');
    expect((await post('/third-readings', s.admin.headers, { candidateIds: [target], correctorId: s.adminId })).json().error.code).toBe('not-a-corrector');
    const other = s.candidates[1]!.id;
    expect((await post('/third-readings', s.admin.headers, { candidateIds: [other], correctorId: third!.id })).json().error.code).toBe('no-disagreement');
    expect((await post('/third-readings', s.admin.headers, { candidateIds: [target], correctorId: third!.id })).statusCode).toBe(200);

    // The third reader sees both readings, and their marks settle the script.
    const both = (await get(`/scripts/${target}/readings`, third!.login.headers)).json<ReadingsView>();
    expect(both.readings.map((r) => r.reading)).toEqual([1, 2]);
    const settled = await gradeScript(t.app, third!.login, s.sessionId, target, fullMarks('partly', [2, 2, 2, 2]));
    expect(settled!.status).toBe('settled');
    const results = (await get('/results', s.admin.headers)).json<ResultsView>();
    const result = results.candidates.find((x) => x.candidateId === target)!;
    expect(result.settledBy).toBe('third-reading');
    // Third reading: every key point partly → share 0.5 < 0.6: not reached; bands 2×4 = 8 < 12: not reached.
    expect(result.decisions.map((d) => [d.key, d.reached])).toEqual([
      ['reading-b2', false],
      ['writing-b1', false],
    ]);
    expect(result.decisions[1]!.bands).toEqual({ task: 2, organisation: 2, range: 2, accuracy: 2 });
    expect(JSON.stringify(results)).not.toMatch(/Dupont/);
  });

  it('settles by agreement, averages the bands and reports agreement per criterion', async () => {
    const [a, b] = s.correctors;
    const overview = (await distribute(t.app, s, [a!.id, b!.id], true)) as OverviewView;
    for (const script of overview.scripts) {
      for (const reader of script.readers) {
        const login = reader.correctorId === a!.id ? a!.login : b!.login;
        await gradeScript(t.app, login, s.sessionId, script.candidateId, fullMarks('found', reader.reading === 1 ? [3, 3, 3, 3] : [4, 3, 3, 3]));
      }
    }
    const after = (await get('/overview', s.admin.headers)).json<OverviewView>();
    expect(after.counts.settled).toBe(3);
    const task = after.agreement.find((r) => r.key === 'writing-b1/task')!;
    // Three pairs (3, 4): no exact agreement, all adjacent; both used one level each, so
    // Σ w·E = 3 · 1/25 = Σ w·O and kappa = 1 − 1 = 0.
    expect(task.figures).toEqual({ pairs: 3, exact: 0, adjacent: 1, kappa: 0 });
    const results = (await get('/results', s.admin.headers)).json<ResultsView>();
    expect(results.candidates[0]!.settledBy).toBe('agreement');
    expect(results.candidates[0]!.decisions.find((d) => d.key === 'writing-b1')!.bands!.task).toBe(3.5);
  });
});

describe('distribution', () => {
  it('needs two correctors for double marking, an ended session, and no grade yet', async () => {
    const one = await post('/distribution', s.admin.headers, { correctorIds: [s.correctors[0]!.id], doubleMarking: true });
    expect(one.statusCode).toBe(400);
    expect(one.json().error.code).toBe('too-few-correctors');
    await distribute(t.app, s, [s.correctors[0]!.id], false);
    await post('/answer-marks', s.correctors[0]!.login.headers, mark(s.candidates[0]!.id));
    const again = await post('/distribution', s.admin.headers, { correctorIds: [s.correctors[1]!.id], doubleMarking: false });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('grading-started');
  });

  it('refuses to share out the scripts of a session that has not ended', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/sessions', headers: s.admin.headers, payload: { packId: 'devops-title-qp', candidateCount: 2 } });
    const r = await t.app.inject({ method: 'POST', url: `/api/grading/sessions/${created.json().id}/distribution`, headers: s.admin.headers, payload: { correctorIds: [s.correctors[0]!.id], doubleMarking: false } });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('session-not-ended');
  });
});

describe('closing and the jury export', () => {
  async function gradeAll() {
    await distribute(t.app, s, [s.correctors[0]!.id], false);
    for (const c of s.candidates) await gradeScript(t.app, s.correctors[0]!.login, s.sessionId, c.id, fullMarks('found', [3, 3, 3, 3]));
  }

  it('will not close while a script is unsettled', async () => {
    await distribute(t.app, s, [s.correctors[0]!.id], false);
    await gradeScript(t.app, s.correctors[0]!.login, s.sessionId, s.candidates[0]!.id, fullMarks('found', [3, 3, 3, 3]));
    const r = await post('/close', s.admin.headers);
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('grading-unfinished');
    expect(r.json().error.scripts).toHaveLength(2);
  });

  it('refuses the names before grading is closed, and to correctors at any time', async () => {
    await gradeAll();
    const early = await get('/jury.csv', s.admin.headers);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('grading-not-closed');
    await post('/close', s.admin.headers);
    for (const format of ['json', 'csv', 'html']) {
      const r = await get(`/jury.${format}`, s.correctors[0]!.login.headers);
      expect(r.statusCode).toBe(403);
      expect(r.body).not.toMatch(/Dupont/);
    }
  });

  it('refuses any grade after grading is closed, and changes nothing', async () => {
    await gradeAll();
    expect((await post('/close', s.admin.headers)).statusCode).toBe(200);
    const before = marksOf(s.candidates[0]!.id);
    const r = await post('/answer-marks', s.correctors[0]!.login.headers, mark(s.candidates[0]!.id, { revision: 9 }));
    expect(r.statusCode).toBe(409);
    expect(r.json().error).toMatchObject({ code: 'grading-closed' });
    expect(marksOf(s.candidates[0]!.id)).toEqual(before);
    expect((await post(`/scripts/${s.candidates[0]!.id}/reopen`, s.correctors[0]!.login.headers)).json().error.code).toBe('grading-closed');
    expect((await post('/distribution', s.admin.headers, { correctorIds: [s.correctors[1]!.id], doubleMarking: false })).json().error.code).toBe('grading-closed');
  });

  it('exports CSV for a French spreadsheet, JSON and a printable report, with names, and audits each export', async () => {
    await gradeAll();
    await post('/close', s.admin.headers);
    const csv = await get('/jury.csv', s.admin.headers);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="jury-[a-z0-9]+\.csv"$/);
    const raw = csv.rawPayload;
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = raw.toString('utf8').slice(1);
    const lines = text.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(lines[0]).toBe(
      'Code candidat;Nom;Statut;Tranché par;Compréhension écrite de documentation technique en anglais (B2) : décision;' +
        'Compréhension écrite de documentation technique en anglais (B2) : part des points clés (%);Compréhension écrite de documentation technique en anglais (B2) : contresens;' +
        'Expression écrite en anglais (B1) : décision;Expression écrite en anglais (B1) : Réalisation de la tâche, registre et genre;Expression écrite en anglais (B1) : Organisation et cohérence;' +
        'Expression écrite en anglais (B1) : Étendue du vocabulaire, y compris technique;Expression écrite en anglais (B1) : Correction grammaticale et orthographique;' +
        'Expression écrite en anglais (B1) : total;Commentaires',
    );
    // Candidate 2 left q2 empty: its 4 key points count as missing → (22 − 4) / 22 = 81,8 %.
    const second = lines.find((l) => l.startsWith(s.candidates[1]!.code))!;
    expect(second.split(';')).toEqual([s.candidates[1]!.code, 'Candidate Name2 Dupont', 'tranchée', 'une correction', 'atteint', '81,8', '0', 'atteint', '3', '3', '3', '3', '12', '']);

    const json = (await get('/jury.json', s.admin.headers)).json<ResultsView>();
    expect(json.named).toBe(true);
    expect(json.candidates.map((c) => c.fullName).sort()).toEqual(['Candidate Name1 Dupont', 'Candidate Name2 Dupont', 'Candidate Name3 Dupont']);

    const html = await get('/jury.html?lang=en', s.admin.headers);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.body).toContain('Candidate Name3 Dupont');
    expect(html.body).toContain('<link rel="stylesheet" href="/api/grading/jury.css">');
    expect((await get('/api/grading/jury.css')).body).toContain('@media print');

    const exports = t.app.db.$client.prepare("SELECT detail FROM audit_log WHERE action = 'grading.jury-exported' AND session_id = ?").all(s.sessionId) as { detail: string }[];
    expect(exports.map((e) => JSON.parse(e.detail).format)).toEqual(['csv', 'json', 'html']);
    expect(t.app.audit.verify().ok).toBe(true);
  });
});

describe('a pack with a French competence section (CCP supervision)', () => {
  it('grades competence criteria per script and decides each one, partly not counting as met', async () => {
    const ccp = await endedSession(t.app, staff, {
      packId: 'devops-ccp-supervision',
      count: 1,
      answers: [
        {
          q1: 'The alert fires when the error rate stays above the threshold for five minutes.',
          q2: 'Use a for: clause so that a short spike does not page anyone.',
          q3: 'Route it to the on-call team with severity page.',
          q4: 'Le taux de requêtes en erreur et la latence au 95e centile, parce que le SLA porte sur la disponibilité.',
          q5: 'Un SLO de 99,5 % sur 30 jours, plus strict que le SLA de 99 %.',
          q6: 'Alerter sur la consommation du budget d’erreur plutôt que sur chaque erreur.',
        },
      ],
    });
    const h = staff.correctors[0]!.login.headers;
    await distribute(t.app, ccp, [staff.correctors[0]!.id], false);
    const ws = (await t.app.inject({ method: 'GET', url: `/api/grading/sessions/${ccp.sessionId}/workspace`, headers: h })).json<WorkspaceView>();
    expect(ws.pack.rubrics.competence.map((r) => r.criteria.map((c) => c.id))).toEqual([['relevant', 'sla', 'comprehensive']]);
    const french = ws.pack.sections.find((x) => x.answerLanguage === 'fr')!;
    expect(french.readingRubricId).toBeNull();
    // Issue 16: the section names its competence rubric, in which its key points name their criterion.
    expect(french.competenceRubricId).toBe('supervision-competence');
    expect(ws.pack.sections.find((x) => x.answerLanguage === 'en')!.competenceRubricId).toBeNull();
    const candidateId = ws.scripts[0]!.candidateId;
    const post = (path: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/grading/sessions/${ccp.sessionId}${path}`, headers: h, payload });

    // The French section is not graded for reading: no interpretation there.
    const q4 = french.questions[0]!;
    const refused = await post('/answer-marks', { candidateId, questionId: q4.id, revision: 1, keyPoints: {}, interpretation: 'correct', comment: '' });
    expect(refused.json().error.code).toBe('unknown-criterion');

    for (const section of ws.pack.sections) {
      for (const q of section.questions) {
        const keyPoints = Object.fromEntries(q.keyPoints.map((k) => [k.id, 'found']));
        const r = await post('/answer-marks', { candidateId, questionId: q.id, revision: 1, keyPoints, interpretation: section.readingRubricId ? 'correct' : null, comment: '' });
        expect(r.json().outcome).toBe('stored');
      }
    }
    const script = await post('/script-marks', {
      candidateId,
      revision: 1,
      writing: { 'writing-b1': { task: 3, organisation: 3, range: 3, accuracy: 3 } },
      competence: { 'supervision-competence': { relevant: 'met', sla: 'partly', comprehensive: 'notMet' } },
      comment: 'Indicateurs pertinents ; le SLA est cité sans en tirer les seuils.',
    });
    expect(script.json().outcome).toBe('stored');
    expect((await post(`/scripts/${candidateId}/finish`, {})).json().status).toBe('settled');
    const results = (await t.app.inject({ method: 'GET', url: `/api/grading/sessions/${ccp.sessionId}/results`, headers: staff.admin.headers })).json<ResultsView>();
    expect(results.candidates[0]!.decisions.map((d) => [d.key, d.reached])).toEqual([
      ['reading-b2', true],
      ['writing-b1', true],
      ['supervision-competence/relevant', true],
      ['supervision-competence/sla', false],
      ['supervision-competence/comprehensive', false],
    ]);
  });
});
