import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshotPath, startServer } from '../helpers/browser.js';
import { createStaff, openSession, startSession, type TestApp } from '../helpers/build-app.js';
import { enterKiosk } from '../helpers/browser-logins.js';

// What a web page can do to harden the kiosk, checked end to end: the kiosk blocks the print,
// save and new-window shortcuts and the context menu, reports fullscreen and its loss, pastes
// (with their source) and focus; each event is stored with the server's time and shows in the
// proctor's feed within a second.

let server: TestApp & { url: string };
let browser: Browser;
let kiosk: Page;
let dashboard: Page;
let candidateId: number;
let sessionId: number;

const stored = (kind: string) =>
  server.app.db.$client.prepare('SELECT detail, at FROM supervision_events WHERE candidate_id = ? AND kind = ? ORDER BY id').all(candidateId, kind) as { detail: string; at: number }[];
const feedCount = (kind: string) => dashboard.locator(`lectern-event-feed li[data-kind="${kind}"]`).count();

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  const room = await openSession(server.app, 1);
  candidateId = room.session.candidates[0]!.id;
  sessionId = room.session.id;
  const proctor = await createStaff(server.app, 'proctor');
  server.app.db.$client.prepare("INSERT INTO session_staff (session_id, account_id, role) VALUES (?, ?, 'proctor')").run(room.session.id, proctor.id);

  dashboard = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await dashboard.goto(`${server.url}/proctor#session=${room.session.id}`);
  await dashboard.getByLabel('Identifiant').fill(proctor.username);
  await dashboard.getByLabel('Mot de passe').fill(proctor.password);
  await dashboard.getByRole('button', { name: 'Se connecter' }).click();
  await dashboard.locator('button.tile').first().waitFor();

  kiosk = await (await browser.newContext({ viewport: { width: 1200, height: 800 } })).newPage();
  await enterKiosk(kiosk, `${server.url}/?workstation=PC-01`, room.session.code, room.session.candidates[0]!.code, { waitingRoom: false });
  await startSession(server.app, room.adminLogin, room.session.id);
  await kiosk.locator('textarea').first().waitFor();
  // Records whether the kiosk cancelled each key and context menu (listeners after the kiosk's own).
  await kiosk.evaluate(() => {
    const w = window as unknown as { __prevented: Record<string, boolean> };
    w.__prevented = {};
    // Capture on window, registered after the kiosk's: it runs right after the kiosk's own listener.
    window.addEventListener('keydown', (e) => (w.__prevented[`${e.ctrlKey ? 'Ctrl+' : ''}${e.key.toUpperCase()}`] = e.defaultPrevented), true);
    window.addEventListener('contextmenu', (e) => (w.__prevented['contextmenu'] = e.defaultPrevented));
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('kiosk hardening, seen from the proctor’s dashboard', { timeout: 30_000 }, () => {
  it('asks for fullscreen at the start and reports leaving it', async () => {
    // Browsers grant fullscreen on a gesture: the kiosk asks on the first ones in the exam.
    await kiosk.locator('textarea').first().click();
    await expect.poll(() => kiosk.evaluate(() => document.fullscreenElement !== null)).toBe(true);
    await expect.poll(() => stored('fullscreen-entered').length).toBeGreaterThan(0);
    const left = Date.now();
    await kiosk.evaluate(() => document.exitFullscreen());
    await expect.poll(() => stored('fullscreen-left').length).toBe(1);
    await expect.poll(() => feedCount('fullscreen-left'), { timeout: 1000 }).toBe(1);
    expect(stored('fullscreen-left')[0]!.at).toBeGreaterThanOrEqual(left - 50);
  });

  it('blocks the print, save and new-window shortcuts and reports each', async () => {
    await kiosk.locator('textarea').first().click();
    for (const key of ['p', 's', 'n']) await kiosk.keyboard.press(`Control+${key}`);
    await expect.poll(() => stored('blocked-shortcut').map((e) => JSON.parse(e.detail).shortcut)).toEqual(['Ctrl+P', 'Ctrl+S', 'Ctrl+N']);
    const prevented = await kiosk.evaluate(() => (window as unknown as { __prevented: Record<string, boolean> }).__prevented);
    expect(prevented).toMatchObject({ 'Ctrl+P': true, 'Ctrl+S': true, 'Ctrl+N': true });
    await expect.poll(() => feedCount('blocked-shortcut'), { timeout: 1000 }).toBe(3);
    // The kiosk is still the only page of its context: no new window opened.
    expect(kiosk.context().pages()).toHaveLength(1);
  });

  it('blocks the context menu and reports it', async () => {
    await kiosk.locator('textarea').first().click({ button: 'right' });
    await expect.poll(() => stored('context-menu').length).toBe(1);
    expect(await kiosk.evaluate(() => (window as unknown as { __prevented: Record<string, boolean> }).__prevented['contextmenu'])).toBe(true);
    await expect.poll(() => feedCount('context-menu'), { timeout: 1000 }).toBe(1);
  });

  it('reports a paste with its length and whether it comes from the document', async () => {
    const fromDocument = (await kiosk.locator('[data-area=document] p').first().innerText()).slice(0, 60);
    for (const text of [fromDocument, 'text copied from somewhere else entirely']) {
      await kiosk.locator('textarea').first().evaluate((area, pasted) => {
        const data = new DataTransfer();
        data.setData('text/plain', pasted);
        area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, composed: true, cancelable: true }));
      }, text);
    }
    await expect.poll(() => stored('paste').map((e) => JSON.parse(e.detail) as { source: string; length: number })).toEqual([
      expect.objectContaining({ source: 'document', length: fromDocument.length }),
      expect.objectContaining({ source: 'outside', length: 40 }),
    ]);
    await expect.poll(() => feedCount('paste'), { timeout: 1000 }).toBe(2);
  });

  it('draws the newest 20 feed lines and the older ones 20 at a time on request', async () => {
    // 45 more events in the database; a reloaded dashboard gets them in its snapshot.
    const insert = server.app.db.$client.prepare("INSERT INTO supervision_events (session_id, candidate_id, kind, detail, at) VALUES (?, ?, 'focus-lost', ?, ?)");
    for (let i = 0; i < 45; i++) insert.run(sessionId, candidateId, JSON.stringify({ awayMs: 1000 + i }), Date.now() - 60_000 + i);
    const total = (server.app.db.$client.prepare('SELECT COUNT(*) AS n FROM supervision_events WHERE session_id = ?').get(sessionId) as { n: number }).n;
    expect(total).toBeGreaterThan(40);
    await dashboard.reload();
    const lines = dashboard.locator('lectern-event-feed li');
    const older = dashboard.locator('[data-role=feed-older]');
    await expect.poll(() => lines.count()).toBe(20);
    expect(await older.innerText()).toBe('Afficher 20 événements plus anciens');
    await older.scrollIntoViewIfNeeded();
    await dashboard.screenshot({ path: screenshotPath('proctor-feed-older-fr') });
    await dashboard.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => older.innerText()).toBe('Show 20 older events');
    await dashboard.screenshot({ path: screenshotPath('proctor-feed-older-en') });
    await dashboard.getByRole('button', { name: 'Français' }).click();
    await expect.poll(() => older.innerText()).toBe('Afficher 20 événements plus anciens');
    await older.click();
    await expect.poll(() => lines.count()).toBe(40);
    // The feed holds every event of this short session, with the notice and login lines.
    const rest = (await dashboard.evaluate(() => (document.querySelector('lectern-proctor')!.shadowRoot!.querySelector('lectern-dashboard') as unknown as { room: { feed: unknown[] } }).room.feed.length)) - 40;
    expect(rest).toBeGreaterThan(0);
    expect(await older.innerText()).toBe(rest === 1 ? 'Afficher l’événement plus ancien' : `Afficher ${Math.min(20, rest)} événements plus anciens`);
    await older.click();
    await expect.poll(() => lines.count()).toBe(40 + Math.min(20, rest));
  });
});
