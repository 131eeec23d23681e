// Issue 10, item 1, in a real browser: a Chromium kiosk keeps its copy of the answers through a
// server whose database is replaced by an older copy (an online backup taken before the
// candidate's last 40 words); once the kiosk is back, the server holds every word and the answer
// is recorded as recovered for the proctor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, screenshotPath } from '../helpers/browser.js';
import { openSession, startSession } from '../helpers/build-app.js';
import { startRestartableServer } from '../helpers/restartable-server.js';
import { enterKiosk } from '../helpers/browser-logins.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const words = (from: number, count: number) => Array.from({ length: count }, (_, i) => `word${from + i}`).join(' ') + ' ';

describe('a server restored from an older backup', { timeout: 150_000 }, () => {
  it('ends with every word the kiosk had saved, and says the answer was recovered', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lectern-second-copy-'));
    const backup = join(mkdtempSync(join(tmpdir(), 'lectern-older-')), 'older.sqlite');
    const server = await startRestartableServer(dataDir);
    const url = `http://127.0.0.1:${server.port}`;
    try {
      const { session, adminLogin } = await openSession(server.app, 1);
      const candidate = session.candidates[0]!;
      const stored = () => (server.app.db.$client.prepare("SELECT text FROM answers WHERE candidate_id = ? AND question_id = 'q1'").get(candidate.id) as { text: string } | undefined)?.text;
      const page = await browser.newPage();
      await enterKiosk(page, `${url}/`, session.code, candidate.code);
      await startSession(server.app, adminLogin, session.id);
      await page.locator('textarea').first().click();

      const early = words(1, 15);
      await page.keyboard.type(early);
      await expect.poll(stored, { timeout: 10_000 }).toBe(early);
      await server.app.db.$client.backup(backup);
      const late = words(16, 40);
      await page.keyboard.type(late);
      await expect.poll(stored, { timeout: 15_000 }).toBe(early + late);
      // Everything acknowledged: the kiosk holds no unacknowledged edit, only its kept copy.
      await page.getByText(/Enregistré à/).waitFor();

      await server.restart(() => {
        copyFileSync(backup, join(dataDir, 'lectern.sqlite'));
        rmSync(join(dataDir, 'lectern.sqlite-wal'), { force: true });
        rmSync(join(dataDir, 'lectern.sqlite-shm'), { force: true });
      });
      await expect.poll(stored, { timeout: 30_000, interval: 250 }).toBe(early + late);
      expect(await page.locator('textarea').first().inputValue()).toBe(early + late);
      const events = () => server.app.db.$client.prepare("SELECT detail FROM supervision_events WHERE candidate_id = ? AND kind = 'answer-recovered'").all(candidate.id) as { detail: string }[];
      await expect.poll(() => events().length, { timeout: 10_000 }).toBeGreaterThan(0);
      expect(JSON.parse(events()[0]!.detail)).toMatchObject({ question: 'q1', length: (early + late).length });
      await page.screenshot({ path: screenshotPath('kiosk-second-copy-recovered') });
      await page.close();
    } finally {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
