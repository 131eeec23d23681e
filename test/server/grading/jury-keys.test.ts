import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/build-app.js';
import { rawKeys } from '../contract/catalogue-coverage.js';
import { distribute, endedSession, fullMarks, gradeScript, makeStaff, type Scenario } from './scenario.js';

// The jury's export, printed and as CSV, in both languages: words from the catalogue, never a
// raw key. A double-marked session where one script needed a third reading, so the readings, the
// disagreement and the agreement figures are all printed.
let t: TestApp;
let s: Scenario;

beforeAll(async () => {
  t = await buildTestApp();
  s = await endedSession(t.app, await makeStaff(t.app), { names: true });
  const [a, b, c] = s.correctors;
  await distribute(t.app, s, [a!.id, b!.id], true);
  for (const candidate of s.candidates) {
    await gradeScript(t.app, a!.login, s.sessionId, candidate.id, fullMarks('found', [3, 3, 3, 3]));
    const disagree = candidate === s.candidates[1];
    await gradeScript(t.app, b!.login, s.sessionId, candidate.id, disagree ? fullMarks('partly', [1, 1, 1, 1], 'misunderstanding') : fullMarks('found', [3, 3, 3, 3]));
  }
  const post = (path: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/grading/sessions/${s.sessionId}${path}`, headers: s.admin.headers, payload });
  const third = await post('/third-readings', { candidateIds: [s.candidates[1]!.id], correctorId: c!.id });
  if (third.statusCode !== 200) throw new Error(third.body);
  await gradeScript(t.app, c!.login, s.sessionId, s.candidates[1]!.id, fullMarks('found', [3, 3, 3, 3]));
  const closed = await post('/close', {});
  if (closed.statusCode !== 200) throw new Error(closed.body);
});
afterAll(async () => {
  await t.close();
});

const jury = (format: string, lang: string) => t.app.inject({ method: 'GET', url: `/api/grading/sessions/${s.sessionId}/jury.${format}?lang=${lang}`, headers: s.admin.headers });

describe('the jury export shows words, never keys', () => {
  for (const lang of ['fr', 'en'] as const) {
    it(`prints the report in words (${lang})`, async () => {
      const page = await jury('html', lang);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(lang === 'fr' ? 'Rapport au jury' : 'Report to the jury');
      expect(page.body).toContain(lang === 'fr' ? 'troisième lecture' : 'third reading');
      expect(rawKeys(page.body)).toEqual([]);
    });

    it(`writes the CSV headers and values in words (${lang})`, async () => {
      const csv = await jury('csv', lang);
      expect(csv.statusCode).toBe(200);
      expect(csv.body.split('\r\n')[0]).toMatch(lang === 'fr' ? /^\uFEFFCode candidat;Nom;Statut;Tranché par;/ : /^\uFEFFCandidate code;Name;Status;Settled by;/);
      expect(rawKeys(csv.body)).toEqual([]);
    });
  }
});
