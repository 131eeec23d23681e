import type { Browser, BrowserContextOptions, Page } from 'playwright-core';

/**
 * The login steps every browser test takes, written once: a candidate at a kiosk, and a member
 * of staff on their page. The labels are the pages' own (French by default).
 */

/**
 * A candidate's first steps at a kiosk: open the page, type the session code and the candidate
 * code, log in, accept the monitoring notice; then, unless told otherwise, wait in the waiting
 * room (a session the proctor has already started goes straight to the exam instead).
 */
export async function enterKiosk(page: Page, address: string, sessionCode: string, candidateCode: string, options: { waitingRoom?: boolean } = {}): Promise<void> {
  await page.goto(address);
  await page.getByLabel(/Code de session/).fill(sessionCode);
  await page.getByLabel(/Code candidat/).fill(candidateCode);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByLabel(/J’ai lu/).check();
  await page.getByRole('button', { name: 'Continuer' }).click();
  if (options.waitingRoom ?? true) await page.getByText(/Le surveillant va lancer/).waitFor();
}

const staffLogin = {
  fr: { user: 'Identifiant', password: 'Mot de passe', login: 'Se connecter' },
  en: { user: 'User name', password: 'Password', login: 'Log in' },
} as const;

/**
 * A staff page (`/admin`, `/proctor`, `/grading`) in a new browser context, logged in as
 * `account`, in `language` (the page's own language switch, before the login).
 */
export async function openStaffPage(browser: Browser, address: string, account: { username: string; password: string }, language: 'fr' | 'en' = 'fr', contextOptions: BrowserContextOptions = {}): Promise<Page> {
  const page = await (await browser.newContext(contextOptions)).newPage();
  await page.goto(address);
  if (language === 'en') await page.getByRole('button', { name: 'English' }).click();
  const words = staffLogin[language];
  await page.getByLabel(words.user, { exact: true }).fill(account.username);
  await page.getByLabel(words.password, { exact: true }).fill(account.password);
  await page.getByRole('button', { name: words.login }).click();
  return page;
}
