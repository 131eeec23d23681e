// Issue 13, item 7: the answer field is drawn again only when what it shows of the answer moves
// (lectern-answer-field.ts, shouldUpdate), not on every key. What a candidate relies on must move
// at once all the same: the word count on each word typed or deleted, the characters left near
// the limit by the hundred; and the box and the server keep every character. The box, contained
// so that a key lays out and paints it alone, keeps its ten lines and can still be dragged taller.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
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

describe('the answer field while the candidate types', { timeout: 120_000 }, () => {
  it('counts the words key by key and says the characters left by the hundred', async () => {
    const server = await startRestartableServer(mkdtempSync(join(tmpdir(), 'lectern-answer-count-')));
    const url = `http://127.0.0.1:${server.port}`;
    try {
      const { session, adminLogin } = await openSession(server.app, 1);
      const candidate = session.candidates[0]!;
      const stored = () => storedAnswerText(server.app, candidate.id);
      const page = await browser.newPage();
      await enterKiosk(page, `${url}/`, session.code, candidate.code);
      await startSession(server.app, adminLogin, session.id);
      const field = page.locator('lectern-answer-field').first();
      const box = field.locator('textarea');
      const count = () => field.locator('#count').innerText();
      await box.click();

      // The box is fully contained (lectern-answer-field.ts: a key lays out and paints it alone):
      // it keeps the height of its ten rows, and dragging its corner still makes it taller, the
      // count following below it.
      const lines = await box.evaluate((el) => {
        const cs = getComputedStyle(el);
        const px = (v: string) => parseFloat(v);
        return { height: el.getBoundingClientRect().height, tenLines: 10 * px(cs.lineHeight) + px(cs.paddingTop) + px(cs.paddingBottom) + px(cs.borderTopWidth) + px(cs.borderBottomWidth) };
      });
      expect(lines.height).toBeCloseTo(lines.tenLines, 0);
      await box.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      const before = (await box.boundingBox())!;
      const countBefore = (await field.locator('#count').boundingBox())!;
      await page.mouse.move(before.x + before.width - 4, before.y + before.height - 4);
      await page.mouse.down();
      await page.mouse.move(before.x + before.width - 4, before.y + before.height + 116, { steps: 8 });
      await page.mouse.up();
      expect((await box.boundingBox())!.height).toBeGreaterThan(before.height + 100);
      expect((await field.locator('#count').boundingBox())!.y).toBeGreaterThan(countBefore.y + 100);
      await box.click();

      // Read at once after the keys, not polled: a redraw for another reason (the save state moving)
      // must not be what makes the count right. A key is handled, its redraw included, before
      // Playwright's key press returns.
      await page.keyboard.type('alpha');
      expect(await count()).toMatch(/^1 mot\b/);
      await page.keyboard.type(' beta gamma');
      expect(await count()).toMatch(/^3 mots\b/);
      // Deleting the last word moves the count.
      for (let i = 0; i < 6; i++) await page.keyboard.press('Backspace');
      expect(await count()).toMatch(/^2 mots\b/);
      expect(await box.inputValue()).toBe('alpha beta');

      // Near the limit: 45,000 characters arrive as one edit (as a paste would), then keys.
      const long = 'mot '.repeat(11_250);
      await box.evaluate((el: HTMLTextAreaElement, text: string) => {
        el.value = text;
        el.setSelectionRange(text.length, text.length);
        el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
      }, long);
      const notice = field.locator('#limit');
      await expect.poll(() => notice.innerText()).toMatch(/il en reste 5\s000 au plus/u);
      await expect.poll(count).toMatch(/^11\s250 mots\b/u);
      // One new word of 101 letters: the count moves at its first letter, then only the characters
      // left move (45,101 typed: 4,899 left, said as "4 900 at most").
      await page.keyboard.type('y'.repeat(101));
      expect(await notice.innerText()).toMatch(/il en reste 4\s900 au plus/u);
      expect(await count()).toMatch(/^11\s251 mots\b/u);
      await page.keyboard.type(' z');
      expect(await count()).toMatch(/^11\s252 mots\b/u);
      await field.screenshot({ path: screenshotPath('kiosk-answer-near-limit') });
      await page.screenshot({ path: screenshotPath('kiosk-answer-near-limit-page') });
      // The language switched: not a key, so the field is drawn again in English at once.
      await page.getByRole('button', { name: 'English' }).click();
      await expect.poll(() => notice.innerText()).toMatch(/at most 4,900 left/);
      expect(await count()).toMatch(/^11,252 words\b/);
      await field.screenshot({ path: screenshotPath('kiosk-answer-near-limit-en') });

      const typed = `${long}${'y'.repeat(101)} z`;
      expect(await box.inputValue()).toBe(typed);
      await expect.poll(stored, { timeout: 15_000 }).toBe(typed);
    } finally {
      await server.close();
    }
  });
});
