import { chromium, type Browser, type BrowserServer } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../server/paths.js';
import { buildTestApp, type TestApp } from './build-app.js';

/** Debian's Chromium, never a downloaded browser; flags keep it off the (absent) network. */
const chromiumOptions = {
  executablePath: process.env.LECTERN_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
};

/** The Chromium of this vitest worker process, started by the first file that asks for one. */
let workerChromium: Promise<BrowserServer> | null = null;

async function runningWorkerChromium(): Promise<BrowserServer> {
  const current = await workerChromium;
  const child = current?.process();
  if (current && child && child.exitCode === null && child.signalCode === null) return current;
  workerChromium = chromium.launchServer(chromiumOptions);
  return workerChromium;
}

/**
 * A Chromium for one test file. Under vitest, the files of one worker process (the shared-process
 * project runs one file after another in it) connect to the same Chromium instead of each
 * starting its own (about 1.5 s of start and 0.5 s of close a file, on a loaded 2-core machine);
 * each file's `close()` then ends its connection, which closes every context it opened, and
 * Chromium ends with the worker process. Each context is a fresh profile (no cookie, storage,
 * cache or service worker shared with another context), which is all a file ever sees of the browser.
 * A download is read through `saveAs()`: a connected browser has no local `path()` for it.
 * Outside vitest (`npm run drill`), a Chromium of its own that `close()` ends.
 */
export async function launchChromium(): Promise<Browser> {
  if (!process.env.VITEST) return chromium.launch(chromiumOptions);
  return chromium.connect((await runningWorkerChromium()).wsEndpoint());
}

export const screenshotDir = join(projectRoot, 'test-output');
mkdirSync(screenshotDir, { recursive: true });

export function screenshotPath(name: string): string {
  return join(screenshotDir, `${name}.png`);
}

/** A real server on a loopback port, on its own SQLite file. */
export async function startServer(options: Parameters<typeof buildTestApp>[0] = {}): Promise<TestApp & { url: string }> {
  const t = await buildTestApp(options);
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const address = t.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { ...t, url: `http://127.0.0.1:${port}` };
}
