// The statistics routes on a real app and SQLite file: a double-marked session of the DevOps pack
// graded through the grading API, then read back as figures and as the long CSV. The formulas are
// tested on hand-worked values in item-statistics.test.ts; here the figures are checked against
// Python's statistics module on the same scores (stated below).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { buildTestApp, type TestApp } from '../../../helpers/build-app.js';
import type { OverviewView } from '../../../../server/contract/grading.js';
import type { StatisticsView } from '../../../../server/contract/statistics.js';
import { distribute, endedSession, fullMarks, gradeScript, makeStaff, type Scenario, type Staff } from '../scenario.js';

let t: TestApp;
let staff: Staff;
let s: Scenario;

const levels = ['found', 'partly', 'missing'] as const;

beforeAll(async () => {
  t = await buildTestApp();
  staff = await makeStaff(t.app);
  s = await endedSession(t.app, staff);
  const [a, b] = s.correctors;
  const overview = (await distribute(t.app, s, [a!.id, b!.id], true)) as OverviewView;
  // Both readers agree: candidate 1 every key point found, 2 partly (q2 left empty), 3 missing.
  for (const script of overview.scripts) {
    const level = levels[s.candidates.findIndex((c) => c.id === script.candidateId)]!;
    for (const reader of script.readers) {
      await gradeScript(t.app, reader.correctorId === a!.id ? a!.login : b!.login, s.sessionId, script.candidateId, fullMarks(level, [3, 3, 3, 3]));
    }
  }
});
afterAll(async () => {
  await t.close();
});

describe('item statistics routes', () => {
  it('keep the figures and the CSV to admins', async () => {
    for (const path of ['/api/grading/statistics', '/api/grading/statistics/long.csv']) {
      expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(401);
      expect((await t.app.inject({ method: 'GET', url: path, headers: s.correctors[0]!.login.headers })).statusCode).toBe(403);
    }
  });

  it('give the figures per key point, question and section of the pack digest', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/grading/statistics', headers: s.admin.headers });
    expect(response.statusCode).toBe(200);
    const view = response.json<StatisticsView>();
    expect(view.thresholds).toEqual({ minFacility: 0.2, maxFacility: 0.9, minDiscrimination: 0.2, minKappa: 0.6, minAlpha: 0.7 });
    expect(view.packs).toHaveLength(1);
    const pack = view.packs[0]!;
    expect(pack.sessionIds).toEqual([s.sessionId]);
    // The pack has parallel forms: its figures name the form (A, the first), as the timing does.
    expect(pack.formId).toBe('a');
    expect(pack.candidates).toBe(3);
    const section = pack.sections[0]!;
    // 22 key points; totals 22, 9 (18 partly, q2's 4 empty) and 0. Python:
    // statistics.variance and statistics.correlation give alpha 0.997664, SEM 0.534522.
    expect(section.items).toBe(22);
    expect(section.cutScore).toBeCloseTo(0.6 * 22, 10);
    expect(section.alpha).toBeCloseTo(0.997664, 5);
    expect(section.sem).toBeCloseTo(0.534522, 5);
    const [q1, q2] = section.questions;
    expect(q1!.keyPoints[0]!.facility).toBeCloseTo(0.5, 10); // (1 + 0.5 + 0) / 3
    expect(q1!.keyPoints[0]!.discrimination).toBeCloseTo(0.994007, 5); // r((1, .5, 0), (21, 8.5, 0))
    expect(q2!.omissionRate).toBeCloseTo(1 / 3, 10);
    expect(q2!.keyPoints[0]!.facility).toBeCloseTo(1 / 3, 10);
    expect(q2!.keyPoints[0]!.discrimination).toBeCloseTo(0.904194, 5); // r((1, 0, 0), (21, 9, 0))
    expect(q1!.partlyShare).toBeCloseTo(1 / 3, 10); // 3 candidates × 4 key points × 2 settling readings = 24; candidate 2's 8 are partly
    // Two readings that always agree, on all three levels: exact 1, kappa 1, three pairs per key point.
    expect(q1!.keyPoints[0]!.agreement).toEqual({ pairs: 3, exact: 1, adjacent: 1, kappa: 1 });
    expect(q2!.keyPoints[0]!.agreement.pairs).toBe(2); // candidate 2 left q2 empty
    expect(q1!.misunderstandingRate).toBe(0);
  });

  it('export one row per candidate, key point and finished reading, in French by default', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/grading/statistics/long.csv', headers: s.admin.headers });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.body.startsWith('\uFEFF')).toBe(true);
    const rows: string[][] = parse(response.body.slice(1), { delimiter: ';' });
    expect(rows[0]).toEqual(['session', 'code candidat', 'empreinte du sujet', 'section', 'question', 'point clé', 'texte du point clé', 'lecture', 'lecture retenue', 'réponse donnée', 'jugement', 'score']);
    expect(rows).toHaveLength(1 + 3 * 22 * 2);
    const second = s.candidates[1]!.code;
    const q2 = rows.find((r) => r[1] === second && r[4] === 'q2' && r[5] === 'kp1' && r[7] === '2')!;
    expect(q2.slice(8)).toEqual(['oui', 'non', '', '0']);
    const q1 = rows.find((r) => r[1] === second && r[4] === 'q1' && r[5] === 'kp1' && r[7] === '1')!;
    expect(q1.slice(8)).toEqual(['oui', 'oui', 'partiel', '0,5']);
    const english = await t.app.inject({ method: 'GET', url: '/api/grading/statistics/long.csv?lang=en', headers: s.admin.headers });
    expect(english.body).toContain(';partly;0,5\r\n');
  });

  it('leave out a session whose pack has changed since it ran', async () => {
    t.app.db.$client.prepare('UPDATE exam_sessions SET pack_digest = ? WHERE id = ?').run('0'.repeat(64), s.sessionId);
    try {
      const view = (await t.app.inject({ method: 'GET', url: '/api/grading/statistics', headers: s.admin.headers })).json<StatisticsView>();
      expect(view.packs).toEqual([]);
      expect(view.skippedSessions).toBe(1);
    } finally {
      const digest = t.app.packs.get('devops-title-qp')!.digest;
      t.app.db.$client.prepare('UPDATE exam_sessions SET pack_digest = ? WHERE id = ?').run(digest, s.sessionId);
    }
  });
});
