// Issue 16, item 3: the French section's key points are evidence for the competence criteria they
// are linked to (`criterion:` in the pack), feed each criterion's decision as its evidence and reach
// the jury; the jury CSV keeps "partiellement satisfait" as the printable report does; the report's
// summary names the competence rubric. On the bundled CCP pack, through the grading API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { buildTestApp, type TestApp } from '../../helpers/build-app.js';
import type { ResultsView, WorkspaceView } from '../../../server/contract/grading.js';
import { decide } from '../../../server/grading/decisions.js';
import { gradingModel } from '../../../server/grading/rubric-model.js';
import { distribute, endedSession, makeStaff, type Scenario, type Staff } from './scenario.js';
import { answerMark, scriptMark, smallPack } from './fixtures.js';

let t: TestApp;
let staff: Staff;
let ccp: Scenario;

// The French key points and the criterion each is linked to in content/devops-ccp-supervision/pack.yaml.
const LINKS = {
  q4: { kp1: 'sla', kp2: 'sla', kp3: 'comprehensive', kp4: 'relevant' },
  q5: { kp1: 'sla', kp2: 'sla', kp3: 'sla', kp4: 'relevant' },
  q6: { kp1: 'sla', kp2: 'relevant', kp3: 'comprehensive', kp4: 'comprehensive' },
} as const;

beforeAll(async () => {
  t = await buildTestApp();
  staff = await makeStaff(t.app);
  ccp = await endedSession(t.app, staff, {
    packId: 'devops-ccp-supervision',
    count: 1,
    names: true,
    answers: [
      {
        q1: 'At 14:03 it is pending, at 14:08 inactive, at 14:25 pending again; nobody was notified.',
        q2: 'promtool check rules must pass; the reload needs --web.enable-lifecycle; the old rules stay.',
        q3: 'Hi Julie, the rule predicts from the trend whether /var will be full within a day.',
        q7: 'The severity label is missing.',
        q8: 'CPU load is a cause, not a symptom.',
        q4: 'Disponibilité par sonde externe sur le mois ; 95e centile de 7 h à 21 h ; CPU et disque des serveurs.',
        q5: 'Le SLA est contractuel, le SLO interne et plus strict ; budget 0,5 % de 43 200 = 2 160 minutes.',
        q6: 'Alertes sur le taux d’erreur avec une durée ; astreinte pour les urgences, ticket sinon.',
      },
    ],
  });
  const h = staff.correctors[0]!.login.headers;
  await distribute(t.app, ccp, [staff.correctors[0]!.id], false);
  const ws = (await t.app.inject({ method: 'GET', url: `/api/grading/sessions/${ccp.sessionId}/workspace`, headers: h })).json<WorkspaceView>();
  const candidateId = ws.scripts[0]!.candidateId;
  const post = async (path: string, payload: object) => {
    const r = await t.app.inject({ method: 'POST', url: `/api/grading/sessions/${ccp.sessionId}${path}`, headers: h, payload });
    if (r.statusCode !== 200) throw new Error(`${path}: ${r.body}`);
    return r.json();
  };
  // English: every key point found. French: q4 all found, q5 kp3 partly (an arithmetic slip), q6 kp3 and kp4 missing.
  const french: Record<string, Record<string, 'found' | 'partly' | 'missing'>> = {
    q4: { kp1: 'found', kp2: 'found', kp3: 'found', kp4: 'found' },
    q5: { kp1: 'found', kp2: 'found', kp3: 'partly', kp4: 'found' },
    q6: { kp1: 'found', kp2: 'found', kp3: 'missing', kp4: 'missing' },
  };
  for (const section of ws.pack.sections) {
    for (const q of section.questions) {
      const keyPoints = french[q.id] ?? Object.fromEntries(q.keyPoints.map((k) => [k.id, 'found']));
      await post('/answer-marks', { candidateId, questionId: q.id, revision: 1, keyPoints, interpretation: section.readingRubricId ? 'correct' : null, comment: '' });
    }
  }
  await post('/script-marks', {
    candidateId,
    revision: 1,
    writing: { 'writing-b1': { task: 3, organisation: 3, range: 3, accuracy: 3 } },
    competence: { 'supervision-competence': { relevant: 'met', sla: 'partly', comprehensive: 'notMet' } },
    comment: '',
  });
  await post(`/scripts/${candidateId}/finish`, {});
  const closed = await t.app.inject({ method: 'POST', url: `/api/grading/sessions/${ccp.sessionId}/close`, headers: staff.admin.headers, payload: {} });
  if (closed.statusCode !== 200) throw new Error(closed.body);
});
afterAll(async () => {
  await t.close();
});

const jury = (format: string) => t.app.inject({ method: 'GET', url: `/api/grading/sessions/${ccp.sessionId}/jury.${format}`, headers: staff.admin.headers });

describe('the bundled CCP pack links every French key point to a criterion', () => {
  it('as the pack says, and the grading workspace carries the links and the notes for correctors', async () => {
    const ws = (await t.app.inject({ method: 'GET', url: `/api/grading/sessions/${ccp.sessionId}/workspace`, headers: staff.correctors[0]!.login.headers })).json<WorkspaceView>();
    const french = ws.pack.sections.find((s) => s.id === 'statistics')!;
    expect(Object.fromEntries(french.questions.map((q) => [q.id, Object.fromEntries(q.keyPoints.map((k) => [k.id, k.criterion]))]))).toEqual(LINKS);
    const english = ws.pack.sections.find((s) => s.id === 'english')!;
    for (const q of [...english.questions, ...french.questions]) {
      expect(q.acceptedVariants?.length, `${q.id} accepted variants`).toBeGreaterThan(0);
      expect(q.likelyMisreadings?.length, `${q.id} likely misreadings`).toBeGreaterThan(0);
    }
  });
});

