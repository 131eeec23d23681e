// The admin page with parallel forms, a pilot session and the timing per question, in Chromium:
// the session form offers the pack's forms and the pilot box, the list marks the pilot, the
// Statistics tab shows the time per question and the forms, and a form is retired from it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, screenshotPath, startServer } from '../helpers/browser.js';
import { createStaff, loginStaff, type Login, type TestApp } from '../helpers/build-app.js';
import { describeAxe, describeOverflow, findOverflow, seriousAxeViolations } from './support/screen-checks.js';
import { openStaffPage } from '../helpers/browser-logins.js';

let server: TestApp & { url: string };
let browser: Browser;
let admin: { username: string; password: string };

async function post(login: Login, url: string, payload: Record<string, unknown>) {
  const r = await server.app.inject({ method: 'POST', url, headers: login.headers, payload });
  if (r.statusCode !== 200) throw new Error(`${url}: ${r.body}`);
  return r.json<{ id: number; candidates: { id: number }[] }>();
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  admin = await createStaff(server.app, 'admin');
  const login = await loginStaff(server.app, admin.username, admin.password);
  // A session on form B: one candidate writes b1 from the first to the fourth minute, then b6.
  const onB = await post(login, '/api/sessions', { packId: 'devops-title-qp', formId: 'b', room: 'B202', candidateCount: 2 });
  await post(login, `/api/sessions/${onB.id}/start`, {});
  const start = server.app.exam.requireSession(onB.id).startedAt!;
  const candidateId = onB.candidates[0]!.id;
  const saves: [string, number, string][] = [['b1', 1, 'weekly'], ['b1', 4, 'weekly rotate 8 compress, notifempty skips an empty log'], ['b6', 6, 'Hi Priya, add su myapp myapp to the block.']];
  for (const [i, [questionId, minute, text]] of saves.entries()) {
    await server.app.answers.save({ candidateId, questionId, revision: i + 1, text, receivedAt: start + minute * 60_000, late: false });
  }
  await post(login, `/api/sessions/${onB.id}/end`, {});
  await post(login, '/api/sessions', { packId: 'devops-title-qp', formId: 'a', pilot: true, title: 'Essai des questions', room: 'A101', candidateCount: 3 });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('parallel forms, pilots and timing on the admin page, in Chromium', { timeout: 60_000 }, () => {
  const words = {
    fr: { tab: 'Statistiques', pilot: 'Pilote', formB: 'Forme B — logrotate', timing: 'Temps par question', forms: 'Formes parallèles', retire: 'Retirer', retired: 'Forme B retirée.', retiredOn: /Retirée le .*: Exposée trop souvent/ },
    en: { tab: 'Statistics', pilot: 'Pilot', formB: 'Form B — logrotate', timing: 'Time per question', forms: 'Parallel forms', retire: 'Retire', retired: 'Form B retired.', retiredOn: /Retired on .*: Exposée trop souvent/ },
  } as const;

  for (const language of ['fr', 'en'] as const) {
    it(`offers the forms, marks the pilot, shows the timing and retires a form (${language})`, async () => {
      const w = words[language];
      const page = await openStaffPage(browser, `${server.url}/admin`, admin, language, { viewport: { width: 1400, height: 900 } });
      const context = page.context();
      // The session list marks the pilot; the form offers the DevOps pack's forms.
      await expect.poll(() => page.locator('lectern-admin-sessions tr', { hasText: 'Essai des questions' }).filter({ hasText: w.pilot }).count()).toBe(1);
      await page.locator('lectern-admin-sessions select[name="packId"]').selectOption('devops-title-qp');
      const formOptions = page.locator('lectern-admin-sessions select[name="formId"] option');
      // Form B is offered, marked retired once the French run has retired it.
      await expect.poll(async () => (await formOptions.allTextContents()).filter((o) => o.startsWith(w.formB)).length).toBe(1);
      await page.screenshot({ path: screenshotPath(`admin-forms-sessions-${language}`), fullPage: true });

      await page.getByRole('button', { name: w.tab }).click();
      await expect.poll(() => page.getByRole('heading', { name: w.timing }).count()).toBe(1);
      // b1: the one candidate who came wrote (the other never logged in: absent at the end) ...
      const b1 = page.locator('lectern-timing-figures tr', { hasText: 'b1' });
      await expect.poll(() => b1.count()).toBe(1);
      // ... first save at 1 min, 3 min spent on it until the save at 4 min, last addition at 4 min.
      expect((await b1.locator('td').allTextContents()).map((x) => x.replace(/\s/g, ' '))).toEqual(['100 %', '1 min', '3 min', expect.any(String), '0 %', '4 min'].map((x) => (language === 'en' && typeof x === 'string' ? x.replace(' %', '%') : x)));
      // The forms section fetches its own figures: wait for it before checking the whole page.
      await expect.poll(() => page.getByRole('heading', { name: w.forms }).count()).toBe(1);
      expect(await seriousAxeViolations(page).then(describeAxe)).toBe('');
      expect(describeOverflow(await findOverflow(page))).toBe('');

      if (language === 'fr') {
        page.once('dialog', (dialog) => void dialog.accept('Exposée trop souvent'));
        await page.locator('lectern-admin-forms tr', { hasText: 'B · ' }).getByRole('button', { name: w.retire }).click();
        await expect.poll(() => page.getByText(w.retired).count()).toBe(1);
      }
      await expect.poll(() => page.locator('lectern-admin-forms tr', { hasText: 'B · ' }).filter({ hasText: w.retiredOn }).count()).toBe(1);
      await page.screenshot({ path: screenshotPath(`admin-forms-statistics-${language}`), fullPage: true });
      await context.close();
    });
  }
});
