import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { launchChromium, screenshotPath, startServer } from '../helpers/browser.js';
import { createStaff, loginCandidate, loginStaff, openSession, startSession, type Login, type TestApp } from '../helpers/build-app.js';
import { openSocket, type SocketInbox } from '../helpers/socket.js';
import { describeAxe, describeOverflow, findOverflow, seriousAxeViolations } from './support/screen-checks.js';

// Issue 13, items 1 and 2, on the proctor's screens: every text inside its box at 1366x768,
// 1920x1080 and 200% zoom (a viewport of half 1366x768 in CSS pixels), in French and English, in
// the states that cut tiles before (long workstation names, extra time, unread messages, locked,
// events, a selected tile, after the end); axe-core on the dashboard, the panel, the report and the
// slips; the dashboard walked by keyboard alone.

let server: TestApp & { url: string };
let browser: Browser;
let room: Awaited<ReturnType<typeof openSession>>;
let page: Page;
const sockets: SocketInbox[] = [];

const viewports = [
  { name: '1366x768', width: 1366, height: 768 },
  { name: '1920x1080', width: 1920, height: 1080 },
  // 200 % zoom of a 1366x768 screen: the page lays out in half as many CSS pixels.
  { name: 'zoom200', width: 683, height: 384 },
] as const;

const LONG_WORKSTATIONS = ['SALLE-B12-POSTE-INFORMATIQUE-0042', 'ANNEXE-NORD-RDC-POSTE-DE-SECOURS-07'];
const dashboardRoot = '[data-role=room-state]';
const tile = (candidateId: number) => page.locator(`button.tile[data-candidate="${candidateId}"]`);

async function post(login: Login, url: string, payload: unknown): Promise<void> {
  const response = await server.app.inject({ method: 'POST', url, headers: login.headers, payload: payload as object });
  expect(response.statusCode, response.body).toBe(200);
}

/** A candidate logged in with a kiosk socket open, doing `activity`. */
async function connect(index: number, activity: 'reading' | 'typing'): Promise<SocketInbox> {
  const candidate = room.session.candidates[index]!;
  const login = await loginCandidate(server.app, room.session.code, candidate.code, candidate.workstation);
  const socket = await openSocket(server.app, login.cookie);
  socket.send({ type: 'heartbeat', activity });
  sockets.push(socket);
  // A kiosk beats every few seconds; without it the dashboard shows the candidate offline.
  const beat = setInterval(() => socket.send({ type: 'heartbeat', activity }), 2000);
  socket.socket.on('close', () => clearInterval(beat));
  return socket;
}

async function expectNoOverflow(label: string): Promise<void> {
  const found = await findOverflow(page);
  expect(found, `${label}:\n${describeOverflow(found)}`).toEqual([]);
}

async function expectNoSeriousAxe(target: Page, label: string): Promise<void> {
  const found = await seriousAxeViolations(target);
  expect(found, `${label}:\n${describeAxe(found)}`).toEqual([]);
}

/** Every viewport, in the page's current language: no text outside its box. */
async function everyViewport(state: string, lang: string): Promise<void> {
  for (const v of viewports) {
    await page.setViewportSize({ width: v.width, height: v.height });
    await page.locator('button.tile').first().waitFor();
    if (v.name !== '1920x1080') await page.screenshot({ path: screenshotPath(`proctor-screens-${state}-${lang}-${v.name}`) });
    await expectNoOverflow(`${state} ${lang} ${v.name}`);
  }
}

