// Grading a whole small session in Chromium with the keyboard only: double marking by two
// correctors (one in French by question, one in English by script), a disagreement settled by a
// third reader the admin chooses, agreement figures, closing, and the jury's report (printed to
// PDF and rendered to PNG to be looked at) and CSV.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, screenshotDir, screenshotPath, startServer } from '../helpers/browser.js';
import type { TestApp } from '../helpers/build-app.js';
import { clientBuildDir } from '../../server/paths.js';
import { endedSession, makeStaff, type Scenario } from '../server/grading/scenario.js';

const PASSWORD = 'correct horse battery staple';

let server: TestApp & { url: string };
let browser: Browser;
let s: Scenario;
const problems: string[] = [];

beforeAll(async () => {
  if (!existsSync(join(clientBuildDir, 'grading.html'))) execFileSync(process.execPath, ['client/build.mjs'], { stdio: 'ignore' });
  server = await startServer();
  browser = await launchChromium();
  s = await endedSession(server.app, await makeStaff(server.app), { count: 3, names: true });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function watch(page: Page): void {
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Uncaught/.test(m.text())) problems.push(m.text());
  });
}

async function open(language: 'fr' | 'en'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: language === 'fr' ? 'fr-FR' : 'en-GB', acceptDownloads: true });
  const page = await context.newPage();
  watch(page);
  return { context, page };
}

