// Issue 16, item 2: the pack author's accepted variants and likely misreadings are shown to the
// corrector beside the key points they judge, in the question's column, in French and in English.
// The grading API test checks that the workspace carries them; this one that a corrector sees them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, screenshotPath, startServer } from '../helpers/browser.js';
import { createStaff, loginStaff, openSession, startSession, type TestApp } from '../helpers/build-app.js';
import { openStaffPage } from '../helpers/browser-logins.js';
import { describeOverflow, findOverflow } from './support/screen-checks.js';
import { sampleAnswers } from '../server/grading/scenario.js';

let server: TestApp & { url: string };
let browser: Browser;
let sessionId: number;
let corrector: { id: number; username: string; password: string };

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  // One candidate's script, given to one corrector (two accounts only: each costs a scrypt hash).
  const { adminLogin, session } = await openSession(server.app, 1);
  sessionId = session.id;
  await startSession(server.app, adminLogin, session.id);
  const candidateId = session.candidates[0]!.id;
  for (const [questionId, text] of Object.entries(sampleAnswers[0]!)) await server.app.answers.save({ candidateId, questionId, revision: 1, text, receivedAt: Date.now(), late: false });
  const post = (url: string, payload: object) => server.app.inject({ method: 'POST', url, headers: adminLogin.headers, payload });
  expect((await post(`/api/sessions/${session.id}/end`, {})).statusCode).toBe(200);
  corrector = await createStaff(server.app, 'corrector');
  expect((await post(`/api/grading/sessions/${session.id}/distribution`, { correctorIds: [corrector.id], doubleMarking: false })).statusCode).toBe(200);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The note as the page shows it: inline code loses its backticks. */
const shown = (text: string) => text.replace(/`/g, '');

describe('accepted variants and likely misreadings in the corrector workspace, in Chromium', { timeout: 60_000 }, () => {
  const headings = { fr: ['Variantes acceptées', 'Contresens probables'], en: ['Accepted variants', 'Likely misreadings'] } as const;

  for (const language of ['fr', 'en'] as const) {
    it(`are listed under the key points of the question being judged (${language})`, async () => {
      const q1 = server.app.packs.questions('devops-title-qp')[0]!.question;
      const page = await openStaffPage(browser, `${server.url}/grading#/sessions/${sessionId}`, corrector, language, { viewport: { width: 1440, height: 1100 } });
      const column = page.locator('lectern-answer-judgement .question-col');
      const variants = column.locator('.author-notes.accepted-variants');
      const misreadings = column.locator('.author-notes.likely-misreadings');
      await expect.poll(() => variants.count()).toBe(1);
      // After the key points and the interpretation, before the comment: beside what is judged.
      expect(await column.locator('ol.rows + .author-notes.accepted-variants + .author-notes.likely-misreadings + .comment').count()).toBe(1);
      expect(await variants.locator('h4').innerText()).toBe(headings[language][0]);
      expect(await misreadings.locator('h4').innerText()).toBe(headings[language][1]);
      expect(await variants.locator('li').allInnerTexts()).toEqual(q1.acceptedVariants!.map(shown));
      expect(await misreadings.locator('li').allInnerTexts()).toEqual(q1.likelyMisreadings!.map(shown));
      await variants.scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath(`grading-author-notes-${language}`) });
      expect(describeOverflow(await findOverflow(page))).toBe('');
      await page.context().close();
    });
  }
});

describe('the key points linked to a competence criterion, shown with it on the script, in Chromium', { timeout: 60_000 }, () => {
  // Issue 16, item 2: each key point of a competence section names the criterion it evidences and
  // feeds its decision; the corrector judging the criterion sees them at the levels this reading
  // gave (q5 left empty: its key points are missing, as in the jury's export; q6 not judged yet: —).
  let ccpSession: number;
  let ccpCorrector: { id: number; username: string; password: string };
  beforeAll(async () => {
    const { adminLogin, session } = await openSession(server.app, 1, 'devops-ccp-supervision');
    ccpSession = session.id;
    await startSession(server.app, adminLogin, session.id);
    const candidateId = session.candidates[0]!.id;
    const answers = { q4: 'Disponibilité mesurée par une sonde externe, temps de réponse au 95e centile.', q6: 'Alerte sur le taux d’erreur pendant 5 minutes, envoyée à l’astreinte.' };
    for (const [questionId, text] of Object.entries(answers)) await server.app.answers.save({ candidateId, questionId, revision: 1, text, receivedAt: Date.now(), late: false });
    const post = (url: string, payload: object, headers = adminLogin.headers) => server.app.inject({ method: 'POST', url, headers, payload });
    expect((await post(`/api/sessions/${session.id}/end`, {})).statusCode).toBe(200);
    ccpCorrector = await createStaff(server.app, 'corrector');
    expect((await post(`/api/grading/sessions/${session.id}/distribution`, { correctorIds: [ccpCorrector.id], doubleMarking: false })).statusCode).toBe(200);
    const login = await loginStaff(server.app, ccpCorrector.username, ccpCorrector.password);
    const mark = { candidateId, questionId: 'q4', revision: 1, keyPoints: { kp1: 'found', kp2: 'partly' }, interpretation: null, comment: '' };
    expect((await post(`/api/grading/sessions/${session.id}/answer-marks`, mark, login.headers)).statusCode).toBe(200);
  }, 60_000);

  const words = {
    fr: { criterion: 'Ils tiennent compte du SLA', linked: 'Points clés liés, dans cette lecture : q4 kp1 trouvé · q4 kp2 partiel · q5 kp1 manquant · q5 kp2 manquant · q5 kp3 manquant · q6 kp1 —' },
    en: { criterion: 'They take the SLA into account', linked: 'Linked key points, in this reading: q4 kp1 found · q4 kp2 partly · q5 kp1 missing · q5 kp2 missing · q5 kp3 missing · q6 kp1 —' },
  } as const;
  for (const language of ['fr', 'en'] as const) {
    it(`lists them under the criterion with this reading's levels (${language})`, async () => {
      const w = words[language];
      const page = await openStaffPage(browser, `${server.url}/grading#/sessions/${ccpSession}`, ccpCorrector, language, { viewport: { width: 1440, height: 1100 } });
      // The script's sheet (writing and competence criteria) is the last item: End goes there.
      await page.locator('lectern-answer-judgement').waitFor();
      await page.locator('lectern-grading-workspace').focus();
      await page.keyboard.press('End');
      const row = page.locator('lectern-script-judgement li.row', { hasText: w.criterion });
      await expect.poll(() => row.count()).toBe(1);
      expect(await row.locator('p.linked').innerText()).toBe(w.linked);
      await row.scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath(`grading-linked-key-points-${language}`) });
      expect(describeOverflow(await findOverflow(page))).toBe('');
      await page.context().close();
    });
  }
});