async function switchLanguage(to: 'fr' | 'en'): Promise<void> {
  await page.getByRole('button', { name: to === 'en' ? 'English' : 'Français' }).click();
  await expect.poll(() => page.locator(dashboardRoot).innerText()).toMatch(to === 'en' ? /Running|Ended|Paused|Not started/ : /En cours|Terminée|En pause|Pas encore/);
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  room = await openSession(server.app, 6);
  const { session, adminLogin } = room;
  // A room named with its own word: the report must not say "Salle Salle démo".
  server.app.db.$client.prepare('UPDATE exam_sessions SET room = ? WHERE id = ?').run('Salle démo', session.id);
  const setWorkstation = server.app.db.$client.prepare('UPDATE candidates SET workstation = ? WHERE id = ?');
  for (const [i, name] of LONG_WORKSTATIONS.entries()) {
    setWorkstation.run(name, session.candidates[i]!.id);
    session.candidates[i]!.workstation = name;
  }
  const proctor = await createStaff(server.app, 'proctor', 'surveillante');
  const proctorId = (server.app.db.$client.prepare('SELECT id FROM accounts WHERE username = ?').get('surveillante') as { id: number }).id;
  server.app.db.$client.prepare("INSERT INTO session_staff (session_id, account_id, role) VALUES (?, ?, 'proctor')").run(session.id, proctorId);
  const proctorLogin = await loginStaff(server.app, proctor.username, proctor.password);

  // Candidate 0 carries every flag at once: extra time, an unread message, locked, events.
  const busy = await connect(0, 'typing');
  await connect(1, 'reading');
  await connect(2, 'typing');
  await connect(4, 'reading');
  await startSession(server.app, adminLogin, session.id);
  for (const kind of ['focus-lost', 'focus-lost', 'paste', 'fullscreen-left', 'reload']) busy.send({ type: 'supervision', kind, detail: kind === 'paste' ? { length: 120, source: 'outside' } : {} });
  const base = `/api/sessions/${session.id}/candidates`;
  await post(proctorLogin, `${base}/${session.candidates[0]!.id}/extra-time`, { minutes: 12.5, kind: 'incident', reason: 'Panne de clavier' });
  await post(proctorLogin, `/api/sessions/${session.id}/messages`, { text: 'Merci de vérifier votre branchement réseau.', candidateId: session.candidates[0]!.id });
  await post(proctorLogin, `/api/sessions/${session.id}/messages`, { text: 'Deuxième rappel.', candidateId: session.candidates[0]!.id });
  await post(proctorLogin, `${base}/${session.candidates[0]!.id}/lock`, {});
  await post(proctorLogin, `${base}/${session.candidates[4]!.id}/pause`, { reason: 'Malaise' });
  await post(proctorLogin, `${base}/${session.candidates[2]!.id}/extra-time`, { minutes: 20, kind: 'accommodation', reason: 'Tiers-temps' });

  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  page = await context.newPage();
  page.on('pageerror', (e) => {
    throw e;
  });
  await page.goto(`${server.url}/proctor#session=${session.id}`);
  await page.getByLabel('Identifiant').fill(proctor.username);
  await page.getByLabel('Mot de passe').fill(proctor.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.locator('button.tile').first().waitFor();
}, 60_000);

afterAll(async () => {
  for (const s of sockets) s.socket.terminate();
  await browser?.close();
  await server?.close();
});

