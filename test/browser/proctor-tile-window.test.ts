import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshotPath, startServer } from '../helpers/browser.js';
import { createStaff, openSession, type TestApp } from '../helpers/build-app.js';

// A large room draws only the tiles in view (client/proctor/tile-window.ts). Checked here: each
// drawn tile sits at its place in the room's order, the scroll bar is the whole room's, and
// scrolling anywhere shows the tiles of that place with no gap.

const COUNT = 150;
let server: TestApp & { url: string };
let browser: Browser;
let dashboard: Page;

interface Drawn {
  /** aria-posinset - 1: the tile's index in the room's order. */
  index: number;
  workstation: string;
  /** Index computed from where the tile is in the grid. */
  placed: number;
  /** The tile intersects the scroller's view. */
  inView: boolean;
}

/** The drawn tiles, where they are, and the scroller's view. */
function drawn(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('lectern-proctor')!.shadowRoot!.querySelector('lectern-dashboard')!.shadowRoot!;
    const scroller = root.querySelector<HTMLElement>('section.tiles')!;
    const grid = root.querySelector<HTMLElement>('.grid')!;
    const style = getComputedStyle(grid);
    const columns = style.gridTemplateColumns.split(' ').length;
    const gridBox = grid.getBoundingClientRect();
    const view = scroller.getBoundingClientRect();
    const hosts = [...grid.querySelectorAll<HTMLElement>('lectern-candidate-tile')];
    const first = hosts[0]!.getBoundingClientRect();
    const second = hosts[columns]?.getBoundingClientRect();
    const pitch = second ? second.top - first.top : first.height;
    const colPitch = hosts[1] ? hosts[1].getBoundingClientRect().left - first.left : 1;
    const tiles = hosts.map((h) => {
      const r = h.getBoundingClientRect();
      // Row 0 is at the grid's top: the padding above the drawn rows stands for the rows not drawn.
      const row = Math.round((r.top - gridBox.top) / pitch);
      const col = Math.round((r.left - gridBox.left) / colPitch);
      return {
        index: Number(h.getAttribute('aria-posinset')) - 1,
        workstation: h.querySelector('.workstation')!.textContent,
        placed: row * columns + col,
        inView: r.bottom > view.top && r.top < view.bottom,
      };
    });
    return { tiles, columns, setsize: Number(hosts[0]!.getAttribute('aria-setsize')), scrollHeight: scroller.scrollHeight, clientHeight: scroller.clientHeight, rowPitch: pitch };
  }) as Promise<{ tiles: Drawn[]; columns: number; setsize: number; scrollHeight: number; clientHeight: number; rowPitch: number }>;
}

function scrollTo(page: Page, fraction: number) {
  return page.evaluate((f) => {
    const scroller = document.querySelector('lectern-proctor')!.shadowRoot!.querySelector('lectern-dashboard')!.shadowRoot!.querySelector<HTMLElement>('section.tiles')!;
    scroller.scrollTop = (scroller.scrollHeight - scroller.clientHeight) * f;
  }, fraction);
}

const workstation = (i: number) => `PC-${String(i + 1).padStart(2, '0')}`;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  const room = await openSession(server.app, COUNT);
  const proctor = await createStaff(server.app, 'proctor');
  server.app.db.$client.prepare("INSERT INTO session_staff (session_id, account_id, role) VALUES (?, ?, 'proctor')").run(room.session.id, proctor.id);
  dashboard = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await dashboard.goto(`${server.url}/proctor#session=${room.session.id}`);
  await dashboard.getByLabel('Identifiant').fill(proctor.username);
  await dashboard.getByLabel('Mot de passe').fill(proctor.password);
  await dashboard.getByRole('button', { name: 'Se connecter' }).click();
  await dashboard.locator('button.tile').first().waitFor();
  await dashboard.locator('[data-role=sort]').selectOption('workstation');
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a room of 150 on the dashboard', { timeout: 30_000 }, () => {
  it('draws the tiles in view, not the whole room, and says how many there are', async () => {
    await expect.poll(async () => (await drawn(dashboard)).tiles.length).toBeLessThan(COUNT / 2);
    const d = await drawn(dashboard);
    expect(d.setsize).toBe(COUNT);
    expect(await dashboard.locator('[data-role=counts]').innerText()).toContain(`${COUNT} sur ${COUNT}`);
    // The scroll bar is the room's: every row, drawn or not, has its height.
    expect(d.scrollHeight).toBeGreaterThanOrEqual(Math.ceil(COUNT / d.columns) * d.rowPitch);
  });

  for (const fraction of [0, 0.37, 0.5, 1]) {
    it(`shows the right tiles, in their places, scrolled to ${fraction * 100} %`, async () => {
      await scrollTo(dashboard, fraction);
      // The view is covered: every place in view has its tile drawn, in the room's order.
      await expect
        .poll(async () => {
          const d = await drawn(dashboard);
          const inView = d.tiles.filter((t) => t.inView);
          const misplaced = d.tiles.filter((t) => t.placed !== t.index || t.workstation !== workstation(t.index));
          const first = Math.min(...inView.map((t) => t.index));
          const last = Math.max(...inView.map((t) => t.index));
          return { misplaced: misplaced.length, gaps: last - first + 1 - inView.length, rowsInView: inView.length >= d.columns * Math.floor(d.clientHeight / d.rowPitch) || last === COUNT - 1 };
        })
        .toEqual({ misplaced: 0, gaps: 0, rowsInView: true });
      const d = await drawn(dashboard);
      if (fraction === 1) expect(d.tiles.some((t) => t.inView && t.workstation === workstation(COUNT - 1))).toBe(true);
      if (fraction === 0.5) await dashboard.screenshot({ path: screenshotPath('proctor-6-large-room-middle-fr') });
    });
  }

  it('finds a tile far down the room by search, and shows the whole room again after', async () => {
    await scrollTo(dashboard, 0);
    await dashboard.getByPlaceholder('Rechercher un poste ou un code').fill('PC-149');
    await expect.poll(async () => (await drawn(dashboard)).tiles.map((t) => t.workstation)).toEqual(['PC-149']);
    await dashboard.getByPlaceholder('Rechercher un poste ou un code').fill('');
    await expect.poll(async () => (await drawn(dashboard)).tiles[0]?.workstation).toBe('PC-01');
  });
});
