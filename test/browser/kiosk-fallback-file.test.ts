// Issue 10, item 4, in a real browser: a Chromium kiosk loses its server for good (stopped, never
// started again); after the set time (shortened here) it offers the fallback file, saves it through
// the browser's download, and the file is imported into a fresh server restored from the last
// backup: every character the kiosk had, including those typed after the server was gone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildApp } from '../../server/app.js';
import type { FallbackImportResult } from '../../server/contract/fallback-file.js';
import { launchChromium, screenshotPath } from '../helpers/browser.js';
import { bundledContentDir, openSession, startSession, storedAnswerText } from '../helpers/build-app.js';
import { describeAxe, describeOverflow, findOverflow, seriousAxeViolations } from './support/screen-checks.js';
import { enterKiosk } from '../helpers/browser-logins.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const fallbackParts = ['lectern-fallback-offer', 'lectern-fallback-proctor'];

/** The fallback parts' own boxes and names (the exam behind them has its own checks elsewhere). */
async function expectFallbackPartsHold(page: Page, label: string): Promise<void> {
  const overflow = (await findOverflow(page)).filter((o) => fallbackParts.some((part) => o.path.includes(part)));
  expect(overflow, `${label}:\n${describeOverflow(overflow)}`).toEqual([]);
  const axe = (await seriousAxeViolations(page)).filter((v) => v.targets.some((target) => fallbackParts.some((part) => target.includes(part))));
  expect(axe, `${label}:\n${describeAxe(axe)}`).toEqual([]);
}

/** The exam's box (where the answer field scrolls) lies wholly below the offer and above the proctor's row. */
async function expectBesideTheExam(page: Page, part: 'lectern-fallback-offer' | 'lectern-fallback-proctor'): Promise<void> {
  const exam = (await page.locator('lectern-kiosk main').boundingBox())!;
  const box = (await page.locator(part).boundingBox())!;
  expect(box.height).toBeGreaterThan(0);
  if (part === 'lectern-fallback-offer') expect(box.y + box.height).toBeLessThanOrEqual(exam.y + 0.5);
  else expect(box.y).toBeGreaterThanOrEqual(exam.y + exam.height - 0.5);
}

