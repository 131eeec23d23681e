// Issue 10, item 7: the kiosk's service worker as built and served. It knows this build's hashed
// files (the shell it caches) and is versioned by them, so a new build replaces the old caches;
// it is served at the root (its scope covers the kiosk's page) and revalidated at each check.
import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientBuildDir } from '../../../server/paths.js';
import { buildTestApp, type TestApp } from '../../helpers/build-app.js';

const workerFile = join(clientBuildDir, 'kiosk-sw.js');
if (!existsSync(workerFile)) throw new Error('The client is not built: run "node client/build.mjs" before this test.');
const manifestText = readFileSync(join(clientBuildDir, 'assets-manifest.json'), 'utf8');
const manifest = JSON.parse(manifestText) as Record<string, string>;
const kioskChunks = JSON.parse(readFileSync(join(clientBuildDir, 'kiosk-chunks.json'), 'utf8')) as { first: string[]; later: string[] };

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t.close());

describe('the kiosk’s service worker', () => {
  it('is served at the root, revalidated, as JavaScript', async () => {
    const response = await t.app.inject({ url: '/kiosk-sw.js', headers: { 'accept-encoding': 'identity' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.body).toBe(readFileSync(workerFile, 'utf8'));
  });

  it('caches the kiosk page’s hashed files of this build, under caches named by the build', () => {
    const worker = readFileSync(workerFile, 'utf8');
    const indexHtml = readFileSync(join(clientBuildDir, 'index.html'), 'utf8');
    const version = createHash('sha256').update(JSON.stringify(JSON.parse(manifestText))).update(indexHtml).digest('hex').slice(0, 12);
    const shell = JSON.parse(/(\["\/",[^\]]*\])/.exec(worker)?.[1] ?? '[]') as string[];
    // Every chunk of the kiosk, the exam's too (imported after the first screen): a reload while
    // the server is unreachable must open the exam.
    const chunks = [...kioskChunks.first, ...kioskChunks.later].map((name) => `/assets/${name}`);
    expect(kioskChunks.later.some((name) => name.startsWith('exam-screens-'))).toBe(true);
    // base.css is written into the kiosk's page (client/kiosk-prerender.mjs): nothing to cache apart.
    // Nor kiosk-early.js, which only the page sent with a session loads (a reload online).
    expect(shell.sort()).toEqual(['/', `/assets/${manifest['favicon.svg']}`, `/assets/${manifest['kiosk.js']}`, ...chunks].sort());
    // Never a staff page's bundle.
    for (const staff of ['proctor.js', 'grading.js', 'admin.js']) expect(worker).not.toContain(manifest[staff]!);
    // The caches' names: their prefix and this build's version (esbuild keeps them as `${prefix}<version>`).
    expect(worker).toContain('"lectern-shell-"');
    expect(worker).toContain('"lectern-paper-"');
    expect(worker.match(new RegExp(`\\}${version}\``, 'g'))).toHaveLength(2);
  });
});
