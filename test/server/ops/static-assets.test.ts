// Item 2: the pages' files are precompressed, sent as the browser accepts them, cached for a
// year under content-hashed names (the pages themselves revalidated), source maps kept private.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../server/app.js';
import { clientBuildDir } from '../../../server/paths.js';
import { IMMUTABLE, isHashedAsset } from '../../../server/plugins/static-assets.js';
import { buildTestApp, bundledContentDir, type TestApp } from '../../helpers/build-app.js';

const manifestFile = join(clientBuildDir, 'assets-manifest.json');
if (!existsSync(manifestFile)) throw new Error('The client is not built: run "node client/build.mjs" before this test.');
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, string>;
// The kiosk's chunks (client/kiosk-chunks.mjs): named by their content when built, no plain name.
const kioskChunks = JSON.parse(readFileSync(join(clientBuildDir, 'kiosk-chunks.json'), 'utf8')) as { first: string[]; later: string[] };
const plain = (name: string) => readFileSync(join(clientBuildDir, 'assets', name));

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t.close());

describe('hashed names', () => {
  it('name every asset by its content, and the pages load those names only', async () => {
    expect(Object.keys(manifest).sort()).toEqual(['admin.js', 'base.css', 'favicon.svg', 'grading.js', 'kiosk-early.js', 'kiosk.js', 'proctor.js']);
    for (const [name, hashed] of Object.entries(manifest)) {
      expect(isHashedAsset(hashed), hashed).toBe(true);
      expect(isHashedAsset(name), name).toBe(false);
      expect(plain(hashed).equals(plain(name))).toBe(true);
    }
    const page = await t.app.inject({ url: '/', headers: { 'accept-encoding': 'identity' } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    const referenced = [...page.body.matchAll(/(?:src|href)="\/assets\/([^"]+)"/g)].map((m) => m[1]);
    // kiosk.js's static imports are preloaded with it (<link rel="modulepreload">), not fetched after it.
    expect(kioskChunks.first.length).toBeGreaterThan(0);
    // base.css is written into the kiosk's page, and the page sent without a session has no early
    // script (test/server/ops/kiosk-page.test.ts); the staff pages link base.css.
    expect(referenced.sort()).toEqual([manifest['favicon.svg'], manifest['kiosk.js'], ...kioskChunks.first].sort());
  });

  it('name the kiosk’s chunks by their content, and serve them for a year', async () => {
    expect(kioskChunks.later.some((name) => name.startsWith('exam-screens-'))).toBe(true);
    for (const name of [...kioskChunks.first, ...kioskChunks.later]) {
      expect(isHashedAsset(name), name).toBe(true);
      const code = plain(name).toString('utf8').replace(/\n\/\/# sourceMappingURL=[^\n]*\n$/, '');
      expect(name).toBe(name.replace(/-[0-9a-f]{12}\.js$/, `-${createHash('sha256').update(code).digest('hex').slice(0, 12)}.js`));
      const response = await t.app.inject({ url: `/assets/${name}`, headers: { 'accept-encoding': 'identity' } });
      expect(response.statusCode, name).toBe(200);
      expect(response.headers['cache-control'], name).toBe(IMMUTABLE);
      expect(response.rawPayload.equals(plain(name))).toBe(true);
    }
    // kiosk.js imports the kiosk's code (kiosk-app) by its hashed name, once the page is painted, and
    // that code imports the exam's screens by theirs.
    const app = kioskChunks.first.find((name) => name.startsWith('kiosk-app-'))!;
    expect(plain(manifest['kiosk.js']!).toString('utf8')).toContain(`import("./${app}")`);
    const exam = kioskChunks.later.find((name) => name.startsWith('exam-screens-'))!;
    expect(kioskChunks.first.filter((name) => plain(name).toString('utf8').includes(`import("./${exam}")`))).toHaveLength(1);
  });

  it('are cached for a year; plain names and pages are revalidated', async () => {
    const hashed = await t.app.inject({ url: `/assets/${manifest['kiosk.js']}`, headers: { 'accept-encoding': 'identity' } });
    expect(hashed.statusCode).toBe(200);
    expect(hashed.headers['cache-control']).toBe(IMMUTABLE);
    expect(hashed.headers['content-type']).toMatch(/^text\/javascript|^application\/javascript/);
    expect(hashed.rawPayload.equals(plain('kiosk.js'))).toBe(true);
    const byPlainName = await t.app.inject({ url: '/assets/kiosk.js', headers: { 'accept-encoding': 'identity' } });
    expect(byPlainName.headers['cache-control']).toBe('no-cache');
    for (const url of ['/proctor', '/grading', '/admin']) {
      expect((await t.app.inject({ url })).headers['cache-control'], url).toBe('no-cache');
    }
  });
});

describe('precompressed files', () => {
  it('go out as brotli, gzip or plain as the browser accepts, with Vary', async () => {
    const css = manifest['base.css']!;
    // The kiosk's code itself (kiosk.js is a few hundred bytes that import it).
    const app = kioskChunks.first.find((name) => name.startsWith('kiosk-app-'))!;
    const br = await t.app.inject({ url: `/assets/${app}`, headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toBe(IMMUTABLE);
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(brotliDecompressSync(br.rawPayload).equals(plain(app))).toBe(true);
    expect(br.rawPayload.length).toBeLessThan(plain(app).length / 3);

    const gz = await t.app.inject({ url: `/assets/${css}`, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['content-type']).toMatch(/^text\/css/);
    expect(gunzipSync(gz.rawPayload).equals(plain(css))).toBe(true);

    const none = await t.app.inject({ url: `/assets/${css}`, headers: { 'accept-encoding': 'identity' } });
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.rawPayload.equals(plain(css))).toBe(true);

    const page = await t.app.inject({ url: '/', headers: { 'accept-encoding': 'br' } });
    expect(page.headers['content-encoding']).toBe('br');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(page.rawPayload).toString()).toContain('<lectern-kiosk>');
  });
});

describe('source maps', () => {
  it('are not served by default', async () => {
    expect(existsSync(join(clientBuildDir, 'assets', 'kiosk.js.map'))).toBe(true);
    for (const encoding of ['identity', 'gzip, br']) {
      const r = await t.app.inject({ url: '/assets/kiosk.js.map', headers: { 'accept-encoding': encoding } });
      expect(r.statusCode).toBe(404);
    }
  });

  it('are served when asked for (LECTERN_SOURCE_MAPS=1)', async () => {
    const app = await buildApp({ dataDir: t.dataDir, databaseFile: join(t.dataDir, 'maps.sqlite'), contentDir: bundledContentDir, sourceMaps: true });
    try {
      const r = await app.inject({ url: '/assets/kiosk.js.map' });
      expect(r.statusCode).toBe(200);
      expect(JSON.parse(r.body).version).toBe(3);
    } finally {
      await app.close();
    }
  });
});