/** The element that has the focus, looked for through the shadow roots. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el ? `${el.tagName.toLowerCase()}${el.getAttribute('data-action') ? `[${el.getAttribute('data-action')}]` : ''}` : '';
  });

const ZOOM_200 = { width: 683, height: 384 };
const SCREEN = { width: 1366, height: 768 };

describe('a server that never comes back', { timeout: 180_000 }, () => {
  it('the kiosk offers the fallback file, and a restored server imports every character from it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lectern-fallback-'));
    const newDataDir = mkdtempSync(join(tmpdir(), 'lectern-fallback-new-'));
    const backup = join(mkdtempSync(join(tmpdir(), 'lectern-fallback-backup-')), 'backup.sqlite');
    const app = await buildApp({ dataDir, contentDir: bundledContentDir, fallbackOfferAfterMs: 3000 });
    let restored: Awaited<ReturnType<typeof buildApp>> | null = null;
    try {
      await app.listen({ host: '127.0.0.1', port: 0 });
      const address = app.server.address();
      const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      const { session, adminLogin } = await openSession(app, 1);
      const candidate = session.candidates[0]!;
      const stored = () => storedAnswerText(app, candidate.id);

      const context = await browser.newContext({ acceptDownloads: true, viewport: SCREEN });
      const page = await context.newPage();
      await enterKiosk(page, `${url}/`, session.code, candidate.code);
      await startSession(app, adminLogin, session.id);
      const field = page.locator('textarea').first();

      // The proctor's entry: a row at the foot of the kiosk, below the exam (it used to float over
      // the answer field's corner); its form takes the focus and gives it back on Escape.
      const proctorButton = page.getByRole('button', { name: 'Surveillant : fichier de secours' });
      await proctorButton.waitFor();
      await expectBesideTheExam(page, 'lectern-fallback-proctor');
      await proctorButton.click();
      await expect.poll(() => focused(page)).toBe('input');
      await page.getByLabel('Code surveillant du fichier de secours').fill('WRONG1');
      await page.keyboard.press('Enter');
      await page.getByText('Ce n’est pas le code surveillant de cette session').waitFor();
      await expectFallbackPartsHold(page, 'proctor form fr');
      await page.screenshot({ path: screenshotPath('kiosk-fallback-proctor-fr') });
      await page.keyboard.press('Escape');
      await expect.poll(() => focused(page)).toBe('button[fallback-proctor]');
      await expectBesideTheExam(page, 'lectern-fallback-proctor');
      await field.click();
      const early = 'Saved before the backup. ';
      await page.keyboard.type(early);
      await expect.poll(stored, { timeout: 10_000 }).toBe(early);
      // The last backup: it has the key issued at login and the early text only.
      await app.db.$client.backup(backup);
      const late = 'Saved after the backup. ';
      await page.keyboard.type(late);
      await expect.poll(stored, { timeout: 10_000 }).toBe(early + late);

      await app.close();
      const offline = 'Typed while the server was gone.';
      await page.keyboard.type(offline);
      const offer = page.locator('[data-offer="fallback"]');
      await offer.waitFor({ timeout: 20_000 });
      expect(await offer.textContent()).toContain('Le serveur ne répond plus');
      // The offer sits above the exam, never over the answer; the proctor's row steps aside.
      await expectBesideTheExam(page, 'lectern-fallback-offer');
      await expect.poll(() => proctorButton.count()).toBe(0);
      await expectFallbackPartsHold(page, 'offer fr 1366x768');
      await page.screenshot({ path: screenshotPath('kiosk-fallback-offer-fr') });
      // Escape, pressed in the answer field, folds the explanation away; the candidate types on.
      const fold = offer.locator('[data-action="fold"]');
      const tall = (await offer.boundingBox())!.height;
      await page.keyboard.press('Escape');
      await expect.poll(() => fold.getAttribute('aria-expanded')).toBe('false');
      expect(await fold.textContent()).toContain('Afficher l’explication');
      expect((await offer.boundingBox())!.height).toBeLessThan(tall);
      const folded = ' Typed with the offer folded.';
      await page.keyboard.type(folded);
      await expect.poll(() => field.inputValue()).toBe(early + late + offline + folded);
      await expectFallbackPartsHold(page, 'offer folded fr');
      await page.screenshot({ path: screenshotPath('kiosk-fallback-offer-folded-fr') });
      await fold.click();
      await expect.poll(() => fold.getAttribute('aria-expanded')).toBe('true');
      await page.setViewportSize(ZOOM_200);
      await expectBesideTheExam(page, 'lectern-fallback-offer');
      await expectFallbackPartsHold(page, 'offer fr zoom200');
      await page.screenshot({ path: screenshotPath('kiosk-fallback-offer-fr-zoom200') });
      await page.setViewportSize(SCREEN);

      const downloading = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Enregistrer mes réponses dans un fichier de secours' }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(new RegExp(`^lectern-secours-${session.code.replace('-', '')}-${candidate.code.replace('-', '')}-[0-9T-]+Z\\.lectern$`));
      const file = join(newDataDir, download.suggestedFilename());
      await download.saveAs(file);
      await page.getByText(/Fichier de secours enregistré/).waitFor();

      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('button', { name: 'Save my answers to a fallback file' }).waitFor();
      await page.getByText(/Fallback file saved: lectern-secours-/).waitFor();
      await expect.poll(() => offer.locator('[data-action="fold"]').textContent()).toContain('Hide the explanation');
      await expectFallbackPartsHold(page, 'offer en 1366x768');
      await page.screenshot({ path: screenshotPath('kiosk-fallback-offer-en') });
      await page.setViewportSize(ZOOM_200);
      await expectBesideTheExam(page, 'lectern-fallback-offer');
      await expectFallbackPartsHold(page, 'offer en zoom200');
      await page.screenshot({ path: screenshotPath('kiosk-fallback-offer-en-zoom200') });
      await context.close();

      // A replacement server on the last backup, and the file imported from the admin's route.
      copyFileSync(backup, join(newDataDir, 'lectern.sqlite'));
      restored = await buildApp({ dataDir: newDataDir, contentDir: bundledContentDir });
      await restored.ready();
      const restoredText = () => storedAnswerText(restored!, candidate.id);
      expect(restoredText()).toBe(early);
      const response = await restored.inject({ method: 'POST', url: '/api/admin/fallback-import', headers: adminLogin.headers, payload: { files: [{ name: download.suggestedFilename(), content: readFileSync(file, 'utf8') }] } });
      expect(response.statusCode).toBe(200);
      expect(response.json<FallbackImportResult>().files[0]).toMatchObject({ outcome: 'imported', imported: ['q1'] });
      expect(restoredText()).toBe(early + late + offline + folded);
    } finally {
      await app.close().catch(() => undefined);
      await restored?.close();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(newDataDir, { recursive: true, force: true });
    }
  });
});
