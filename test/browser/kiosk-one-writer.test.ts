// Issue 10, item 6, as a candidate would try it: the exam opened in a second tab of the same
// browser. The second tab is read-only with a notice, never says "Enregistré" for text the server
// does not hold, and takes over when the first is closed; an answer moved past from elsewhere is
// shown, and the kiosk's diverging text stays visible. Both claims: Web Locks (a secure origin)
// and the BroadcastChannel fallback (no navigator.locks, as on http:// over the LAN).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, screenshotPath, startServer } from '../helpers/browser.js';
import { openSession, startSession, type TestApp } from '../helpers/build-app.js';
import { enterKiosk } from '../helpers/browser-logins.js';

let browser: Browser;
let server: TestApp & { url: string };
beforeAll(async () => {
  browser = await launchChromium();
  server = await startServer();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function loginAndOpenExam(page: Page, url: string, sessionCode: string, candidateCode: string) {
  await enterKiosk(page, `${url}/`, sessionCode, candidateCode);
}

async function withoutWebLocks(context: BrowserContext) {
  await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'locks', { get: () => undefined }));
}

for (const claim of ['web-locks', 'broadcast-channel'] as const) {
  describe(`two tabs of one attempt (${claim})`, { timeout: 120_000 }, () => {
    it('makes the second tab read-only, loses nothing, and shows a diverged answer', async () => {
      const { session, adminLogin } = await openSession(server.app, 1);
      const candidate = session.candidates[0]!;
      const stored = () => server.app.db.$client.prepare("SELECT text, revision FROM answers WHERE candidate_id = ? AND question_id = 'q1'").get(candidate.id) as { text: string; revision: number } | undefined;
      const context = await browser.newContext();
      if (claim === 'broadcast-channel') await withoutWebLocks(context);
      const first = await context.newPage();
      await loginAndOpenExam(first, server.url, session.code, candidate.code);
      await startSession(server.app, adminLogin, session.id);
      await first.locator('textarea').first().click();
      await first.keyboard.type('Written in the first tab. ');
      await expect.poll(() => stored()?.text, { timeout: 10_000 }).toBe('Written in the first tab. ');
      expect(claim === 'web-locks' ? await first.evaluate(() => 'locks' in navigator && navigator.locks !== undefined) : await first.evaluate(() => navigator.locks === undefined)).toBe(true);

      // The second tab: same login, same workstation storage.
      const second = await context.newPage();
      await second.goto(`${server.url}/`);
      await second.getByText('Cette copie est déjà ouverte dans un autre onglet ou une autre fenêtre').waitFor();
      const field2 = second.locator('textarea').first();
      expect(await field2.getAttribute('readonly')).not.toBeNull();
      expect(await field2.inputValue()).toBe(stored()!.text);
      await field2.click();
      await second.keyboard.type('Typed in the read-only tab.');
      expect(await field2.inputValue()).toBe('Written in the first tab. ');

      // The first tab goes on; the second says nothing is saved that the server lacks.
      await first.keyboard.type('More in the first tab. ');
      await expect.poll(() => stored()?.text, { timeout: 10_000 }).toBe('Written in the first tab. More in the first tab. ');
      await second.screenshot({ path: screenshotPath(`kiosk-second-tab-${claim}`) });
      expect(stored()!.text.startsWith(await field2.inputValue())).toBe(true);

      // The first tab closes: the second takes over with everything.
      await first.close({ runBeforeUnload: false });
      await expect.poll(() => field2.getAttribute('readonly'), { timeout: 10_000 }).toBeNull();
      await expect.poll(() => field2.inputValue(), { timeout: 10_000 }).toBe('Written in the first tab. More in the first tab. ');
      expect(await second.getByText('Cette copie est déjà ouverte').count()).toBe(0);
      await field2.click();
      await second.keyboard.press('End');
      await second.keyboard.type('Then the second tab.');
      const all = 'Written in the first tab. More in the first tab. Then the second tab.';
      await expect.poll(() => stored()?.text, { timeout: 10_000 }).toBe(all);

      // Another workstation moves the answer past this kiosk's copy (a revision per keystroke: far
      // past it); the kiosk's next save is stale.
      const before = stored()!;
      server.app.db.$client
        .prepare("UPDATE answers SET text = ?, revision = ? WHERE candidate_id = ? AND question_id = 'q1'")
        .run('Written on another workstation.', before.revision + 1000, candidate.id);
      await second.keyboard.type(' Kept here.');
      await expect.poll(() => field2.inputValue(), { timeout: 15_000 }).toBe('Written on another workstation.');
      await second.getByText('Le serveur a reçu une autre version de cette réponse').waitFor();
      await second.getByText(`${all} Kept here.`).waitFor();
      expect(stored()!.text).toBe('Written on another workstation.');
      await second.locator('lectern-answer-field').first().screenshot({ path: screenshotPath(`kiosk-diverged-${claim}`) });
      await context.close();
    });
  });
}