/** Logs in with the keyboard: the user name field, Tab, the password, Enter. */
async function logIn(page: Page, username: string, language: 'fr' | 'en') {
  await page.goto(`${server.url}/grading#/sessions/${s.sessionId}`);
  if (language === 'en') {
    await page.getByRole('button', { name: 'English' }).focus();
    await page.keyboard.press('Enter');
  }
  await page.getByLabel(language === 'fr' ? 'Identifiant' : 'User name').focus();
  await page.keyboard.type(username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
}

const workspace = (page: Page) => page.locator('lectern-grading-workspace');

/** What the workspace shows now, read from the page (the keys pressed depend on it). */
async function current(page: Page) {
  return workspace(page).evaluate((el) => {
    const root = el.shadowRoot!;
    const answer = root.querySelector('lectern-answer-judgement');
    const script = root.querySelector('lectern-script-judgement');
    const inner = (answer ?? script)?.shadowRoot;
    const code = root.querySelector('.where .code')?.textContent ?? '';
    return {
      kind: answer ? 'answer' : 'script',
      code: code.replace(/^(Copie|Script) /, ''),
      question: answer ? (inner?.querySelector('#q-title')?.textContent ?? '') : '',
      rows: inner ? inner.querySelectorAll('li.row').length : 0,
      missing: inner ? inner.querySelectorAll('li.row.missing').length : 0,
    };
  });
}

/** The text of the pressed level button on a row of the current answer. */
const pressedLevel = (page: Page, row: number) =>
  workspace(page).evaluate(
    (el, r) => el.shadowRoot!.querySelector('lectern-answer-judgement')?.shadowRoot?.querySelector(`li.row[data-row="${r}"] button[aria-pressed="true"]`)?.textContent ?? '',
    row,
  );

const saveState = (page: Page) => workspace(page).evaluate((el) => el.shadowRoot!.querySelector('.save')?.getAttribute('data-state'));

/**
 * Grades every item in the order shown, from the keyboard: for each judgement row the key of the
 * level `levelFor` chooses, then Enter to move on. Returns the number of items graded.
 */
async function gradeAll(page: Page, levelFor: (item: Awaited<ReturnType<typeof current>>, row: number) => string, items: number) {
  let previous = '';
  for (let n = 0; n < items; n++) {
    // The next item is on screen at once (nothing waits for the network); wait only for Lit's render.
    let item = await current(page);
    while (`${item.code}|${item.kind}|${item.question}` === previous) item = await current(page);
    previous = `${item.code}|${item.kind}|${item.question}`;
    for (let row = 0; row < item.rows; row++) await page.keyboard.press(levelFor(item, row));
    await page.keyboard.press('Enter');
  }
}

function storedMarks(correctorId: number) {
  return server.app.db.$client
    .prepare('SELECT COUNT(*) AS answers, (SELECT COUNT(*) FROM script_marks WHERE corrector_id = ?) AS scripts FROM answer_marks WHERE corrector_id = ?')
    .get(correctorId, correctorId) as { answers: number; scripts: number };
}

type Shown = Awaited<ReturnType<typeof current>>;

/**
 * The keys each corrector presses, per script (in code order) and row. They agree on every decision;
 * on the first script the second reader gives "accuracy" 5 against 3: two bands apart, so a third
 * reading. Key points and bands vary enough between scripts for kappa to be defined.
 */
function plan(reader: 'a' | 'b', script: number, item: Shown, row: number): string {
  if (item.kind === 'script') {
    const bands = {
      a: ['3333', '4334', '1221'],
      b: ['3335', '4433', '2211'],
    }[reader][script]!;
    return bands[row]!;
  }
  const interpretation = row === item.rows - 1;
  if (script === 0) return '2';
  // Whichever script left q2 empty, both readers stay on the same side of the 60 % share.
  if (script === 1) return interpretation ? '2' : reader === 'b' && item.question.endsWith('q1') && row === 0 ? '1' : row % 2 === 0 ? '2' : '1';
  return interpretation ? '1' : reader === 'b' && row === 0 ? '1' : '0';
}

describe('grading a session in Chromium, keyboard only', { timeout: 150_000 }, () => {
  it('double marks, settles a disagreement by a third reading, closes and exports for the jury', async () => {
    const [alice, bruno, chloe] = s.correctors;
    const codes = s.candidates.map((c) => c.code).sort();
    // The first script in code order gets a band two apart from the other reader: a third reading.
    const disputed = codes[0]!;

    // ---- the admin chooses two correctors and double marking ----
    const admin = await open('fr');
    const adminUser = server.app.db.$client.prepare("SELECT username FROM accounts WHERE id = ?").get(s.adminId) as { username: string };
    await logIn(admin.page, adminUser.username, 'fr');
    const grading = admin.page.locator('lectern-grading-admin');
    await grading.getByRole('heading', { name: 'Correcteurs et répartition des copies' }).waitFor();
    for (const name of [/corr-a/, /corr-b/]) {
      await grading.getByRole('checkbox', { name }).focus();
      await admin.page.keyboard.press('Space');
    }
    await grading.getByRole('checkbox', { name: /Double correction/ }).focus();
    await admin.page.keyboard.press('Space');
    await admin.page.screenshot({ path: screenshotPath('grading-1-admin-distribution-fr'), fullPage: true });
    await grading.getByRole('button', { name: 'Répartir les copies' }).focus();
    await admin.page.keyboard.press('Enter');
    await grading.getByText('Copies réparties.').waitFor();

    // ---- first corrector, in French, by question (the default) ----
    const a = await open('fr');
    await logIn(a.page, 'corr-a', 'fr');
    await workspace(a.page).getByText('Par question').waitFor();
    const start = Date.now();
    // 6 questions × 3 scripts, then the writing of each script.
    await gradeAll(a.page, (item, row) => plan('a', codes.indexOf(item.code), item, row), 18 + 3);
    const aliceSeconds = (Date.now() - start) / 1000;
    await expect.poll(() => saveState(a.page), { timeout: 10_000 }).toBe('saved');
    // 3 scripts × 6 answers, one unanswered (its comment row only): 17 answer marks, 3 script marks.
    expect(storedMarks(alice!.id)).toEqual({ answers: 17, scripts: 3 });

    // ---- no grade is lost: marks stop reaching the server, the page is reloaded, the mark is still
    // there and is sent once the server takes marks again ----
    await a.page.route('**/answer-marks', (route) => route.abort());
    await a.page.keyboard.press('Home');
    const first = await current(a.page);
    await a.page.keyboard.press('1'); // kp1: partly, on screen at once
    expect(await pressedLevel(a.page, 0)).toMatch(/partiel/);
    await expect.poll(() => saveState(a.page)).toBe('offline');
    await a.page.screenshot({ path: screenshotPath('grading-2a-offline-fr') });
    expect(await a.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('lectern.grading.v1.')).length)).toBe(1);
    await a.page.reload();
    await workspace(a.page).getByText('Par question').waitFor();
    await expect.poll(() => pressedLevel(a.page, 0)).toMatch(/partiel/);
    await a.page.unroute('**/answer-marks');
    await expect.poll(() => saveState(a.page), { timeout: 10_000 }).toBe('saved');
    const firstId = s.candidates.find((c) => c.code === first.code)!.id;
    const kp1 = () => (server.app.db.$client.prepare("SELECT key_points AS k FROM answer_marks WHERE candidate_id = ? AND question_id = 'q1' AND corrector_id = ?").get(firstId, alice!.id) as { k: string }).k;
    expect(JSON.parse(kp1()).kp1).toBe('partly');
    await a.page.keyboard.press('2'); // and back to found, as planned
    await expect.poll(() => saveState(a.page)).toBe('saved');
    expect(JSON.parse(kp1()).kp1).toBe('found');

    // Back to the copied answer (script 2 in code order wrote two sentences of the document in q4) for a screenshot.
    await a.page.keyboard.press('Home');
    for (let i = 0; i < 3 * 3; i++) await a.page.keyboard.press('ArrowRight');
    let shown = await current(a.page);
    while (!(shown.question.endsWith('q4') && (await workspace(a.page).locator('mark.copied').count()) > 0)) {
      await a.page.keyboard.press('ArrowRight');
      shown = await current(a.page);
    }
    // A comment from the keyboard: C, type, Esc.
    await a.page.keyboard.press('c');
    await a.page.keyboard.type('Deux phrases recopiées du document, sans reformulation.');
    await a.page.keyboard.press('Escape');
    await expect.poll(() => saveState(a.page)).toBe('saved');
    await a.page.screenshot({ path: screenshotPath('grading-2-answer-copied-fr') });

    // Finish the three scripts: End (last script's writing), F, Enter; then the previous ones.
    await a.page.keyboard.press('End');
    for (let i = 0; i < 3; i++) {
      const code = (await current(a.page)).code;
      await a.page.keyboard.press('f');
      await workspace(a.page).getByRole('alertdialog').waitFor();
      if (i === 0) await a.page.screenshot({ path: screenshotPath('grading-3-finish-confirm-fr') });
      await a.page.keyboard.press('Enter');
      await workspace(a.page).getByText(`Copie ${code} terminée.`).waitFor();
      await a.page.keyboard.press('ArrowLeft');
    }

    // ---- second corrector, in English, script by script (V switches) ----
    const b = await open('en');
    await logIn(b.page, 'corr-b', 'en');
    await workspace(b.page).getByText('By question').waitFor();
    await b.page.keyboard.press('v');
    await expect.poll(() => workspace(b.page).getByRole('button', { name: 'By script' }).getAttribute('aria-pressed')).toBe('true');
    await gradeAll(b.page, (item, row) => plan('b', codes.indexOf(item.code), item, row), 3 * 7);
    await expect.poll(() => saveState(b.page), { timeout: 10_000 }).toBe('saved');
    expect(storedMarks(bruno!.id)).toEqual({ answers: 17, scripts: 3 });
    await b.page.keyboard.press('Home');
    await b.page.screenshot({ path: screenshotPath('grading-4-answer-by-script-en') });
    // The other reading stays hidden before finishing, even asked for directly.
    const hidden = await b.page.evaluate(async ([id, cid]) => (await fetch(`/api/grading/sessions/${id}/scripts/${cid}/readings`)).status, [s.sessionId, s.candidates[0]!.id]);
    expect(hidden).toBe(403);
    // Finish every script: its writing item is the 7th of each block in script order.
    for (let n = 0; n < 3; n++) {
      await b.page.keyboard.press('Home');
      for (let k = 0; k < n; k++) await b.page.keyboard.press('PageDown');
      for (let k = 0; k < 6; k++) await b.page.keyboard.press('ArrowRight');
      const code = (await current(b.page)).code;
      await b.page.keyboard.press('f');
      await b.page.keyboard.press('Enter');
      await workspace(b.page).getByText(`Script ${code} finished.`).waitFor();
    }
    await b.page.screenshot({ path: screenshotPath('grading-5-script-compared-en'), fullPage: true });
    const flagged = server.app.grading.overview(s.sessionId).scripts.filter((x) => x.status === 'needs-third-reading');
    expect(flagged.map((x) => [x.code, x.disagreements.map((d) => `${d.kind}:${d.criterionId ?? d.key}`)])).toEqual([[disputed, ['band-gap:accuracy']]]);

    // ---- the admin sees the disagreement and gives it to a third corrector ----
    await admin.page.reload();
    await grading.getByRole('heading', { name: 'Troisième lecture' }).waitFor();
    await grading.getByLabel('Troisième correcteur').focus();
    await admin.page.keyboard.press('Tab');
    await admin.page.keyboard.press('Enter');
    await grading.getByText('Troisième lecture attribuée.').waitFor();
    await admin.page.screenshot({ path: screenshotPath('grading-6-admin-third-reading-fr'), fullPage: true });

    // ---- the third corrector settles it, seeing both readings ----
    const c = await open('fr');
    await logIn(c.page, 'corr-c', 'fr');
    await workspace(c.page).getByText('troisième lecture', { exact: false }).first().waitFor();
    await gradeAll(c.page, (item) => (item.kind === 'script' ? '4' : '2'), 7);
    await expect.poll(() => saveState(c.page), { timeout: 10_000 }).toBe('saved');
    await c.page.keyboard.press('End');
    await c.page.screenshot({ path: screenshotPath('grading-7-third-reading-fr'), fullPage: true });
    await c.page.keyboard.press('f');
    await c.page.keyboard.press('Enter');
    await workspace(c.page).getByText(`Copie ${disputed} terminée.`).waitFor();
    expect(storedMarks(chloe!.id).scripts).toBe(1);

    // ---- agreement, results, closing ----
    await admin.page.reload();
    await grading.getByRole('heading', { name: 'Accord entre correcteurs' }).waitFor();
    await admin.page.screenshot({ path: screenshotPath('grading-8-admin-agreement-fr'), fullPage: true });
    admin.page.once('dialog', (d) => void d.accept());
    await grading.getByRole('button', { name: 'Clore la correction' }).focus();
    await admin.page.keyboard.press('Enter');
    await grading.getByRole('heading', { name: 'Export pour le jury (avec les noms)' }).waitFor();

    // The CSV, downloaded from the keyboard.
    const [download] = await Promise.all([admin.page.waitForEvent('download'), grading.getByRole('link', { name: 'Tableur (CSV)' }).focus().then(() => admin.page.keyboard.press('Enter'))]);
    const csvPath = join(screenshotDir, 'grading-jury.csv');
    await download.saveAs(csvPath);
    const csv = readFileSync(csvPath);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]!.startsWith('Code candidat;Nom;Statut;Tranché par;')).toBe(true);
    expect(lines.filter((l) => /Dupont/.test(l))).toHaveLength(3);
    expect(lines.find((l) => l.startsWith(disputed))).toContain('troisième lecture');

    // The printable report, in both languages: screen, then the PDF Chromium prints, rendered to PNG.
    for (const language of ['fr', 'en'] as const) {
      const report = await admin.context.newPage();
      watch(report);
      await report.goto(`${server.url}/api/grading/sessions/${s.sessionId}/jury.html?lang=${language}`);
      await report.screenshot({ path: screenshotPath(`grading-9-jury-report-${language}`), fullPage: true });
      const pdf = await report.pdf({ format: 'A4', printBackground: false });
      const pdfPath = join(screenshotDir, `grading-jury-report-${language}.pdf`);
      writeFileSync(pdfPath, pdf);
      execFileSync('pdftoppm', ['-png', '-r', '60', pdfPath, join(screenshotDir, `grading-10-jury-pdf-${language}`)]);
      await report.close();
    }

    expect(problems).toEqual([]);
    // A figure for the report: seconds for one corrector to grade 3 scripts (21 items) by keyboard.
    console.log(`corrector A graded 21 items in ${aliceSeconds.toFixed(1)} s`);
    for (const x of [admin, a, b, c]) await x.context.close();
  });
});
