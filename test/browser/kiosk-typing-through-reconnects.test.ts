// Issue 10, item 8: a candidate types without pause while the kiosk loses its connection again and
// again (the network cut under it, the server killed and started again) on a loaded machine; every
// character typed must be in the field and on the server, in order. Bounded: LECTERN_RECONNECTS
// disruptions (default 20), LECTERN_RESTARTS of them server restarts (default 3, spread evenly:
// the server is stopped and started again on the same data folder and port), a CPU burner that
// stops by itself. The SIGKILL of a server process is kiosk-resilience.test.ts's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshotPath } from '../helpers/browser.js';
import { openSession, startSession } from '../helpers/build-app.js';
import { startCpuBurner } from '../helpers/cpu-burner.js';
import { startLoopbackProxy } from '../helpers/loopback-proxy.js';
import { startRestartableServer } from '../helpers/restartable-server.js';
import { enterKiosk } from '../helpers/browser-logins.js';

const DISRUPTIONS = Number(process.env.LECTERN_RECONNECTS ?? 20);
const RESTARTS = Math.min(DISRUPTIONS, Number(process.env.LECTERN_RESTARTS ?? 3));
/** Which disruptions are server restarts: spread over the run, the last one near the end. */
const isRestart = (i: number) => RESTARTS > 0 && (i + 1) % Math.floor(DISRUPTIONS / RESTARTS) === 0 && (i + 1) / Math.floor(DISRUPTIONS / RESTARTS) <= RESTARTS;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Text with no repeating run, so a dropped, doubled or swapped character always shows. */
function typedText(index: number): string {
  const words = ['kiosk', 'revision', 'backup', 'socket', 'restart', 'answer', 'proctor', 'durable'];
  return `${words[index % words.length]}${index} `;
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `first difference at ${i}: expected …${JSON.stringify(a.slice(Math.max(0, i - 20), i + 20))}, got …${JSON.stringify(b.slice(Math.max(0, i - 20), i + 20))}`;
}

async function loginAndOpenExam(page: Page, url: string, sessionCode: string, candidateCode: string) {
  await enterKiosk(page, `${url}/`, sessionCode, candidateCode);
}

describe('typing through reconnects and server restarts on a loaded machine', { timeout: 240_000 }, () => {
  it(`keeps every character typed through ${DISRUPTIONS} disruptions`, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lectern-typing-'));
    const server = await startRestartableServer(dataDir);
    const proxy = await startLoopbackProxy(server.port);
    const burner = startCpuBurner(1, 180_000);
    const started = Date.now();
    let typing = false;
    try {
      const { session, adminLogin } = await openSession(server.app, 1);
      const page = await browser.newPage();
      await loginAndOpenExam(page, proxy.url, session.code, session.candidates[0]!.code);
      await startSession(server.app, adminLogin, session.id);
      const field = page.locator('textarea').first();
      await field.click();

      // The candidate: one key at a time, no pause, until the disruptions are over.
      let typed = '';
      typing = true;
      const candidate = (async () => {
        for (let word = 0; typing; word++) {
          for (const key of typedText(word)) {
            await page.keyboard.type(key);
            typed += key;
          }
        }
      })();
      // A failure below closes the page under the typing loop: its rejection is expected then.
      candidate.catch(() => undefined);
      const restartTimes: number[] = [];

      let restarts = 0;
      for (let i = 0; i < DISRUPTIONS; i++) {
        await pause(200 + Math.random() * 800);
        const before = proxy.upgrades;
        if (isRestart(i)) {
          const stoppedAt = Date.now();
          proxy.cut();
          await server.restart();
          restartTimes.push(Date.now() - stoppedAt);
          restarts++;
        } else {
          proxy.cut();
        }
        await expect.poll(() => proxy.upgrades, { timeout: 20_000, interval: 100 }).toBeGreaterThan(before);
      }
      await pause(500);
      typing = false;
      await candidate;
      await page.screenshot({ path: screenshotPath('kiosk-typing-through-reconnects') });

      // Every character in the field, then on the server.
      const shown = await field.inputValue();
      expect(shown === typed, firstDifference(typed, shown)).toBe(true);
      const read = () => (server.app.db.$client.prepare("SELECT text FROM answers WHERE question_id = 'q1'").get() as { text: string } | undefined)?.text ?? '';
      await expect.poll(read, { timeout: 30_000, interval: 250 }).toBe(typed);
      console.log(`typing through reconnects: ${typed.length} characters, ${DISRUPTIONS} disruptions (${restarts} server restarts, ${restartTimes.map((ms) => (ms / 1000).toFixed(1)).join(' / ')} s each), ${proxy.upgrades} connections, ${Math.round((Date.now() - started) / 1000)} s`);
      await page.close();
    } finally {
      typing = false;
      await burner.stop();
      await proxy.close();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
