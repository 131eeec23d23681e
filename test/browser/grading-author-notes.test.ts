// Issue 16, item 2: the pack author's accepted variants and likely misreadings are shown to the
// corrector beside the key points they judge, in the question's column, in French and in English.
// The grading API test checks that the workspace carries them; this one that a corrector sees them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, screenshotPath, startServer } from '../helpers/browser.js';
import { createStaff, openSession, startSession, type TestApp } from '../helpers/build-app.js';
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
