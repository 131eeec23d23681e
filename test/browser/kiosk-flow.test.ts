import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshotPath, startServer } from '../helpers/browser.js';
import { openSession, startSession, type TestApp } from '../helpers/build-app.js';

let server: TestApp & { url: string };
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function storedAnswers(candidateId: number) {
  return server.app.db.$client.prepare('SELECT question_id AS q, text FROM answers WHERE candidate_id = ? ORDER BY question_id').all(candidateId) as { q: string; text: string }[];
}

/** Collects CSP violations and uncaught errors: a strict CSP must not break the page. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/.test(m.text())) problems.push(m.text());
  });
  return problems;
}

describe('the candidate kiosk, end to end in Chromium', { timeout: 60_000 }, () => {
  for (const language of ['fr', 'en'] as const) {
    it(`takes a candidate from login to receipt (${language})`, async () => {
      const { session, adminLogin } = await openSession(server.app, 1);
      const candidate = session.candidates[0]!;
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: language === 'fr' ? 'fr-FR' : 'en-GB' });
      const page = await context.newPage();
      const problems = watch(page);
      const L = language === 'fr'
        ? { session: /Code de session/, candidate: /Code candidat/, login: 'Se connecter', read: /J’ai lu/, go: 'Continuer', submit: 'Rendre ma copie', done: 'Copie rendue', wait: /Le surveillant va lancer/ }
        : { session: /Session code/, candidate: /Candidate code/, login: 'Log in', read: /I have read/, go: 'Continue', submit: 'Submit my script', done: 'Script submitted', wait: /The proctor will start/ };

      await page.goto(`${server.url}/?workstation=PC-01`);
      if (language === 'en') await page.getByRole('button', { name: 'English' }).click();
      expect(await page.evaluate(() => [document.title, document.documentElement.lang])).toEqual([language === 'fr' ? 'Lectern — Questionnaire professionnel' : 'Lectern — Professional questionnaire', language]);
      await page.screenshot({ path: screenshotPath(`kiosk-1-login-${language}`) });

      // A wrong code gets a message the candidate can act on, and no login.
      await page.getByLabel(L.session).fill(session.code);
      await page.getByLabel(L.candidate).fill('ZZZZ-ZZZZ');
      await page.getByRole('button', { name: L.login }).click();
      await expect.poll(() => page.getByRole('alert').innerText()).toMatch(language === 'fr' ? /code candidat/i : /candidate code/i);
      await page.screenshot({ path: screenshotPath(`kiosk-1b-login-error-${language}`) });

      await page.getByLabel(L.candidate).fill(candidate.code.toLowerCase());
      await page.getByRole('button', { name: L.login }).click();
      await page.getByLabel(L.read).waitFor();
      await page.screenshot({ path: screenshotPath(`kiosk-2-notice-${language}`), fullPage: true });
      await page.getByLabel(L.read).check();
      // In the waiting room the kiosk fetches the paper sealed (server/exam/sealed-paper.ts).
      const sealedFetched = page.waitForResponse((r) => r.url().endsWith('/api/attempt/sealed-paper') && r.status() === 200);
      await page.getByRole('button', { name: L.go }).click();
      await page.getByText(L.wait).waitFor();
      await sealedFetched;
      await page.screenshot({ path: screenshotPath(`kiosk-3-waiting-${language}`) });

      // Least privilege in the real browser: no document before the start.
      const early = await page.evaluate(async () => (await fetch('/api/attempt/sections/s1/document')).status);
      expect(early).toBe(403);

      const askedAfterStart: string[] = [];
      page.on('request', (r) => askedAfterStart.push(new URL(r.url()).pathname));
      await startSession(server.app, adminLogin, session.id);
      const answer = page.locator('textarea').first();
      await answer.waitFor();
      // The start opened the sealed paper: the questions, the document and its image (inlined,
      // allowed by the page's CSP) are on screen without a request to the server.
      const image = page.locator('lectern-document-pane img').first();
      await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
      expect(await image.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
      expect(askedAfterStart.filter((path) => path.startsWith('/api/attempt') || path.startsWith('/api/packs/'))).toEqual([]);
      // Language-test settings: no spellcheck, autocorrect, autocapitalisation or translation.
      expect(await answer.getAttribute('spellcheck')).toBe('false');
      expect(await answer.getAttribute('autocapitalize')).toBe('off');
      expect(await answer.getAttribute('autocorrect')).toBe('off');
      expect(await page.locator('html').getAttribute('translate')).toBe('no');
      await answer.click();
      await page.keyboard.type('Use OnCalendar=Mon..Fri 06:30 and check it with systemd-analyze calendar.');
      await expect.poll(() => storedAnswers(candidate.id).map((a) => a.text)[0], { timeout: 8000 }).toBe('Use OnCalendar=Mon..Fri 06:30 and check it with systemd-analyze calendar.');
      await expect.poll(() => page.getByText(language === 'fr' ? /Enregistré à/ : /Saved at/).count()).toBeGreaterThan(0);
      await page.screenshot({ path: screenshotPath(`kiosk-4-exam-${language}`) });

      await page.getByRole('button', { name: L.submit }).first().click();
      await page.getByRole('dialog').waitFor();
      await page.screenshot({ path: screenshotPath(`kiosk-5-submit-${language}`) });
      await page.getByRole('dialog').getByRole('button', { name: L.submit }).click();
      await page.getByText(L.done).first().waitFor();
      await page.screenshot({ path: screenshotPath(`kiosk-6-receipt-${language}`), fullPage: true });
      const digest = (server.app.db.$client.prepare('SELECT receipt_digest AS d FROM candidates WHERE id = ?').get(candidate.id) as { d: string }).d;
      // The receipt shows the digest the server recorded (in groups of 4).
      // Each group of 4 hex digits is its own element: the first and the last must be there.
      await page.getByText(digest.slice(0, 4), { exact: true }).waitFor();
      await page.getByText(digest.slice(60, 64), { exact: true }).waitFor();
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it('can be used with the keyboard alone and at 200 % text size', async () => {
    const { session, adminLogin } = await openSession(server.app, 1);
    const candidate = session.candidates[0]!;
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByLabel(/Code de session/).focus();
    await page.keyboard.type(session.code);
    await page.keyboard.press('Tab');
    await page.keyboard.type(candidate.code);
    await page.keyboard.press('Enter');
    const checkbox = page.getByLabel(/J’ai lu/);
    await checkbox.waitFor();
    await checkbox.focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText(/Le surveillant va lancer/).waitFor();
    await startSession(server.app, adminLogin, session.id);
    await page.locator('textarea').first().waitFor();
    // 200 % text: the root font size doubles (as a browser's text-size setting does).
    await page.evaluate(() => document.documentElement.style.setProperty('font-size', '200%'));
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshotPath('kiosk-7-text-200') });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    const answer = page.locator('textarea').first();
    await answer.focus();
    await page.keyboard.type('Typed at double size.');
    await expect.poll(() => storedAnswers(candidate.id)[0]?.text, { timeout: 8000 }).toBe('Typed at double size.');
    await context.close();
  });
});
