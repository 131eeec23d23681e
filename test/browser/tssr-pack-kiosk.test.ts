// The TSSR pack in the real kiosk: the English guide with its tables, configuration blocks and
// diagram beside the questions, then the five French competence sections, in both languages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
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

describe('the TSSR pack in the candidate kiosk', { timeout: 60_000 }, () => {
  for (const language of ['fr', 'en'] as const) {
    it(`shows the guide, its diagram and the six sections (${language})`, async () => {
      const { session, adminLogin } = await openSession(server.app, 1, 'tssr-qp');
      const candidate = session.candidates[0]!;
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: language === 'fr' ? 'fr-FR' : 'en-GB' });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const L = language === 'fr'
        ? { session: /Code de session/, candidate: /Code candidat/, login: 'Se connecter', read: /J’ai lu/, go: 'Continuer', part: 'Partie', last: 'Accès distant et cloud' }
        : { session: /Session code/, candidate: /Candidate code/, login: 'Log in', read: /I have read/, go: 'Continue', part: 'Part', last: 'Remote access and cloud' };

      await page.goto(`${server.url}/?workstation=PC-01`);
      if (language === 'en') await page.getByRole('button', { name: 'English' }).click();
      await page.getByLabel(L.session).fill(session.code);
      await page.getByLabel(L.candidate).fill(candidate.code);
      await page.getByRole('button', { name: L.login }).click();
      await page.getByLabel(L.read).check();
      await page.getByRole('button', { name: L.go }).click();
      await startSession(server.app, adminLogin, session.id);

      const documentPane = page.locator('section[data-area="document"]');
      // The image, inlined in the sealed paper (a kiosk that reached the waiting room before the
      // start) or fetched from the pack (one that did not): the same file either way.
      const diagram = documentPane.locator('img[alt^="Diagram: the Lyon LAN"]');
      await diagram.waitFor();
      expect(await diagram.getAttribute('src')).toMatch(/^(data:image\/svg\+xml;base64,|\/api\/packs\/tssr-qp\/assets\/wireguard-sites\.svg$)/);
      await expect.poll(() => diagram.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(640);
      expect(await diagram.getAttribute('alt')).toMatch(/^Diagram: the Lyon LAN 10\.10\.0\.0\/24/);
      await expect.poll(() => documentPane.locator('table').count()).toBe(2);
      await expect.poll(() => documentPane.locator('pre code.language-ini').count()).toBe(2);
      await expect.poll(() => page.locator('textarea').count()).toBe(5);
      await page.screenshot({ path: screenshotPath(`tssr-kiosk-1-english-${language}`) });
      await diagram.scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath(`tssr-kiosk-2-diagram-${language}`) });

      const nav = page.getByRole('navigation');
      await expect.poll(() => nav.getByRole('button').count()).toBe(6);
      await nav.getByRole('button', { name: `${L.part} 6 · ${L.last}` }).click();
      await expect.poll(() => page.locator('textarea').count()).toBe(2);
      await page.getByText('rediriger le port 3389').waitFor();
      await page.screenshot({ path: screenshotPath(`tssr-kiosk-3-remote-${language}`) });
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
