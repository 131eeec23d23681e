// The admin's pages for issue 11 in Chromium: a faulty candidate file lists every faulty line in
// the reader's language and creates nothing; an account's new password is shown once; a disabled
// account reads as such; and one's own password is changed from the header.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshotPath, startServer } from '../helpers/browser.js';
import { createStaff, loginStaff, type TestApp } from '../helpers/build-app.js';
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

async function adminPage(language: 'fr' | 'en'): Promise<{ page: Page; close: () => Promise<void> }> {
  const admin = await createStaff(server.app, 'admin');
  const page = await openStaffPage(browser, `${server.url}/admin`, admin, language, { viewport: { width: 1280, height: 900 } });
  const context = page.context();
  return { page, close: () => context.close() };
}

const faulty = 'Nom;Prénom;Numéro;Poste;Aménagement;Motif\nMartin;Jeanne;1;PC-01;1/3;Dyslexie\nPetit;Paul;1;PC-01;beaucoup;Fatigue\n';

describe('the admin’s accounts and lists, in Chromium', { timeout: 90_000 }, () => {
  for (const language of ['fr', 'en'] as const) {
    it(`lists every faulty line of a candidate file and creates nothing (${language})`, async () => {
      const before = server.app.exam.sessions().length;
      const { page, close } = await adminPage(language);
      await page.getByLabel(language === 'fr' ? /liste du centre, fichier CSV/ : /centre’s list, a CSV file/).setInputFiles({ name: 'candidats.csv', mimeType: 'text/csv', buffer: Buffer.from(faulty, 'utf8') });
      await page.getByRole('button', { name: language === 'fr' ? 'Créer la session' : 'Create the session' }).click();
      const expected =
        language === 'fr'
          ? ['Ligne 3 : aménagement « beaucoup » inconnu', 'Ligne 3 : le candidat numéro 1 figure déjà ligne 2.', 'Ligne 3 : le poste PC-01 est déjà attribué ligne 2.']
          : ['Line 3: unknown accommodation "beaucoup"', 'Line 3: candidate number 1 is already on line 2.', 'Line 3: workstation PC-01 is already given on line 2.'];
      for (const text of expected) await page.getByText(text).waitFor();
      await page.getByText(language === 'fr' ? 'Le fichier a 3 problèmes : rien n’a été importé.' : 'The file has 3 problems: nothing was imported.').waitFor();
      await page.screenshot({ path: screenshotPath(`admin-3-csv-problems-${language}`), fullPage: true });
      expect(server.app.exam.sessions()).toHaveLength(before);
      await close();
    });
  }

  it('shows a new password once, disables an account, and lets the admin change their own password', async () => {
    const proctor = await createStaff(server.app, 'proctor', 'paulette');
    const { page, close } = await adminPage('fr');
    await page.getByRole('button', { name: 'Comptes', exact: true }).click();
    const row = page.locator('tr[data-username="paulette"]');
    page.once('dialog', (d) => void d.accept());
    await row.getByRole('button', { name: 'Nouveau mot de passe' }).click();
    const shown = await page.getByText(/^Nouveau mot de passe de paulette : /).innerText();
    const password = /: (\S+)\. Il n’est affiché/.exec(shown)?.[1];
    expect(password).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    await page.screenshot({ path: screenshotPath('admin-4-password-shown-once'), fullPage: true });
    await expect(loginStaff(server.app, 'paulette', password!)).resolves.toBeDefined();
    await expect(loginStaff(server.app, 'paulette', proctor.password)).rejects.toThrow(/401/);

    page.once('dialog', (d) => void d.accept());
    await row.getByRole('button', { name: 'Désactiver' }).click();
    await page.getByText('Compte paulette désactivé.').waitFor();
    await expect.poll(() => row.locator('td').nth(3).innerText()).toBe('désactivé');
    await row.getByRole('button', { name: 'Réactiver' }).waitFor();
    await page.screenshot({ path: screenshotPath('admin-5-account-disabled'), fullPage: true });

    // The admin's own password, from the header.
    const me = server.app.db.$client.prepare("SELECT username FROM accounts WHERE role = 'admin' ORDER BY id DESC LIMIT 1").get() as { username: string };
    await page.getByRole('button', { name: 'Mon mot de passe' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Mot de passe actuel').fill('correct horse battery staple');
    await dialog.getByLabel(/^Nouveau mot de passe \(12/).fill('un nouveau mot de passe');
    await dialog.getByLabel('Nouveau mot de passe, une seconde fois').fill('un nouveau mot de passe');
    await dialog.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await dialog.getByText('Mot de passe changé. Vos autres sessions ont été fermées.').waitFor();
    await page.screenshot({ path: screenshotPath('admin-6-own-password') });
    await expect(loginStaff(server.app, me.username, 'un nouveau mot de passe')).resolves.toBeDefined();
    await close();
  });
});
