// Issue 13, item 4: a login slip holds a 40-character workstation name and a long room name. Printed,
// each slip is a fixed 90 mm box that hides what does not fit (six to an A4 sheet), so a long name
// used to push the slip's last line out of sight; the overflow check sees that, in the print layout
// (print media, the A4 page's printable width), in French and English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { launchChromium, screenshotPath, startServer } from '../helpers/browser.js';
import { openSession, type TestApp } from '../helpers/build-app.js';
import { describeAxe, describeOverflow, findOverflow, seriousAxeViolations } from './support/screen-checks.js';

/** 40 characters each: one cut only where hyphens are, one in words. */
const WORKSTATIONS = ['SALLE-B12-POSTE-INFORMATIQUE-0042-ANNEXE', 'Salle informatique B12, poste numéro 042'];
const ROOM = 'Bâtiment Condorcet, 2e étage, salle informatique B12 (aile nord)';
/** A4 less the slips' page margins (10 mm each side, 8 mm top and bottom), in CSS pixels. */
const PRINTABLE = { width: Math.floor((190 / 25.4) * 96), height: Math.floor((281 / 25.4) * 96) };

let server: TestApp & { url: string };
let browser: Browser;
let room: Awaited<ReturnType<typeof openSession>>;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  room = await openSession(server.app, 3);
  server.app.db.$client.prepare('UPDATE exam_sessions SET room = ? WHERE id = ?').run(ROOM, room.session.id);
  const setWorkstation = server.app.db.$client.prepare('UPDATE candidates SET workstation = ? WHERE id = ?');
  for (const [i, name] of WORKSTATIONS.entries()) setWorkstation.run(name, room.session.candidates[i]!.id);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('login slips with long names', { timeout: 60_000 }, () => {
  it('keep every line inside each printed slip, in French and English', async () => {
    const context = await browser.newContext({ viewport: PRINTABLE, extraHTTPHeaders: { cookie: room.adminLogin.cookie } });
    const page = await context.newPage();
    for (const lang of ['fr', 'en'] as const) {
      await page.goto(`${server.url}/proctor/sessions/${room.session.id}/slips?lang=${lang}`);
      await page.locator('.slip').first().waitFor();
      expect(await page.locator('.slip-workstation').allInnerTexts()).toEqual(expect.arrayContaining(WORKSTATIONS));
      expect(await page.locator('.slip-title').first().innerText()).toContain(ROOM);
      await page.emulateMedia({ media: 'print' });
      const found = await findOverflow(page);
      expect(found, `slips ${lang}, printed:\n${describeOverflow(found)}`).toEqual([]);
      // The last line of each slip is in its box (not only not overflowing: drawn inside it).
      const lastLines = await page.locator('.slip').evaluateAll((slips) =>
        slips.map((slip) => {
          const box = slip.getBoundingClientRect();
          const last = slip.lastElementChild!.getBoundingClientRect();
          return last.bottom <= box.bottom;
        }),
      );
      expect(lastLines).toEqual(lastLines.map(() => true));
      await page.emulateMedia({ media: 'screen' });
      const axe = await seriousAxeViolations(page);
      expect(axe, `slips ${lang}:\n${describeAxe(axe)}`).toEqual([]);
      // The PDF as it prints (page.pdf follows the emulated media).
      await page.emulateMedia({ media: 'print' });
      const file = screenshotPath(`proctor-slips-long-names-${lang}`).replace(/\.png$/, '.pdf');
      writeFileSync(file, await page.pdf({ format: 'A4' }));
      execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', file, file.replace(/\.pdf$/, '')]);
      await page.emulateMedia({ media: 'screen' });
    }
    await context.close();
  });
});
