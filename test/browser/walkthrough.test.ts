// The walkthrough of docs/walkthrough.md ("L'examen blanc en dix minutes"), step by step in
// Chromium on a fresh server: the admin creates a proctor and a corrector, opens a session from
// the centre's CSV of two candidates, the proctor prints the slips and runs the exam from two
// kiosks, the corrector grades, the admin closes grading and exports for the jury. Each step
// leaves a screenshot (test-output/walkthrough-*.png).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, screenshotDir, screenshotPath, startServer } from '../helpers/browser.js';
import { createStaff, type TestApp } from '../helpers/build-app.js';
import { formatCode } from '../../server/contract/rules/code-format.js';
import { enterKiosk } from '../helpers/browser-logins.js';

let server: TestApp & { url: string };
let browser: Browser;
const problems: string[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const STAFF_PASSWORD = 'mot de passe du centre 2026';
/** The file of docs/walkthrough.md, as a French spreadsheet saves it (';', accents, an accommodation). */
const CANDIDATES_CSV = 'Nom;Prénom;Numéro de candidat;Poste;Aménagement;Motif\r\nMartin;Jeanne;2026-001;PC-01;1/3;Dyslexie\r\nDurand;Éloïse;2026-002;PC-02;;\r\n';

async function open(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'fr-FR', acceptDownloads: true });
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Uncaught/.test(m.text())) problems.push(m.text());
  });
  return { context, page };
}

