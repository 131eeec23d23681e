// Issue 15, item 4, in Chromium against the real server: the kiosk's login is in its page's HTML
// (client/kiosk/login-prerender.ts), so a candidate types the codes while the kiosk's script is
// still on its way; when the script runs, the kiosk takes the screen over with what was typed and
// the focus, without moving anything. A browser holding a session gets the page without it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshotPath, startServer } from '../helpers/browser.js';
import { openSession, type TestApp } from '../helpers/build-app.js';
import { formatCode } from '../../server/contract/rules/code-format.js';
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

/** CSP violations and uncaught errors: the login's inline styles must be allowed by their hashes, and nothing else. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/.test(m.text())) problems.push(m.text());
  });
  return problems;
}

/** Holds the kiosk's first script (kiosk-<hash>.js) until `release` is called: the page as a slow PC sees it. */
async function holdKioskScript(page: Page): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/kiosk-[0-9a-f]{12}\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** The element with the focus, through the shadow roots, as `tag#id`. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active ? `${active.localName}${active.id ? `#${active.id}` : ''}` : 'none';
  });
}

describe('the login drawn in the kiosk page', { timeout: 60_000 }, () => {
  it('takes typing before the kiosk starts, and the kiosk keeps what was typed, the focus and the layout', async () => {
    const { session } = await openSession(server.app, 1);
    const candidate = session.candidates[0]!;
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const problems = watch(page);
    const release = await holdKioskScript(page);
    await page.goto(`${server.url}/?workstation=PC-07`, { waitUntil: 'commit' });

    // Before any of the kiosk's script: the login is there, styled, in French, its first field focused.
    const sessionField = page.getByLabel(/Code de session/);
    await sessionField.waitFor();
    expect(await page.evaluate(() => customElements.get('lectern-kiosk'))).toBeUndefined();
    // autofocus acts at the page's next rendering: polled, not read once.
    await expect.poll(() => focused(page)).toBe('input#session');
    expect(await sessionField.evaluate((input) => getComputedStyle(input).fontSize)).toBe('24px');
    await expect.poll(() => page.getByText('Poste : PC-07').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Se connecter' }).isDisabled()).toBe(true);
    // The sentence for a kiosk that never starts is there, hidden until its delay.
    expect(await page.getByText(/pas fini de démarrer/).isVisible()).toBe(false);
    // As accessible and as contained as the kiosk's own login (screens-kiosk.test.ts checks that one).
    expect(describeAxe(await seriousAxeViolations(page))).toBe('');
    expect(describeOverflow(await findOverflow(page))).toBe('');
    const before = await sessionField.boundingBox();

    await page.keyboard.type(session.code.toLowerCase());
    await page.getByLabel(/Code candidat/).click();
    await page.keyboard.type(candidate.code.slice(0, 3));
    await page.screenshot({ path: screenshotPath('kiosk-login-prerendered-fr') });

    // The kiosk starts: one login, the codes as typed (shown as on the slip), the caret where it was.
    release();
    await page.waitForFunction(() => customElements.get('lectern-kiosk') !== undefined);
    await expect.poll(() => page.getByRole('button', { name: 'Se connecter' }).isEnabled()).toBe(true);
    expect(await page.locator('input#session').count()).toBe(1);
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
    expect(await page.getByText('Poste : PC-07').count()).toBe(1);
    expect(await sessionField.inputValue()).toBe(formatCode(session.code));
    expect(await page.getByLabel(/Code candidat/).inputValue()).toBe(candidate.code.slice(0, 3));
    expect(await focused(page)).toBe('input#candidate');
    expect(await sessionField.boundingBox()).toEqual(before);

    await page.keyboard.type(candidate.code.slice(3));
    expect(await page.getByLabel(/Code candidat/).inputValue()).toBe(formatCode(candidate.code));
    await page.screenshot({ path: screenshotPath('kiosk-login-taken-over-fr') });
    await page.keyboard.press('Enter');
    await page.getByLabel(/J’ai lu/).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('tells the candidate to call the proctor when the kiosk never starts', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.route(/\/assets\/kiosk-[0-9a-f]{12}\.js$/, (route) => route.abort());
    const started = Date.now();
    await page.goto(`${server.url}/`, { waitUntil: 'commit' });
    const notice = page.getByRole('alert').filter({ hasText: 'Ce poste n’a pas fini de démarrer' });
    await notice.waitFor({ state: 'visible', timeout: 20_000 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(7_000);
    expect(await page.getByRole('button', { name: 'Se connecter' }).isDisabled()).toBe(true);
    await page.screenshot({ path: screenshotPath('kiosk-login-not-started-fr') });
    await context.close();
  });

  it('is not sent to a browser holding a session: a reload shows no login, not even for a moment', async () => {
    const { session } = await openSession(server.app, 1);
    const candidate = session.candidates[0]!;
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = watch(page);
    // Whether a login was ever drawn in the kiosk, checked at every frame from the page's first one.
    await page.addInitScript(() => {
      const w = window as unknown as { sawLogin: boolean };
      w.sawLogin = false;
      const look = () => {
        if (document.querySelector('lectern-kiosk')?.shadowRoot?.querySelector('lectern-login')) w.sawLogin = true;
        requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    await page.goto(`${server.url}/`);
    await page.getByLabel(/Code de session/).fill(session.code);
    await page.getByLabel(/Code candidat/).fill(candidate.code);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByLabel(/J’ai lu/).waitFor();
    expect(await page.evaluate(() => (window as unknown as { sawLogin: boolean }).sawLogin)).toBe(true);

    const reloaded = await page.reload();
    expect(await reloaded?.text()).not.toContain('shadowrootmode');
    await page.getByLabel(/J’ai lu/).waitFor();
    expect(await page.evaluate(() => (window as unknown as { sawLogin: boolean }).sawLogin)).toBe(false);
    // The same address without the session's cookie still gets the drawn login.
    const anonymous = await (await fetch(`${server.url}/`)).text();
    expect(anonymous).toContain('shadowrootmode');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('writes the workstation from the address as text, never as markup', async () => {
    const response = await fetch(`${server.url}/?workstation=${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
    const html = await response.text();
    expect(html).toContain('<p>Poste : &lt;img src=x onerror=alert(1)&gt;</p>');
    expect(html).not.toContain('<img src=x');
    expect(response.headers.get('vary')).toMatch(/cookie/i);
  });
});