describe('the proctor’s screens hold at every size, in French and English', { timeout: 90_000 }, () => {
  it('keeps every tile’s text inside its box while the session runs', async () => {
    await expect.poll(() => tile(room.session.candidates[0]!.id).locator('.flags').innerText()).toMatch(/Verrouillé[\s\S]*2 messages non lus/);
    expect(await tile(room.session.candidates[0]!.id).locator('[data-role=events]').innerText()).toMatch(/Événements à vérifier\u202f: .*Focus perdu 2/);
    await everyViewport('running', 'fr');
    await switchLanguage('en');
    // Every part of the dashboard follows the switch, the fallback file's proctor code included.
    await expect.poll(() => page.getByText('Proctor code for the fallback file:').count()).toBe(1);
    expect(await page.getByText('Code surveillant du fichier de secours').count()).toBe(0);
    await everyViewport('running', 'en');
    await switchLanguage('fr');
  });

  it('explains the events flag and says "En lecture", not "Lit"', async () => {
    const flag = tile(room.session.candidates[0]!.id).locator('[data-role=events]');
    expect(await flag.getAttribute('title')).toMatch(/collage/);
    expect(await tile(room.session.candidates[1]!.id).locator('[data-role=state]').innerText()).toMatch(/En lecture/);
  });

  it('opens the candidate panel as a dialog in view, takes the focus, closes with Escape and gives it back', async () => {
    for (const v of viewports) {
      await page.setViewportSize({ width: v.width, height: v.height });
      const target = tile(room.session.candidates[0]!.id);
      await target.focus();
      await page.keyboard.press('Enter');
      const dialog = page.locator('dialog.candidate-dialog');
      await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
      // In view: the dialog's box within the viewport, and the focus inside it.
      const box = (await dialog.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(v.height + 1);
      expect(await dialog.evaluate((d) => d.matches(':focus-within'))).toBe(true);
      await expectNoOverflow(`panel ${v.name}`);
      await page.screenshot({ path: screenshotPath(`proctor-screens-panel-fr-${v.name}`) });
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
      await expect.poll(() => target.evaluate((b) => b.matches(':focus'))).toBe(true);
    }
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  it('has no serious or critical axe violation on the dashboard and the open panel', async () => {
    await expectNoSeriousAxe(page, 'dashboard');
    await tile(room.session.candidates[0]!.id).click();
    await page.locator('dialog.candidate-dialog form[data-form=message]').waitFor();
    await expectNoSeriousAxe(page, 'panel');
    // The close button closes it too, the focus back on the tile.
    await page.locator('dialog.candidate-dialog').getByRole('button', { name: 'Fermer' }).click();
    await expect.poll(() => page.locator('dialog.candidate-dialog').evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
    await expect.poll(() => tile(room.session.candidates[0]!.id).evaluate((b) => b.matches(':focus'))).toBe(true);
  });

  it('walks to a tile by Tab alone, opens it with Enter, and closes it with Escape', async () => {
    await page.reload();
    await page.locator('button.tile').first().waitFor();
    // Tab from the top of the page until the focus reaches a tile: the bar, its controls and the
    // filters come first, each reachable by keyboard.
    const onTile = () =>
      page.evaluate(() => {
        let el: Element | null = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el?.matches('button.tile') ? (el.getAttribute('data-candidate') ?? '') : '';
      });
    let reached = '';
    for (let presses = 0; presses < 40 && !reached; presses++) {
      await page.keyboard.press('Tab');
      reached = await onTile();
    }
    expect(reached).not.toBe('');
    await page.keyboard.press('Enter');
    const dialog = page.locator('dialog.candidate-dialog');
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((d) => d.matches(':focus-within'))).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(onTile).toBe(reached);
  });

  it('keeps a selected tile and the high-contrast theme inside their boxes', async () => {
    await tile(room.session.candidates[0]!.id).click();
    await page.keyboard.press('Escape');
    expect(await tile(room.session.candidates[0]!.id).getAttribute('aria-pressed')).toBe('true');
    await page.locator('[data-action=contrast]').click();
    await everyViewport('selected-contrast', 'fr');
    await page.locator('[data-action=contrast]').click();
  });

  it('after the end: "Remis à …" and every tile still hold, and the report and slips pass axe', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.locator('[data-action=end]').click();
    await page.locator('[data-action=confirm-end]').click();
    await expect.poll(() => page.locator(dashboardRoot).innerText()).toBe('Terminée');
    await expect.poll(() => tile(room.session.candidates[2]!.id).locator('[data-role=clock]').innerText()).toMatch(/Remis à \d\d:\d\d:\d\d/);
    await everyViewport('ended', 'fr');
    await switchLanguage('en');
    await everyViewport('ended', 'en');
    await switchLanguage('fr');

    const print = await page.context().newPage();
    for (const lang of ['fr', 'en'] as const) {
      await print.goto(`${server.url}/proctor/sessions/${room.session.id}/report?lang=${lang}`);
      await print.getByRole('heading', { level: 1 }).waitFor();
      await expectNoSeriousAxe(print, `report ${lang}`);
      if (lang === 'fr') {
        const text = await print.locator('main').innerText();
        expect(text).toContain('Salle démo');
        expect(text).not.toContain('Salle Salle');
        expect(text).toContain('Incident\u202f: panne de clavier');
      }
      const report = screenshotPath(`proctor-screens-report-${lang}`).replace(/\.png$/, '.pdf');
      writeFileSync(report, await print.pdf({ format: 'A4', printBackground: true }));
      execFileSync('pdftoppm', ['-png', '-r', '50', report, report.replace(/\.pdf$/, '')]);
      await print.goto(`${server.url}/proctor/sessions/${room.session.id}/slips?lang=${lang}`);
      await print.locator('.slip').first().waitFor();
      await expectNoSeriousAxe(print, `slips ${lang}`);
      const file = screenshotPath(`proctor-screens-slips-${lang}`).replace(/\.png$/, '.pdf');
      writeFileSync(file, await print.pdf({ format: 'A4' }));
      execFileSync('pdftoppm', ['-png', '-r', '50', file, file.replace(/\.pdf$/, '')]);
      expect(existsSync(`${file.replace(/\.pdf$/, '')}-1.png`)).toBe(true);
    }
    await print.close();
  });
});
