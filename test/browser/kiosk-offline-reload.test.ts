// Issue 10, item 7, in a real browser: on a secure origin (127.0.0.1 is one) the kiosk's service
// worker keeps the kiosk and the paper. The server stops; the kiosk is reloaded; the exam comes
// back with the text from the workstation's copy, the candidate types on; the server starts again
// on the same file and port, and every character reaches it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import WebSocket from 'ws';
import { socketPath } from '../../server/contract/protocol-version.js';
import { MAX_KIOSK_SOCKETS } from '../../server/contract/socket-limits.js';
import { launchChromium, screenshotPath } from '../helpers/browser.js';
import { openSession, startSession, storedAnswerText } from '../helpers/build-app.js';
import { startRestartableServer } from '../helpers/restartable-server.js';
import { enterKiosk } from '../helpers/browser-logins.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The URLs the kiosk's paper cache holds (empty before the worker kept anything). */
function cachedPaper(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      if (!name.startsWith('lectern-paper-')) continue;
      for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
    }
    return urls.sort();
  });
}

describe('a reload while the server is unreachable', { timeout: 120_000 }, () => {
  it('returns to the exam with the text, typing goes on, and everything reaches the server once it is back', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lectern-offline-reload-'));
    const server = await startRestartableServer(dataDir);
    const url = `http://127.0.0.1:${server.port}`;
    try {
      const { session, adminLogin } = await openSession(server.app, 1);
      const candidate = session.candidates[0]!;
      const stored = () => storedAnswerText(server.app, candidate.id);
      const page = await browser.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await enterKiosk(page, `${url}/`, session.code, candidate.code);
      await startSession(server.app, adminLogin, session.id);
      const field = page.locator('textarea').first();
      await field.click();
      const before = 'Le service redémarre quand la sonde échoue. ';
      await page.keyboard.type(before);
      await expect.poll(stored, { timeout: 10_000 }).toBe(before);
      await page.getByText(/Enregistré à/).waitFor();
      // The worker controls the page and has kept the paper (the attempt as the server answered it last).
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 });
      await expect.poll(() => cachedPaper(page), { timeout: 15_000 }).toEqual(expect.arrayContaining(['/api/attempt', '/api/auth/me']));

      const during = 'Pendant la panne, on continue. ';
      await server.restart(async () => {
        // The server is gone: the reload is answered by the worker, the answers by the workstation's copy.
        const reloaded = await page.reload();
        // The worker's copy of the page was cached without a session: it is sent without its login (kiosk-page.ts).
        expect(reloaded?.fromServiceWorker()).toBe(true);
        expect(await reloaded?.text()).not.toContain('shadowrootmode');
        await expect.poll(() => field.inputValue(), { timeout: 15_000 }).toBe(before);
        await field.click();
        await page.keyboard.press('End');
        await page.keyboard.type(during);
        expect(await field.inputValue()).toBe(before + during);
        await page.getByText(/Hors ligne/).first().waitFor({ timeout: 15_000 });
        await page.screenshot({ path: screenshotPath('kiosk-offline-reload-during-outage') });
      });
      await expect.poll(stored, { timeout: 30_000, interval: 250 }).toBe(before + during);
      expect(await field.inputValue()).toBe(before + during);
      // Online again: the paper is fetched from the server, and the worker's copy follows it.
      await expect.poll(() => cachedPaper(page), { timeout: 10_000 }).toEqual(expect.arrayContaining(['/api/attempt']));
      expect(pageErrors).toEqual([]);
      await page.close();
    } finally {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('says why when the server closed the kiosk’s socket because the same exam connected elsewhere (4008), in French and English', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lectern-offline-4008-'));
    const server = await startRestartableServer(dataDir);
    const url = `http://127.0.0.1:${server.port}`;
    const others: WebSocket[] = [];
    try {
      const { session } = await openSession(server.app, 1);
      const candidate = session.candidates[0]!;
      const context = await browser.newContext();
      const page = await context.newPage();
      await enterKiosk(page, `${url}/`, session.code, candidate.code);
      expect(await page.locator('[data-notice="displaced"]').count()).toBe(0);
      // The same candidate's login opens as many sockets again elsewhere: the page's, the oldest, is closed with 4008.
      const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
      for (let i = 0; i < MAX_KIOSK_SOCKETS; i++) {
        const socket = new WebSocket(url.replace(/^http/, 'ws') + socketPath(), { headers: { cookie } });
        others.push(socket);
        await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
      }
      const notice = page.locator('[data-notice="displaced"]');
      await notice.waitFor({ timeout: 10_000 });
      expect(await notice.textContent()).toContain('Votre copie vient d’être ouverte ailleurs');
      await page.getByRole('button', { name: 'English' }).click();
      await expect.poll(() => notice.textContent()).toContain('Your exam was just opened elsewhere');
      await page.screenshot({ path: screenshotPath('kiosk-socket-closed-4008') });
      await context.close();
    } finally {
      for (const socket of others) socket.terminate();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('serves no staff page and no staff data from the worker', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lectern-offline-staff-'));
    const server = await startRestartableServer(dataDir);
    const url = `http://127.0.0.1:${server.port}`;
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${url}/`);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 });
      await page.goto(`${url}/proctor`);
      await server.restart(async () => {
        // The kiosk's page comes back from the worker; the proctor's does not (the browser's error page).
        const proctor = await page.goto(`${url}/proctor`).then(
          () => 'loaded',
          (error: unknown) => String(error),
        );
        expect(proctor).toMatch(/ERR_CONNECTION_REFUSED/);
        const tab = await context.newPage();
        const kiosk = await tab.goto(`${url}/`);
        expect(kiosk?.status()).toBe(200);
        expect(await tab.locator('lectern-kiosk').count()).toBe(1);
        // Nobody logged in on this browser: no paper kept, and the staff page added nothing.
        expect(await cachedPaper(tab)).toEqual([]);
        await tab.close();
      });
      await context.close();
    } finally {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