describe('a competence decision fed by its linked key points', () => {
  it('carries, per criterion, the linked key points with their levels and their share (partly counts half)', async () => {
    const results = (await jury('json')).json<ResultsView>();
    const decisions = results.candidates[0]!.readings[0]!.decisions;
    const sla = decisions.find((d) => d.key === 'supervision-competence/sla')!;
    expect(sla.reached).toBe(false);
    expect(sla.evidence).toEqual({
      kind: 'competence',
      judgement: 'partly',
      partlyCountsAsMet: false,
      linkedKeyPoints: {
        found: 5,
        partly: 1,
        missing: 0,
        total: 6,
        share: 5.5 / 6,
        items: [
          { questionId: 'q4', keyPointId: 'kp1', text: expect.stringMatching(/^Disponibilité mesurée comme le SLA/), level: 'found' },
          { questionId: 'q4', keyPointId: 'kp2', text: expect.any(String), level: 'found' },
          { questionId: 'q5', keyPointId: 'kp1', text: expect.any(String), level: 'found' },
          { questionId: 'q5', keyPointId: 'kp2', text: expect.any(String), level: 'found' },
          { questionId: 'q5', keyPointId: 'kp3', text: expect.stringMatching(/^Méthode du budget/), level: 'partly' },
          { questionId: 'q6', keyPointId: 'kp1', text: expect.any(String), level: 'found' },
        ],
      },
    });
    const comprehensive = decisions.find((d) => d.key === 'supervision-competence/comprehensive')!.evidence;
    expect(comprehensive.kind === 'competence' && comprehensive.linkedKeyPoints).toMatchObject({ found: 1, partly: 0, missing: 2, total: 3, share: 1 / 3 });
    const final = results.candidates[0]!.decisions.find((d) => d.key === 'supervision-competence/sla')!;
    expect(final).toMatchObject({ judgement: 'partly', linkedKeyPointShare: 5.5 / 6, reached: false });
  });

  it('an unanswered question\'s linked key points count as missing; a criterion with no link has no such evidence', () => {
    const pack = smallPack();
    const q3 = pack.sections[1]!.questions[0]!;
    q3.keyPoints = [{ id: 'kp1', text: 'q3 key point 1', criterion: 'relevant' }];
    const model = gradingModel(pack);
    const marks = { answers: new Map([['q3', answerMark({ kp1: 'found' }, null)]]), script: scriptMark([3, 3, 3, 3], { relevant: 'met', sla: 'met' }), answered: new Set(['q3']) };
    const linked = (answered: Set<string>) => {
      const ds = decide(model, { ...marks, answered });
      return [ds.find((d) => d.key === 'supervision/relevant')!.evidence, ds.find((d) => d.key === 'supervision/sla')!.evidence];
    };
    const [relevant, sla] = linked(new Set(['q3']));
    expect(relevant).toEqual({ kind: 'competence', judgement: 'met', partlyCountsAsMet: false, linkedKeyPoints: { found: 1, partly: 0, missing: 0, total: 1, share: 1, items: [{ questionId: 'q3', keyPointId: 'kp1', text: 'q3 key point 1', level: 'found' }] } });
    expect(sla).toEqual({ kind: 'competence', judgement: 'met', partlyCountsAsMet: false });
    const [unanswered] = linked(new Set());
    expect(unanswered).toMatchObject({ linkedKeyPoints: { found: 0, missing: 1, share: 0 } });
  });
});

describe('the jury exports', () => {
  it('the CSV shows "partiellement satisfait" for a criterion judged partly, and each criterion\'s linked key-point share', async () => {
    const csv = await jury('csv');
    expect(csv.statusCode).toBe(200);
    const rows: string[][] = parse(csv.rawPayload.toString('utf8').slice(1), { delimiter: ';' });
    const head = rows[0]!;
    const row = rows[1]!;
    const cell = (title: string) => row[head.indexOf(title)];
    expect(cell('Les indicateurs choisis sont pertinents : décision')).toBe('satisfait');
    expect(cell('Ils tiennent compte du SLA : décision')).toBe('partiellement satisfait');
    expect(cell('Ils sont exhaustifs : décision')).toBe('non satisfait');
    expect(cell('Ils tiennent compte du SLA : part des points clés liés (%)')).toBe('91,7'); // 5.5 / 6
    expect(cell('Les indicateurs choisis sont pertinents : part des points clés liés (%)')).toBe('100'); // q4 kp4, q5 kp4, q6 kp2
    expect(cell('Ils sont exhaustifs : part des points clés liés (%)')).toBe('33,3'); // q4 kp3 found, q6 kp3 and kp4 missing
    const en = (await t.app.inject({ method: 'GET', url: `/api/grading/sessions/${ccp.sessionId}/jury.csv?lang=en`, headers: staff.admin.headers })).rawPayload.toString('utf8');
    expect(en).toContain(';partly met;');
  });

  it('the printable report names the competence rubric in its summary and lists the linked key points as evidence', async () => {
    const html = (await jury('html')).body;
    const summary = html.slice(html.indexOf('<table class="summary">'), html.indexOf('</table>', html.indexOf('<table class="summary">')));
    expect(summary).toContain('<th scope="colgroup" colspan="3" class="competence">Compétence : Définir et mettre en place les statistiques de services (indicateurs, SLA/SLO, alertes)</th>');
    expect(summary).toContain('<td class="decision no">partiellement satisfait</td>');
    expect(html).toContain('Points clés liés : 5 trouvé');
    expect(html).toContain('<li><span class="code">q5/kp3</span> partiel</li>');
    expect(html).toContain('<li><span class="code">q6/kp3</span> manquant</li>');
  });
});
