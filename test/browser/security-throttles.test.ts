// Issue 14, item 1, in Chromium: the admin sees a staff account's wait on the accounts page and
// clears it; the proctor sees the wrong codes typed in their session beside the room panel and
// clears one; both lists in English, checked for clipped text and axe's serious findings.
// Screenshots in test-output/security-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshotPath, startServer } from '../helpers/browser.js';
import { createStaff, loginStaff, type TestApp } from '../helpers/build-app.js';
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

/** The same page switched back to French, its throttle list drawn again. */
async function frenchAgain(page: Page, tab?: string): Promise<Page> {
  await page.getByRole('button', { name: 'Français' }).click();
  if (tab) await page.getByRole('button', { name: tab }).click();
  await expect.poll(() => page.locator('lectern-throttle-list').getByText(/échecs/).count()).toBeGreaterThan(0);
  return page;
}

describe('login waits, seen and cleared in the pages', { timeout: 90_000 }, () => {
  it('lets the admin clear a staff account’s wait, after which the account logs in', async () => {
    const admin = await createStaff(server.app, 'admin');
    const proctor = await createStaff(server.app, 'proctor', 'surveillante');
    for (let i = 0; i < 5; i++) await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'surveillante', password: `faux-${i}` } });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();

    // The proctor's own login page says how long, in minutes, and whom to ask.
    await page.goto(`${server.url}/admin`);
    await page.getByLabel('Identifiant', { exact: true }).fill('surveillante');
    await page.getByLabel('Mot de passe', { exact: true }).fill(proctor.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect.poll(() => page.getByText(/réessayez dans \d+ min, ou demandez à un administrateur/).count()).toBe(1);
    await page.screenshot({ path: screenshotPath('security-1-staff-wait-fr'), fullPage: true });

    await page.getByLabel('Identifiant', { exact: true }).fill(admin.username);
    await page.getByLabel('Mot de passe', { exact: true }).fill(admin.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('button', { name: 'Comptes' }).click();
    const list = page.locator('lectern-throttle-list');
    await list.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('security-2-admin-throttles-fr'), fullPage: true });
    const row = list.locator('li', { hasText: 'surveillante' });
    await expect.poll(() => row.count(), { message: await list.innerText().catch(() => 'no list') }).toBe(1);
    await expect.poll(() => row.innerText()).toContain('5 échecs');
    await row.getByRole('button', { name: 'Lever' }).click();
    await expect.poll(() => list.getByText('Attente levée.').count()).toBe(1);
    await expect.poll(() => row.count()).toBe(0);
    await page.screenshot({ path: screenshotPath('security-3-admin-cleared-fr'), fullPage: true });
    expect((await loginStaff(server.app, 'surveillante', proctor.password)).csrfToken.length).toBeGreaterThan(20);
    await context.close();
  });

  it('shows the proctor the wrong codes typed in their session, and clears one', async () => {
    const admin = await createStaff(server.app, 'admin');
    const proctor = await createStaff(server.app, 'proctor');
    const adminLogin = await loginStaff(server.app, admin.username, admin.password);
    const created = await server.app.inject({ method: 'POST', url: '/api/sessions', headers: adminLogin.headers, payload: { packId: 'devops-title-qp', candidateCount: 3, proctorIds: [proctor.id] } });
    const session = created.json<{ id: number; code: string }>();
    for (let i = 0; i < 4; i++) await server.app.inject({ method: 'POST', url: '/api/candidate/login', payload: { sessionCode: session.code, candidateCode: 'ZZZZ-ZZZZ' }, remoteAddress: '10.0.0.42' });

    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/proctor#session=${session.id}`);
    await page.getByLabel('Identifiant').fill(proctor.username);
    await page.getByLabel('Mot de passe').fill(proctor.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    const list = page.locator('lectern-throttle-list');
    await expect.poll(() => list.getByText('ZZZZZZZZ').count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => list.getByText('10.0.0.42').count()).toBe(1);
    await list.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('security-4-proctor-throttles-fr'), fullPage: true });
    const codeRow = list.locator('li', { hasText: 'ZZZZZZZZ' });
    await codeRow.getByRole('button', { name: 'Lever' }).click();
    await expect.poll(() => list.getByText('ZZZZZZZZ').count()).toBe(0);
    expect(server.app.throttles.candidateCodeWait(session.id, 'ZZZZZZZZ', Date.now())).toBe(0);
    await page.screenshot({ path: screenshotPath('security-5-proctor-cleared-fr'), fullPage: true });
    await context.close();
  });

  it('words both lists in English, in minutes, with nothing clipped and no serious axe finding', async () => {
    const admin = await createStaff(server.app, 'admin');
    // One account made to wait (shown on the admin's list), another proctor who runs the session.
    await createStaff(server.app, 'proctor', 'invigilator');
    const proctor = await createStaff(server.app, 'proctor');
    const adminLogin = await loginStaff(server.app, admin.username, admin.password);
    const created = await server.app.inject({ method: 'POST', url: '/api/sessions', headers: adminLogin.headers, payload: { packId: 'devops-title-qp', candidateCount: 3, proctorIds: [proctor.id] } });
    const session = created.json<{ id: number; code: string }>();
    for (let i = 0; i < 4; i++) await server.app.inject({ method: 'POST', url: '/api/candidate/login', payload: { sessionCode: session.code, candidateCode: 'YYYY-YYYY' }, remoteAddress: '10.0.0.43' });
    for (let i = 0; i < 5; i++) await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'invigilator', password: `wrong-${i}` } });
    const checked = async (page: Page) => {
      expect(describeOverflow(await findOverflow(page))).toBe('');
      expect(describeAxe(await seriousAxeViolations(page))).toBe('');
    };

    const adminPage = await openStaffPage(browser, `${server.url}/admin`, admin, 'en', { viewport: { width: 1280, height: 900 } });
    await adminPage.getByRole('button', { name: 'Accounts' }).click();
    const adminList = adminPage.locator('lectern-throttle-list');
    await expect.poll(() => adminList.locator('li', { hasText: 'invigilator' }).innerText()).toMatch(/5 failures\s+wait: 1 min/);
    await expect.poll(() => adminList.getByText('slowed, never blocked').count()).toBeGreaterThan(0);
    await adminList.scrollIntoViewIfNeeded();
    await adminPage.screenshot({ path: screenshotPath('security-6-admin-throttles-en'), fullPage: true });
    await checked(adminPage);
    await checked(await frenchAgain(adminPage, 'Comptes'));
    await adminPage.context().close();

    // The dashboard opened in French (its session in the address), then switched to English.
    const proctorPage = await openStaffPage(browser, `${server.url}/proctor#session=${session.id}`, proctor, 'fr', { viewport: { width: 1400, height: 1000 } });
    const proctorList = proctorPage.locator('lectern-throttle-list');
    await expect.poll(() => proctorList.getByText('YYYYYYYY').count(), { timeout: 15_000 }).toBe(1);
    await checked(proctorPage);
    await proctorPage.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => proctorList.locator('li', { hasText: 'YYYYYYYY' }).innerText()).toMatch(/Candidate code typed\s+YYYYYYYY\s+4 failures\s+wait: \d+ min/);
    await expect.poll(() => proctorList.getByText('Wrong codes in the session').count()).toBe(1);
    await proctorList.scrollIntoViewIfNeeded();
    await proctorPage.screenshot({ path: screenshotPath('security-7-proctor-throttles-en'), fullPage: true });
    await checked(proctorPage);
    await proctorPage.context().close();
  });
});