async function staffLogin(page: Page, path: string, username: string, password: string) {
  await page.goto(`${server.url}${path}`);
  await page.getByLabel('Identifiant', { exact: true }).fill(username);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

/** Tomorrow at 09:00 as a datetime-local field takes it. */
function tomorrowNine(): string {
  const d = new Date(Date.now() + 86_400_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T09:00`;
}

const workspace = (page: Page) => page.locator('lectern-grading-workspace');
/** The kind, script code and judgement rows of the item the corrector sees. */
const current = (page: Page) =>
  workspace(page).evaluate((el) => {
    const root = el.shadowRoot!;
    const answer = root.querySelector('lectern-answer-judgement');
    const inner = (answer ?? root.querySelector('lectern-script-judgement'))?.shadowRoot;
    return {
      kind: answer ? 'answer' : 'script',
      code: (root.querySelector('.where .code')?.textContent ?? '').replace(/^(Copie|Script) /, ''),
      question: answer ? (inner?.querySelector('#q-title')?.textContent ?? '') : '',
      rows: inner ? inner.querySelectorAll('li.row').length : 0,
    };
  });

describe('the ten-minute mock exam (docs/walkthrough.md), in Chromium', { timeout: 240_000 }, () => {
  it('goes from a fresh server to the jury’s export', async () => {
    // Step 1, installation, is `npm install && npm start`: the server prints the admin's password.
    const first = await createStaff(server.app, 'admin', 'admin', STAFF_PASSWORD);

    // Step 2: the admin creates a proctor and a corrector.
    const admin = await open();
    await staffLogin(admin.page, '/admin', first.username, STAFF_PASSWORD);
    await admin.page.getByRole('button', { name: 'Comptes', exact: true }).click();
    for (const [username, name, role] of [['surveillant', 'Sophie Surveillante', 'proctor'], ['correcteur', 'Charles Correcteur', 'corrector']] as const) {
      await admin.page.getByLabel('Identifiant', { exact: true }).fill(username);
      await admin.page.getByLabel('Nom affiché').fill(name);
      await admin.page.getByLabel('Rôle').selectOption(role);
      await admin.page.getByLabel(/^Mot de passe \(12/).fill(STAFF_PASSWORD);
      await admin.page.getByRole('button', { name: 'Créer le compte' }).click();
      await admin.page.getByText(`Compte ${username} créé.`).waitFor();
    }
    await admin.page.screenshot({ path: screenshotPath('walkthrough-1-accounts'), fullPage: true });

    // Step 3: a session from the centre's CSV, with its date, proctor and corrector.
    await admin.page.getByRole('button', { name: 'Sessions', exact: true }).click();
    await admin.page.getByLabel('Sujet').selectOption('devops-title-qp');
    await admin.page.getByLabel('Salle').fill('B12');
    await admin.page.getByLabel('Date et heure de l’épreuve').fill(tomorrowNine());
    await admin.page.getByLabel(/liste du centre, fichier CSV/).setInputFiles({ name: 'candidats.csv', mimeType: 'text/csv', buffer: Buffer.from(CANDIDATES_CSV, 'utf8') });
    await admin.page.getByLabel(/Sophie Surveillante/).check();
    await admin.page.getByLabel(/Charles Correcteur/).check();
    await admin.page.getByRole('button', { name: 'Créer la session' }).click();
    await admin.page.getByText(/^Session .+ créée\.$/).waitFor();
    await admin.page.screenshot({ path: screenshotPath('walkthrough-2-session-created'), fullPage: true });
    const session = server.app.exam.sessions()[0]!;
    const candidates = server.app.exam.candidates(session.id);
    expect(candidates.map((c) => c.workstation)).toEqual(['PC-01', 'PC-02']);
    expect(server.app.exam.staffIds(session.id, 'proctor')).toHaveLength(1);

    // Step 4: the proctor opens the dashboard and prints the slips.
    const proctor = await open();
    await staffLogin(proctor.page, '/proctor', 'surveillant', STAFF_PASSWORD);
    await proctor.page.getByRole('button', { name: 'Surveiller' }).click();
    await proctor.page.getByRole('button', { name: /Démarrer l’épreuve/ }).waitFor();
    const slips = await proctor.context.newPage();
    await slips.goto(`${server.url}/proctor/sessions/${session.id}/slips?lang=fr`);
    for (const c of candidates) await slips.getByText(formatCode(c.code)).first().waitFor();
    await slips.screenshot({ path: screenshotPath('walkthrough-3-slips'), fullPage: true });
    await slips.close();

    // Step 5: two kiosks log in with their slips and read the monitoring notice.
    const kiosks: Page[] = [];
    for (const c of candidates) {
      const kiosk = await open();
      await enterKiosk(kiosk.page, `${server.url}/?workstation=${c.workstation}`, formatCode(session.code), formatCode(c.code));
      kiosks.push(kiosk.page);
    }
    await kiosks[0]!.screenshot({ path: screenshotPath('walkthrough-4-kiosk-waiting') });

    // Step 6: the proctor starts; each candidate writes and hands in.
    await proctor.page.getByRole('button', { name: /Démarrer l’épreuve/ }).click();
    await proctor.page.getByRole('button', { name: 'Confirmer le démarrage' }).click();
    const texts = ['Use OnCalendar=Mon..Fri 06:30 and check it with systemd-analyze calendar.', 'The timer runs the backup service every weekday morning.'];
    for (const [i, kiosk] of kiosks.entries()) {
      const answer = kiosk.locator('textarea').first();
      await answer.waitFor();
      await answer.click();
      await kiosk.keyboard.type(texts[i]!);
      await expect.poll(() => kiosk.getByText(/Enregistré à/).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    }
    await proctor.page.screenshot({ path: screenshotPath('walkthrough-5-dashboard-running'), fullPage: true });
    for (const kiosk of kiosks) {
      await kiosk.getByRole('button', { name: 'Rendre ma copie' }).first().click();
      await kiosk.getByRole('dialog').getByRole('button', { name: 'Rendre ma copie' }).click();
      await kiosk.getByText('Copie rendue').first().waitFor();
    }
    await kiosks[1]!.screenshot({ path: screenshotPath('walkthrough-6-kiosk-receipt'), fullPage: true });

    // Step 7: the proctor ends the exam.
    await proctor.page.getByRole('button', { name: /Terminer l’épreuve/ }).click();
    await proctor.page.getByRole('button', { name: /Confirmer : ramasser/ }).click();
    await expect.poll(() => server.app.exam.session(session.id)!.state).toBe('ended');
    await proctor.page.screenshot({ path: screenshotPath('walkthrough-7-dashboard-ended'), fullPage: true });

    // Step 8: the corrector grades both scripts (scripts shared out to them on opening).
    const corrector = await open();
    await staffLogin(corrector.page, `/grading#/sessions/${session.id}`, 'correcteur', STAFF_PASSWORD);
    await workspace(corrector.page).getByText('Par question').waitFor();
    let previous = '';
    // By question: the 6 questions of each of the 2 scripts (an unanswered one has nothing to judge), then each script's writing.
    for (let n = 0; n < 6 * 2 + 2; n++) {
      let item = await current(corrector.page);
      while (`${item.code}|${item.kind}|${item.question}` === previous) item = await current(corrector.page);
      previous = `${item.code}|${item.kind}|${item.question}`;
      // Key points found and read correctly; writing at band 3 on each criterion.
      for (let row = 0; row < item.rows; row++) await corrector.page.keyboard.press(item.kind === 'answer' ? '2' : '3');
      await corrector.page.keyboard.press('Enter');
    }
    await corrector.page.screenshot({ path: screenshotPath('walkthrough-8-grading') });
    await corrector.page.keyboard.press('End');
    for (let i = 0; i < 2; i++) {
      const code = (await current(corrector.page)).code;
      await corrector.page.keyboard.press('f');
      await workspace(corrector.page).getByRole('alertdialog').waitFor();
      await corrector.page.keyboard.press('Enter');
      await workspace(corrector.page).getByText(`Copie ${code} terminée.`).waitFor();
      await corrector.page.keyboard.press('ArrowLeft');
    }

    // Step 9: the admin closes grading and exports for the jury.
    await admin.page.goto(`${server.url}/grading#/sessions/${session.id}`);
    const grading = admin.page.locator('lectern-grading-admin');
    admin.page.once('dialog', (d) => void d.accept());
    await grading.getByRole('button', { name: 'Clore la correction' }).click();
    await grading.getByRole('heading', { name: 'Export pour le jury (avec les noms)' }).waitFor();
    await admin.page.screenshot({ path: screenshotPath('walkthrough-9-jury'), fullPage: true });
    const [download] = await Promise.all([admin.page.waitForEvent('download'), grading.getByRole('link', { name: 'Tableur (CSV)' }).click()]);
    const csvPath = join(screenshotDir, 'walkthrough-jury.csv');
    await download.saveAs(csvPath);
    const lines = readFileSync(csvPath).toString('utf8').slice(1).split('\r\n');
    expect(lines.filter((l) => /Martin Jeanne|Durand Éloïse/.test(l))).toHaveLength(2);
    expect(problems).toEqual([]);
  });
});
