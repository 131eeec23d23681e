import { chromium, type Browser } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../server/paths.js';
import { buildTestApp, type TestApp } from './build-app.js';

/** Debian's Chromium, never a downloaded browser; flags keep it off the (absent) network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.LECTERN_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
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
