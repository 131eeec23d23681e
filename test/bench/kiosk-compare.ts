// Two builds of the kiosk side by side, their loads alternated so that the machine's noise hits
// both alike (issue 15, item 4: on a shared machine, two runs of client-budgets.ts minutes apart
// differ by more than the change being measured). For each build, in turn, over cold loads (a
// new browser context each: no cache, no worker):
//   - login: navigation to a usable login field (client-budgets.ts's probe);
//   - exam: a logged-in candidate's page, navigation to the answer field drawn (the reload of a
//     candidate already in the exam, on a workstation whose cache was emptied).
// `--base <dir>` is another checkout with its client and server built (node client/build.mjs,
// node bin/build-server.mjs); this checkout's dist/ is the other. A diagnostic, not a target.
//
//   npx tsx test/bench/kiosk-compare.ts --base /tmp/base [--runs 9] [--throttle 4]
import { chromium, type Browser, type Page } from 'playwright-core';
import { join } from 'node:path';
import { startServer, type ServerUnderTest } from '../load/server-process.js';
import { prepareLectern, type PreparedTarget } from '../load/targets.js';
import { median, round } from '../load/stats.js';
import { CHROMIUM } from './client-budgets.js';

const arg = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const baseDir = arg('--base');
if (!baseDir) {
  console.error('Usage: npx tsx test/bench/kiosk-compare.ts --base <other checkout, built> [--runs 9] [--throttle 4]');
  process.exit(2);
}
const runs = Number(arg('--runs') ?? 9);
const throttle = Number(arg('--throttle') ?? 1);

/** Records when `selector`'s element (through the shadow roots) is drawn and takes the focus. */
const probe = (kind: 'login' | 'exam') => `
(() => {
  const deep = (root, names) => {
    let node = root;
    for (const name of names) { node = node && (node.shadowRoot || node).querySelector(name); }
    return node;
  };
  const path = ${JSON.stringify(kind === 'login' ? ['lectern-kiosk', 'lectern-login', 'input'] : ['lectern-kiosk', 'lectern-exam', 'lectern-answer-field', 'textarea'])};
  const poll = () => {
    const input = deep(document, path);
    const box = input && !input.disabled ? input.getBoundingClientRect() : null;
    if (box && box.width > 0 && box.height > 0) window.__lecternReadyAt = performance.now();
    else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})();`;

interface Side {
  name: string;
  server: ServerUnderTest;
  target: PreparedTarget;
  login: number[];
  exam: number[];
}

async function coldLoad(browser: Browser, side: Side, kind: 'login' | 'exam', candidateIndex: number): Promise<number> {
  const context = await browser.newContext();
  try {
    const page: Page = await context.newPage();
    if (throttle > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: throttle });
    if (kind === 'exam') {
      const candidate = side.target.candidates[candidateIndex]!;
      const login = await page.request.post(side.server.baseUrl + '/api/candidate/login', { data: { sessionCode: candidate.sessionCode, candidateCode: candidate.candidateCode } });
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      await page.request.post(side.server.baseUrl + '/api/attempt/notice', { data: {}, headers: { 'x-csrf-token': csrfToken } });
    }
    await page.addInitScript(probe(kind));
    await page.goto(side.server.baseUrl + '/');
    const at = await page.waitForFunction(() => (window as unknown as { __lecternReadyAt?: number }).__lecternReadyAt, undefined, { timeout: 20_000 });
    return round((await at.jsonValue()) as number, 1)!;
  } finally {
    await context.close();
  }
}

const sides: Side[] = [];
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
try {
  for (const [name, entry] of [
    ['base', join(baseDir, 'dist', 'server', 'main.js')],
    ['this', undefined],
  ] as const) {
    const server = await startServer({ kind: 'lectern', mode: 'dist', entry });
    sides.push({ name, server, target: await prepareLectern(server, { running: runs }), login: [], exam: [] });
  }
  // One warm-up load each (the servers' first answers), not counted.
  for (const side of sides) await coldLoad(browser, side, 'login', 0);
  for (let i = 0; i < runs; i++) {
    // Alternated, and each pair in the other order every other time.
    const order = i % 2 === 0 ? sides : [...sides].reverse();
    for (const side of order) side.login.push(await coldLoad(browser, side, 'login', i));
    for (const side of order) side.exam.push(await coldLoad(browser, side, 'exam', i));
  }
  for (const side of sides) {
    console.log(`${side.name}: login interactive median ${round(median(side.login), 1)} ms (${side.login.join(', ')}); exam drawn median ${round(median(side.exam), 1)} ms (${side.exam.join(', ')})`);
  }
} finally {
  await browser.close();
  for (const side of sides) {
    await side.server.stop();
    side.server.cleanUp();
  }
}
