import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startServer } from '../helpers/browser.js';
import type { TestApp } from '../helpers/build-app.js';
import { distribute, endedSession, makeStaff, type Scenario } from '../server/grading/scenario.js';
import { checkScreen, focused, tabTo } from './support/screen-walk.js';

// The staff's screens of issue 13 (the grading workspace and the admin tabs other than
// Statistics), in French and English: nothing outside its box at 1366x768, 1920x1080 and 200 %
// zoom, with long candidate names; no serious axe-core violation; each walked with the keyboard
// alone. One server and one browser for the file.

const PASSWORD = 'correct horse battery staple';
let server: TestApp & { url: string };
let browser: Browser;
let s: Scenario;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  s = await endedSession(server.app, await makeStaff(server.app), { count: 3, names: true });
  // Names as long as a centre's list gives them.
  server.app.db.$client
    .prepare("UPDATE candidate_identities SET full_name = 'Marie-Élisabeth Fontaine-Desrochers de la Villemarqué ' || candidate_id WHERE candidate_id IN (SELECT id FROM candidates WHERE session_id = ?)")
    .run(s.sessionId);
  await distribute(server.app, s, [s.correctors[0]!.id], false);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const words = {
  fr: { user: 'Identifiant', password: 'Mot de passe', tabs: ['Sessions', 'Sujets', 'Aperçu des sujets', 'Comptes', 'Données'], byQuestion: 'Par question' },
  en: { user: 'User name', password: 'Password', tabs: ['Sessions', 'Content packs', 'Pack preview', 'Accounts', 'Data'], byQuestion: 'By question' },
} as const;

/** Opens `path` and logs in with the keyboard alone: Tab to the user name, type, Tab, type, Enter. */
async function logIn(path: string, username: string, language: 'fr' | 'en'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: language === 'fr' ? 'fr-FR' : 'en-GB' });
  const page = await context.newPage();
  page.on('pageerror', (e) => {
    throw e;
  });
  await page.goto(`${server.url}${path}`);
  if (language === 'en') {
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'English', 'English');
    await page.keyboard.press('Enter');
  }
  await page.getByLabel(words[language].user, { exact: true }).waitFor();
  await tabTo(page, (f) => f.label === words[language].user, 'the user name');
  await page.keyboard.type(username);
  await page.keyboard.press('Tab');
  expect((await focused(page)).label).toBe(words[language].password);
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  // Logged in once the login form is gone: on a loaded machine the answer can take seconds, and
  // walking the page with Tab before it arrives walks the login form instead.
  await page.getByLabel(words[language].password, { exact: true }).waitFor({ state: 'detached', timeout: 30_000 });
  return page;
}

const username = (id: number) => (server.app.db.$client.prepare('SELECT username FROM accounts WHERE id = ?').get(id) as { username: string }).username;

describe('the staff’s screens', { timeout: 120_000 }, () => {
  for (const language of ['fr', 'en'] as const) {
    it(`admin tabs hold at every size, pass axe and open from the keyboard (${language})`, async () => {
      const page = await logIn('/admin', username(s.adminId), language);
      for (const [i, name] of words[language].tabs.entries()) {
        await tabTo(page, (f) => f.tag === 'button' && f.text === name, `the ${name} tab`);
        await page.keyboard.press('Enter');
        await expect.poll(() => page.locator('lectern-admin nav button[aria-current="page"]').innerText()).toBe(name);
        await page.locator('lectern-admin main > *').first().waitFor();
        // The tab's content has arrived (its first heading or table), not only its frame.
        await page.waitForLoadState('networkidle');
        await checkScreen(page, `admin-${i + 1}-${language}`);
        await page.locator('lectern-admin nav button[aria-current="page"]').focus();
      }
      await page.context().close();
    });

    it(`grading workspace holds at every size, passes axe and grades from the keyboard (${language})`, async () => {
      const corrector = s.correctors[0]!;
      const page = await logIn(`/grading#/sessions/${s.sessionId}`, username(corrector.id), language);
      const workspace = page.locator('lectern-grading-workspace');
      await workspace.getByText(words[language].byQuestion).waitFor();
      await checkScreen(page, `grading-workspace-${language}`);
      // The passage column takes the focus (the arrow keys scroll it), inside the workspace, whose
      // level keys then mark the key point in hand (French: found on kp1; English, the same item resumed: partly on kp2).
      await tabTo(page, (f) => f.tag === 'section', 'the passage column', 80);
      const [key, level] = language === 'fr' ? ['2', 'found'] : ['1', 'partly'];
      await page.keyboard.press(key);
      const firstKeyPoints = () =>
        (server.app.db.$client.prepare('SELECT key_points AS k FROM answer_marks WHERE corrector_id = ?').all(corrector.id) as { k: string }[]).flatMap((row) =>
          Object.values(JSON.parse(row.k) as Record<string, string>),
        );
      await expect.poll(firstKeyPoints, { timeout: 10_000 }).toContain(level);
      await page.context().close();
    });
  }
});
