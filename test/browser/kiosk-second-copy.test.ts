// Issue 10, item 1, in a real browser: a Chromium kiosk keeps its copy of the answers through a
// server whose database is replaced by an older copy (an online backup taken before the
// candidate's last 40 words); once the kiosk is back, the server holds every word and the answer
// is recorded as recovered for the proctor: the candidate's tile on the dashboard and the session
// report both show it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, screenshotPath } from '../helpers/browser.js';
import { openSession, startSession, storedAnswerText } from '../helpers/build-app.js';
import { startRestartableServer } from '../helpers/restartable-server.js';
import { enterKiosk, openStaffPage } from '../helpers/browser-logins.js';
import { describeOverflow, findOverflow } from './support/screen-checks.js';

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
      const { session, admin, adminLogin } = await openSession(server.app, 1);
      const candidate = session.candidates[0]!;
      const stored = () => storedAnswerText(server.app, candidate.id);
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

      // What the proctor sees: the tile's mark, inside its box, and the report's table.
      const dashboard = await openStaffPage(browser, `${url}/proctor#session=${session.id}`, admin, 'fr', { viewport: { width: 1366, height: 768 } });
      const mark = dashboard.locator(`button.tile[data-candidate="${candidate.id}"] [data-role="recovered"]`);
      await expect.poll(() => mark.count()).toBe(1);
      expect(await mark.innerText()).toMatch(/^⟲ \d+ réponses? récupérées? du poste$/);
      const clipped = (await findOverflow(dashboard)).filter((o) => o.path.includes('tile'));
      expect(clipped, describeOverflow(clipped)).toEqual([]);
      await dashboard.screenshot({ path: screenshotPath('proctor-tile-recovered-fr') });
      await dashboard.goto(`${url}/proctor/sessions/${session.id}/report?lang=fr`);
      const rows = dashboard.locator('section.recovered tbody tr');
      await expect.poll(() => rows.count()).toBe(1);
      expect(await rows.first().innerText()).toMatch(new RegExp(`${candidate.code}[\\s\\S]*q1`));
      await dashboard.locator('section.recovered').screenshot({ path: screenshotPath('proctor-report-recovered-fr') });
      await dashboard.context().close();
    } finally {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
