import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshotPath, startServer } from '../helpers/browser.js';
import { openSession, startSession, storedAnswerText, type TestApp } from '../helpers/build-app.js';
import { killHard, staffClient, startServerProcess, TEST_ADMIN_PASSWORD } from '../helpers/server-process.js';
import { enterKiosk } from '../helpers/browser-logins.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function loginAndOpenExam(page: Page, url: string, sessionCode: string, candidateCode: string) {
  await enterKiosk(page, `${url}/`, sessionCode, candidateCode);
}

describe('no answer is ever lost', { timeout: 90_000 }, () => {
  let server: TestApp & { url: string };
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  const stored = (candidateId: number) => storedAnswerText(server.app, candidateId);

  it('keeps an answer typed just before a page reload', async () => {
    const { session, adminLogin } = await openSession(server.app, 1);
    const candidate = session.candidates[0]!;
    const page = await browser.newPage();
    await loginAndOpenExam(page, server.url, session.code, candidate.code);
    await startSession(server.app, adminLogin, session.id);
    const answer = page.locator('textarea').first();
    await answer.click();
    await page.keyboard.type('First sentence, saved. ');
    await expect.poll(() => stored(candidate.id), { timeout: 8000 }).toBe('First sentence, saved. ');
    // Typed and reloaded at once: the debounce has not sent it yet; only the browser's storage has it.
    await page.keyboard.type('Second sentence, typed right before the reload.');
    await page.reload();
    await page.locator('textarea').first().waitFor();
    const full = 'First sentence, saved. Second sentence, typed right before the reload.';
    await expect.poll(() => stored(candidate.id), { timeout: 10_000 }).toBe(full);
    expect(await page.locator('textarea').first().inputValue()).toBe(full);
    await page.close();
  });

  it('keeps what is typed offline and sends it when the network is back', async () => {
    const { session, adminLogin } = await openSession(server.app, 1);
    const candidate = session.candidates[0]!;
    const context = await browser.newContext();
    const page = await context.newPage();
    await loginAndOpenExam(page, server.url, session.code, candidate.code);
    await startSession(server.app, adminLogin, session.id);
    await page.locator('textarea').first().click();
    await page.keyboard.type('Online part. ');
    await expect.poll(() => stored(candidate.id), { timeout: 8000 }).toBe('Online part. ');
    await context.setOffline(true);
    await page.keyboard.type('Offline part, kept on the workstation.');
    await expect.poll(() => page.getByText(/Hors ligne/).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('kiosk-8-offline-fr') });
    expect(stored(candidate.id)).toBe('Online part. ');
    await context.setOffline(false);
    await expect.poll(() => stored(candidate.id), { timeout: 15_000 }).toBe('Online part. Offline part, kept on the workstation.');
    await context.close();
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** The kiosk's socket frames, closes and console errors, with the time since it was made. */
function kioskTimeline(page: Page) {
  const t0 = Date.now();
  const lines: string[] = [];
  const add = (line: string) => lines.push(`${Date.now() - t0} ms ${line}`);
  page.on('console', (m) => m.type() === 'error' && add(`console: ${m.text()}`));
  page.on('websocket', (ws) => {
    add(`socket opened`);
    ws.on('framesent', (f) => add(`sent ${String(f.payload).slice(0, 90)}`));
    ws.on('framereceived', (f) => add(`received ${String(f.payload).slice(0, 90)}`));
    ws.on('close', () => add('socket closed'));
  });
  return {
    mark: add,
    // Read when the assertion fails: the last 60 lines of the kiosk's side.
    text: () => `the kiosk's side:\n${lines.slice(-60).join('\n')}`,
  };
}

describe('a server killed with SIGKILL while a candidate types', { timeout: 120_000 }, () => {
  it('holds every character typed once it is back and the kiosk has reconnected', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lectern-kill-'));
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    let child = await startServerProcess(dataDir, port);
    try {
      const api = await staffClient(url, 'admin', TEST_ADMIN_PASSWORD);
      const session = await api<{ id: number; code: string; candidates: { code: string }[] }>('POST', '/api/sessions', { packId: 'devops-title-qp', candidateCount: 1 });
      const page = await browser.newPage();
      // What the kiosk did, for the failure message: a CI run once saw nothing reach the restarted
      // server in 30 s, and the kiosk's side of it could not be reproduced afterwards.
      const timeline = kioskTimeline(page);
      await loginAndOpenExam(page, url, session.code, session.candidates[0]!.code);
      await api('POST', `/api/sessions/${session.id}/start`, {});
      await page.locator('textarea').first().click();

      const parts = ['Before the crash, acknowledged. ', 'Typed as the server dies. ', 'Typed while it is down. ', 'Typed after it is back.'];
      await page.keyboard.type(parts[0]!);
      await page.getByText(/Enregistré à/).waitFor({ timeout: 8000 });
      await page.keyboard.type(parts[1]!);
      await killHard(child);
      timeline.mark('server killed');
      await page.keyboard.type(parts[2]!);
      await page.screenshot({ path: screenshotPath('kiosk-9-server-down-fr') });
      child = await startServerProcess(dataDir, port);
      timeline.mark('server restarted');
      await page.keyboard.type(parts[3]!);
      const read = () => {
        const db = new Database(join(dataDir, 'lectern.sqlite'), { readonly: true, fileMustExist: true });
        try {
          return (db.prepare("SELECT text FROM answers WHERE question_id = 'q1'").get() as { text: string } | undefined)?.text;
        } finally {
          db.close();
        }
      };
      await expect
        .poll(read, { timeout: 30_000, interval: 500 })
        .toBe(parts.join(''))
        .catch((failure: unknown) => {
          // The same failure, with what the kiosk sent and heard until then.
          if (failure instanceof Error) failure.message += `\n${timeline.text()}`;
          throw failure;
        });
      await page.close();
    } finally {
      await killHard(child);
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
