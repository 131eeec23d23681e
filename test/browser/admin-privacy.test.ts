import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, screenshotDir, screenshotPath, startServer } from '../helpers/browser.js';
import { createStaff, type TestApp } from '../helpers/build-app.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DAY, countsOf, seedSessions } from '../server/privacy/purge-fixture.js';
import { supervisedRoom } from '../server/proctor/helpers.js';
import { newCoordinatorKey, unseal } from '../../server/common/sealed-file.js';
import { openStaffPage } from '../helpers/browser-logins.js';
import { describeAxe, describeOverflow, findOverflow, seriousAxeViolations } from './support/screen-checks.js';

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

describe('the admin’s "Données" tab, in Chromium', { timeout: 90_000 }, () => {
  it('holds a disputed session, previews the purge, deletes the rest, and lists who read what (French)', async () => {
    const now = Date.now();
    const ids = seedSessions(server.app.db, [
      { code: 'OLDA', endedAt: now - 400 * DAY, juryExported: true },
      { code: 'OLDB', endedAt: now - 400 * DAY, juryExported: true },
      { code: 'NOEX', endedAt: now - 400 * DAY, juryExported: false },
      { code: 'RECENT', endedAt: now - 5 * DAY, juryExported: true },
    ]);
    const admin = await createStaff(server.app, 'admin');
    const page = await openStaffPage(browser, `${server.url}/admin`, admin, 'fr', { viewport: { width: 1366, height: 900 } });
    const context = page.context();
    await page.getByRole('button', { name: 'Données' }).click();
    await expect.poll(() => page.getByText('Durées de conservation après la fin de la session').count()).toBe(1);
    await expect.poll(() => page.getByText('365 jours').count()).toBe(2);

    // A dispute on OLDB: hold it.
    const row = page.getByRole('row').filter({ hasText: 'OLDB' });
    await row.getByLabel('Motif du gel (contestation en cours)').fill('Recours déposé le 3 mars');
    await row.getByRole('button', { name: 'Geler' }).click();
    await expect.poll(() => row.getByText(/Gelée depuis le .*Recours déposé le 3 mars/).count()).toBe(1);
    await page.screenshot({ path: screenshotPath('admin-privacy-1-sessions-fr'), fullPage: true });
    // The force box is a box one can see and hit, not squeezed by its label's text.
    const force = await page.getByLabel('Même sans export jury (forcé, inscrit au journal)').boundingBox();
    expect(force?.width).toBeGreaterThanOrEqual(12);
    expect(force?.height).toBeGreaterThanOrEqual(12);
    expect(describeOverflow(await findOverflow(page))).toBe('');
    expect(describeAxe(await seriousAxeViolations(page))).toBe('');

    // Preview by the retention periods: nothing is deleted yet.
    await page.getByRole('button', { name: 'Voir ce qui serait supprimé' }).click();
    await expect.poll(() => page.getByText('gardé (copies et notes) : gelée : rien n’est supprimé').count()).toBe(1);
    await expect.poll(() => page.getByText('gardé (copies et notes) : export jury pas encore fait : copies et noms gardés').count()).toBe(1);
    expect(countsOf(server.app.db, ids.get('OLDA')!).answers).toBe(2);
    await page.screenshot({ path: screenshotPath('admin-privacy-2-preview-fr'), fullPage: true });

    await page.getByRole('button', { name: 'Supprimer définitivement' }).click();
    await expect.poll(() => page.getByText('Données supprimées pour 2 sessions.').count()).toBe(1);
    expect(countsOf(server.app.db, ids.get('OLDA')!)).toMatchObject({ answers: 0, names: 0, events: 0 });
    expect(countsOf(server.app.db, ids.get('OLDB')!)).toMatchObject({ answers: 2, names: 2, events: 2 });
    expect(countsOf(server.app.db, ids.get('NOEX')!)).toMatchObject({ answers: 2, names: 2, events: 0 });
    expect(countsOf(server.app.db, ids.get('RECENT')!)).toMatchObject({ answers: 2, names: 2, events: 2 });

    // The jury export of RECENT, read by the admin, appears in the access log... through the API the page lists.
    // Without a coordinator key, the sealed exports' section says how to set one.
    await expect.poll(() => page.getByText(/Aucune clé du coordinateur n’est configurée/).count()).toBe(1);
    await page.screenshot({ path: screenshotPath('admin-privacy-3-purged-fr'), fullPage: true });
    await context.close();
  });

  it('words the tab in English, with a reader in the access log', async () => {
    const admin = await createStaff(server.app, 'admin');
    const corrector = await createStaff(server.app, 'corrector');
    const sessionId = seedSessions(server.app.db, [{ code: 'ENGL', endedAt: Date.now() - 10 * DAY, juryExported: false }]).get('ENGL')!;
    server.app.audit.append({ actorKind: 'account', actorId: corrector.id, sessionId, action: 'data.read', detail: { kinds: ['answers', 'grades'], route: '/api/grading/sessions/:id/workspace' } });
    const page = await openStaffPage(browser, `${server.url}/admin`, admin, 'en', { viewport: { width: 1366, height: 900 } });
    const context = page.context();
    await page.getByRole('button', { name: 'Data' }).click();
    const read = page.getByRole('row').filter({ hasText: corrector.username });
    await expect.poll(() => read.getByText('scripts, marks').count()).toBe(1);
    await expect.poll(() => read.getByText('Grading workspace').count()).toBe(1);
    await expect.poll(() => page.getByText('Retention periods after the session ended').count()).toBe(1);
    await page.screenshot({ path: screenshotPath('admin-privacy-4-en'), fullPage: true });
    expect(describeOverflow(await findOverflow(page))).toBe('');
    expect(describeAxe(await seriousAxeViolations(page))).toBe('');
    await context.close();
  });

  it('downloads an export sealed for the coordinator’s key, which opens into the plain export', async () => {
    const key = await newCoordinatorKey();
    const sealing = await startServer({ sealRecipient: key.recipient });
    try {
      const room = await supervisedRoom(sealing.app, 2);
      const page = await openStaffPage(browser, `${sealing.url}/admin`, room.admin, 'fr', { viewport: { width: 1366, height: 900 }, acceptDownloads: true });
      const context = page.context();
      await page.getByRole('button', { name: 'Données' }).click();
      await expect.poll(() => page.getByText(key.recipient).count()).toBe(1);
      await page.getByRole('combobox', { name: /^Fichier/ }).selectOption('candidates.csv');
      await page.screenshot({ path: screenshotPath('admin-privacy-5-sealed-fr'), fullPage: true });
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Télécharger chiffré (.age)' }).click()]);
      expect(download.suggestedFilename()).toMatch(/^candidats-.*\.csv\.age$/);
      // Saved where the test can read it: a browser this file connects to has no local download path.
      const sealedPath = join(screenshotDir, 'admin-privacy-sealed.csv.age');
      await download.saveAs(sealedPath);
      const opened = await unseal(readFileSync(sealedPath), key.identity);
      const plain = await sealing.app.inject({ method: 'GET', url: `/api/sessions/${room.session.id}/candidates.csv?lang=fr`, headers: room.adminLogin.headers });
      expect(opened.ok && Buffer.from(opened.bytes).toString('utf8')).toBe(plain.body);
      await context.close();
    } finally {
      await sealing.close();
    }
  });
});
