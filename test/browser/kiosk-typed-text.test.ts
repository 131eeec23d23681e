// The kiosk works out the answer's text from each key's input event instead of reading the box
// back (client/kiosk/typed-text.ts, issue 13, item 7). In Chromium, with the real keyboard: keys
// typed at the end and in the middle, line breaks, deletions, a selection typed over, text put in
// as an input method commits it, the box's maxlength reached; after each burst the text the kiosk
// holds is what the box shows, and the server ends with it. The edits are drawn by fast-check, so
// each run tries other mixtures; a failure prints the seed that replays it.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshotPath, startServer } from '../helpers/browser.js';
import { openSession, startSession, type TestApp } from '../helpers/build-app.js';
import { enterKiosk } from '../helpers/browser-logins.js';

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

type Action =
  | { kind: 'type'; text: string }
  | { kind: 'press'; key: string }
  | { kind: 'commit'; text: string }
  | { kind: 'select'; back: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('unit ', 'a', 'journal. ', 'é', "l'", '-').map((text): Action => ({ kind: 'type', text })) },
  { weight: 2, arbitrary: fc.constantFrom('Enter', 'Backspace', 'Delete', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'Control+End', 'Control+Home').map((key): Action => ({ kind: 'press', key })) },
  { weight: 1, arbitrary: fc.constantFrom('commit', 'ça', '😀').map((text): Action => ({ kind: 'commit', text })) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 4 }).map((back): Action => ({ kind: 'select', back })) },
);

async function perform(page: Page, a: Action): Promise<void> {
  if (a.kind === 'type') await page.keyboard.type(a.text);
  if (a.kind === 'press') await page.keyboard.press(a.key);
  // As an input method commits a word: one input event with no key.
  if (a.kind === 'commit') await page.keyboard.insertText(a.text);
  if (a.kind === 'select') for (let i = 0; i < a.back; i++) await page.keyboard.press('Shift+ArrowLeft');
}

/** The text the kiosk holds for the field (what it saves and counts) and what the box shows. */
const heldAndShown = (page: Page) =>
  page
    .locator('lectern-answer-field')
    .first()
    .evaluate((field) => ({ held: (field as unknown as { text: string }).text, shown: field.shadowRoot!.querySelector('textarea')!.value }));

function storedText(app: TestApp['app'], candidateId: number): string | undefined {
  return (app.db.$client.prepare("SELECT text FROM answers WHERE candidate_id = ? AND question_id = 'q1'").get(candidateId) as { text: string } | undefined)?.text;
}

describe('the answer typed in a real browser', { timeout: 180_000 }, () => {
  it('is, after every burst of keys, what the box shows; the server ends with it', async () => {
    const { session, adminLogin } = await openSession(server.app, 1);
    const candidate = session.candidates[0]!;
    const page = await browser.newPage();
    await enterKiosk(page, `${server.url}/`, session.code, candidate.code);
    await startSession(server.app, adminLogin, session.id);
    const box = page.locator('lectern-answer-field textarea').first();
    await box.click();
    await page.keyboard.type('The timer starts the backup unit. ');

    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 5, maxLength: 25 }), async (burst) => {
        for (const a of burst) await perform(page, a);
        const { held, shown } = await heldAndShown(page);
        expect(held).toBe(shown);
      }),
      { numRuns: 12 },
    );
    const { shown } = await heldAndShown(page);
    await expect.poll(() => storedText(server.app, candidate.id), { timeout: 15_000 }).toBe(shown);
    await page.screenshot({ path: screenshotPath('kiosk-typed-text') });
    await page.close();
  });

  it('holds what the box holds once its maxlength is reached, the extra keys refused by the box', async () => {
    const { session, adminLogin } = await openSession(server.app, 1);
    const candidate = session.candidates[0]!;
    const page = await browser.newPage();
    await enterKiosk(page, `${server.url}/`, session.code, candidate.code);
    await startSession(server.app, adminLogin, session.id);
    const box = page.locator('lectern-answer-field textarea').first();
    const max = Number(await box.getAttribute('maxlength'));
    // Filled to two characters below the limit as one input (a paste), then typed past it.
    await box.evaluate((el: HTMLTextAreaElement, n: number) => {
      el.focus();
      el.value = 'x '.repeat(n).slice(0, n);
      el.setSelectionRange(n, n);
      el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
    }, max - 2);
    await page.keyboard.type('abcd');
    await page.keyboard.insertText('😀');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('yz');
    const { held, shown } = await heldAndShown(page);
    expect(shown.length).toBe(max);
    expect(held).toBe(shown);
    await expect.poll(() => storedText(server.app, candidate.id), { timeout: 15_000 }).toBe(shown);
    await page.close();
  });
});
