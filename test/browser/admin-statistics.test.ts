import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, screenshotPath, startServer } from '../helpers/browser.js';
import { describeAxe, describeOverflow, findOverflow, seriousAxeViolations } from './support/screen-checks.js';
import { createStaff, type TestApp } from '../helpers/build-app.js';
import type { OverviewView } from '../../server/contract/grading.js';
import { distribute, endedSession, fullMarks, gradeScript, makeStaff } from '../server/grading/scenario.js';
import { openStaffPage } from '../helpers/browser-logins.js';

let server: TestApp & { url: string };
let browser: Browser;

const levels = ['found', 'partly', 'missing'] as const;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  // A double-marked session, both readers agreeing; q3's first key point found by everybody, so
  // it is flagged too easy (facility 1 > 0.9).
  const staff = await makeStaff(server.app);
  const s = await endedSession(server.app, staff);
  const [a, b] = s.correctors;
  const overview = (await distribute(server.app, s, [a!.id, b!.id], true)) as OverviewView;
  for (const script of overview.scripts) {
    const marks = fullMarks(levels[s.candidates.findIndex((c) => c.id === script.candidateId)]!, [3, 3, 3, 3]);
    marks.answers.q3!.keyPoints.kp1 = 'found';
    for (const reader of script.readers) await gradeScript(server.app, reader.correctorId === a!.id ? a!.login : b!.login, s.sessionId, script.candidateId, marks);
  }
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the item statistics tab, in Chromium', { timeout: 60_000 }, () => {
  const words = {
    fr: { tab: 'Statistiques', easy: 'trop facile', alpha: 'Alpha de Cronbach', csv: 'CSV long (Rasch)' },
    en: { tab: 'Statistics', easy: 'too easy', alpha: "Cronbach's alpha", csv: 'Long CSV (Rasch)' },
  } as const;

  for (const language of ['fr', 'en'] as const) {
    it(`shows the figures and flags the easy key point (${language})`, async () => {
      const admin = await createStaff(server.app, 'admin');
      const w = words[language];
      const page = await openStaffPage(browser, `${server.url}/admin`, admin, language, { viewport: { width: 1400, height: 900 } });
      const context = page.context();
      await page.getByRole('button', { name: w.tab }).click();
      await expect.poll(() => page.getByText(w.alpha).count()).toBe(1);
      const flagged = page.locator('lectern-admin-statistics tr.flagged');
      await expect.poll(() => flagged.count()).toBeGreaterThan(0);
      expect(await page.locator('lectern-admin-statistics tr.keypoint', { hasText: 'kp1 ·' }).filter({ hasText: w.easy }).count()).toBeGreaterThan(0);
      expect(await page.getByRole('link', { name: w.csv }).getAttribute('href')).toBe(`/api/grading/statistics/long.csv?lang=${language}`);
      await page.screenshot({ path: screenshotPath(`admin-statistics-${language}`), fullPage: true });
      // Issue 13, items 1 and 6: every figure inside its box at 1400 px, and no serious axe finding.
      const overflow = await findOverflow(page);
      expect(overflow, describeOverflow(overflow)).toEqual([]);
      const axe = await seriousAxeViolations(page);
      expect(axe, describeAxe(axe)).toEqual([]);
      await context.close();
    });
  }
});
