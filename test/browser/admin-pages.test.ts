import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, screenshotPath, startServer } from '../helpers/browser.js';
import { createStaff, type TestApp } from '../helpers/build-app.js';
import { openStaffPage } from '../helpers/browser-logins.js';

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

describe('the administrator’s pages, in Chromium', { timeout: 60_000 }, () => {
  const words = {
    fr: { user: 'Identifiant', password: 'Mot de passe', login: 'Se connecter', tab: 'Comptes', name: 'Nom affiché', newPassword: /Mot de passe \(12/, create: 'Créer le compte', taken: 'Cet identifiant est déjà pris : choisissez-en un autre.' },
    en: { user: 'User name', password: 'Password', login: 'Log in', tab: 'Accounts', name: 'Display name', newPassword: /Password \(at least 12/, create: 'Create the account', taken: 'This user name is already taken: choose another one.' },
  } as const;

  for (const language of ['fr', 'en'] as const) {
    it(`words a server refusal in the reader’s language (${language})`, async () => {
      const admin = await createStaff(server.app, 'admin');
      const taken = await createStaff(server.app, 'proctor');
      const w = words[language];
      const page = await openStaffPage(browser, `${server.url}/admin`, admin, language, { viewport: { width: 1280, height: 800 } });
      const context = page.context();
      await page.getByRole('button', { name: w.tab }).click();
      await page.screenshot({ path: screenshotPath(`admin-1-accounts-${language}`), fullPage: true });

      // A user name already in use: the server answers a code, the page says it in this language.
      await page.getByLabel(w.user, { exact: true }).fill(taken.username);
      await page.getByLabel(w.name).fill('Someone Else');
      await page.getByLabel(w.newPassword).fill('another long password');
      await page.getByRole('button', { name: w.create }).click();
      await expect.poll(() => page.getByText(w.taken).count()).toBe(1);
      await page.screenshot({ path: screenshotPath(`admin-2-username-taken-${language}`), fullPage: true });
      await context.close();
    });
  }
});
