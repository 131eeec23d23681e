import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, screenshotPath, startServer } from '../helpers/browser.js';
import { openSession, type TestApp } from '../helpers/build-app.js';

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

describe('a page built for another protocol version', { timeout: 60_000 }, () => {
  it('tells the candidate to reload, and reloading brings a page the server accepts', async () => {
    const { session } = await openSession(server.app, 1);
    const candidate = session.candidates[0]!;
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR' });
    // The page announces an old version on its first socket only, as a kiosk left open while the
    // server was updated would; after the reload it is the current page again.
    await context.addInitScript(() => {
      if (sessionStorage.getItem('lectern.test.outdated') === 'done') return;
      const Native = window.WebSocket;
      window.WebSocket = class extends Native {
        constructor(url: string | URL, protocols?: string | string[]) {
          sessionStorage.setItem('lectern.test.outdated', 'done');
          super(String(url).replace(/([?&]v=)\d+/, '$10'), protocols);
        }
      };
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/?workstation=PC-01`);
    await page.getByLabel(/Code de session/).fill(session.code);
    await page.getByLabel(/Code candidat/).fill(candidate.code);
    await page.getByRole('button', { name: 'Se connecter' }).click();

    const notice = page.getByRole('alertdialog');
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(/Cette page n’est plus à jour[\s\S]*Rechargez-la/);
    await page.screenshot({ path: screenshotPath('kiosk-outdated-fr') });

    await page.getByRole('button', { name: 'Recharger la page' }).click();
    await page.getByLabel(/J’ai lu/).waitFor();
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    await context.close();
  });
});
