// Item 3: Debian's Chromium with the kit's Linux policy opens the Lectern server and refuses any
// other address. Chromium reads /etc/chromium/policies/managed/ for every profile on the machine,
// so the file is uniquely named and removed in `finally`, and `npm test` runs this file alone,
// after all the others (a policy installed while another browser test runs would block its server).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext } from 'playwright-core';
import { kioskKitFiles } from '../../server/cli/kiosk-kit.js';
import { parseKioskAddress } from '../../server/cli/kiosk-policies.js';
import { socketPath } from '../../server/contract/protocol-version.js';
import { openSession } from '../helpers/build-app.js';
import { screenshotPath, startServer } from '../helpers/browser.js';

const policyDir = '/etc/chromium/policies/managed';
const chromiumPath = process.env.LECTERN_CHROMIUM ?? '/usr/bin/chromium';
const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

let lectern: Awaited<ReturnType<typeof startServer>>;
let other: Server;
let otherUrl = '';
let otherRequests = 0;
/** Set while the policy file exists, so that afterAll removes it even after a timeout. */
let policyFile = '';
let createdDir = false;

beforeAll(async () => {
  lectern = await startServer();
  // Another web server on another loopback address: what a candidate might try to open.
  other = createServer((_req, res) => {
    otherRequests++;
    res.end('<!doctype html><title>Other site</title><p>another site</p>');
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.2', resolve));
  otherUrl = `http://127.0.0.2:${(other.address() as AddressInfo).port}/`;
});

function removePolicy() {
  if (policyFile) rmSync(policyFile, { force: true });
  policyFile = '';
  if (createdDir && existsSync(policyDir) && readdirSync(policyDir).length === 0) rmdirSync(policyDir);
  createdDir = false;
}

afterAll(async () => {
  removePolicy();
  await new Promise((resolve) => other?.close(resolve));
  await lectern?.close();
});

/** Writes a policy file Chromium reads for every profile on the machine (removed by removePolicy). */
function installPolicy(policy: string) {
  createdDir = !existsSync(policyDir);
  policyFile = join(policyDir, `lectern-test-${process.pid}-${randomBytes(4).toString('hex')}.json`);
  mkdirSync(policyDir, { recursive: true });
  writeFileSync(policyFile, policy);
}

/**
 * Chromium on a profile of its own, as on a workstation: the policy forbids private windows
 * (IncognitoModeAvailability), which is what playwright's browser.newContext() opens. Same
 * binary and flags as test/helpers/browser.ts.
 */
async function withBrowser<T>(run: (context: BrowserContext) => Promise<T>): Promise<T> {
  const profile = mkdtempSync(join(tmpdir(), 'lectern-kiosk-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    args: chromiumArgs,
  });
  try {
    return await run(context);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

describe('the kit’s Linux policy in Debian’s Chromium', () => {
  it('with DevTools left open for playwright: the live socket connects, another address is refused', async () => {
    // Without the policy, the other address loads: its refusal below is the policy's doing.
    const before = await withBrowser(async (context) => {
      const page = await context.newPage();
      const response = await page.goto(otherUrl);
      return { status: response?.status(), text: await page.textContent('p') };
    });
    expect(before).toEqual({ status: 200, text: 'another site' });
    // The page, and maybe its icon.
    const requestsBefore = otherRequests;
    expect(requestsBefore).toBeGreaterThanOrEqual(1);

    // The kit's policy but for DeveloperToolsAvailability: at 2 Chromium also refuses the DevTools
    // protocol that playwright drives it through (the launch times out), which is the point of it
    // on a workstation; every other policy is as the kit writes it.
    const policy = JSON.parse(kioskKitFiles(parseKioskAddress(lectern.url)!)['linux/lectern.json'] as string) as Record<string, unknown>;
    expect(policy.DeveloperToolsAvailability).toBe(2);
    delete policy.DeveloperToolsAvailability;
    installPolicy(JSON.stringify(policy));
    try {
      await withBrowser(async (context) => {
        const page = await context.newPage();
        const response = await page.goto(lectern.url + '/');
        expect(response?.status()).toBe(200);
        await page.locator('lectern-kiosk').waitFor({ state: 'attached' });
        expect(await page.title()).toContain('Lectern');
        await page.screenshot({ path: screenshotPath('kiosk-kit-allowed') });

        // A candidate's socket (ws://, the second allowlist entry) opens under the policy.
        const { session } = await openSession(lectern.app, 1);
        const login = await page.request.post(lectern.url + '/api/candidate/login', { data: { sessionCode: session.code, candidateCode: session.candidates[0]!.code } });
        expect(login.status()).toBe(200);
        const socket = await page.evaluate(
          (url) =>
            new Promise<string>((resolve) => {
              const ws = new WebSocket(url);
              ws.onmessage = (e) => resolve(`message ${String(e.data).slice(0, 15)}`);
              ws.onerror = () => resolve('error');
              setTimeout(() => resolve('timeout'), 8000);
            }),
          lectern.url.replace(/^http/, 'ws') + socketPath(),
        );
        expect(socket).toBe('message {"type":"clock"');

        const refused = await page.goto(otherUrl).then(
          () => 'loaded',
          (err: Error) => err.message,
        );
        expect(refused).toContain('net::ERR_BLOCKED_BY_ADMINISTRATOR');
        // No screenshot of the refusal: Chromium cannot always capture its own error page (a clean
        // CI run failed on "Unable to capture screenshot" there, the refusal itself asserted above).
        // The browser never even asked the other server.
        expect(otherRequests).toBe(requestsBefore);
      });
    } finally {
      removePolicy();
    }
  }, 120_000);
});
