// Builds the browser side into dist/client, which the server serves itself (the exam room has no
// internet: no CDN, no external font). Run from anywhere: `node client/build.mjs`.
import { build } from 'esbuild';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { buildKioskChunks, HASHED_FILE, preloadLinks } from './kiosk-chunks.mjs';
import { prerenderKioskLogin } from './kiosk-prerender.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const clientDir = join(root, 'client');
const outDir = join(root, 'dist', 'client');
const assetsDir = join(outDir, 'assets');

// One name per page: client/<name>/main.ts -> dist/client/assets/<name>.js.
// A page whose main.ts does not exist yet is skipped, so a name can be listed before its code lands.
const entries = ['kiosk', 'proctor', 'grading', 'admin'];

async function copyDir(from, to, keep = () => true) {
  if (!existsSync(from)) return [];
  await mkdir(to, { recursive: true });
  const copied = [];
  for (const entry of await readdir(from, { withFileTypes: true })) {
    if (!entry.isFile() || !keep(entry.name)) continue;
    await copyFile(join(from, entry.name), join(to, entry.name));
    copied.push(entry.name);
  }
  return copied;
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function sharedOptions() {
  return {
    absWorkingDir: root,
    outdir: assetsDir,
    entryNames: '[name]',
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    legalComments: 'none',
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'warning',
  };
}

await rm(outDir, { recursive: true, force: true });
await mkdir(assetsDir, { recursive: true });

const present = entries.filter((name) => existsSync(join(clientDir, name, 'main.ts')));
const skipped = entries.filter((name) => !present.includes(name));

// The kiosk in chunks (issue 15, item 4): kiosk.js and what it imports statically draw the login
// screen; the exam's screens (client/kiosk/exam-screens.ts) come through a dynamic import() right
// after. Named by their content as the other files are (kiosk-chunks.mjs).
const kioskChunks = present.includes('kiosk')
  ? await buildKioskChunks({ ...sharedOptions(), entryPoints: { kiosk: join(clientDir, 'kiosk', 'main.ts') } }, assetsDir)
  : null;

// Every page but the kiosk: one file each. kiosk-early.js is a classic async script (no import).
const single = present.filter((name) => name !== 'kiosk');
if (single.length > 0 || present.includes('kiosk')) {
  await build({
    ...sharedOptions(),
    entryPoints: {
      ...Object.fromEntries(single.map((name) => [name, join(clientDir, name, 'main.ts')])),
      // The kiosk page's first, tiny script: asks who is logged in while kiosk.js loads (issue 15, item 4).
      ...(present.includes('kiosk') ? { 'kiosk-early': join(clientDir, 'kiosk', 'early-requests.ts') } : {}),
    },
    splitting: false,
    // The exam's chunks, which kiosk-early.js preloads for a candidate already logged in.
    define: { __LECTERN_EXAM_CHUNKS__: JSON.stringify(kioskChunks?.later.filter((name) => name.startsWith('exam-screens-')) ?? []) },
  });
}
const pages = await copyDir(join(clientDir, 'pages'), outDir, (name) => name.endsWith('.html'));
const statics = await copyDir(join(clientDir, 'static'), assetsDir);

// Content-hashed copies (kiosk-<hash>.js): the server lets browsers keep them for a year, and
// the pages name them, so a new build is fetched at once. The plain names stay for what links
// to them from elsewhere (the printed pages' icon), served with revalidation.
const manifest = {};
for (const name of (await readdir(assetsDir)).sort()) {
  // The kiosk's chunks are named by their content already (kiosk-chunks.mjs).
  if (name.endsWith('.map') || HASHED_FILE.test(name)) continue;
  const content = await readFile(join(assetsDir, name));
  const digest = createHash('sha256').update(content).digest('hex').slice(0, 12);
  const ext = extname(name);
  manifest[name] = `${name.slice(0, -ext.length)}-${digest}${ext}`;
  await writeFile(join(assetsDir, manifest[name]), content);
}
await writeFile(join(outDir, 'assets-manifest.json'), JSON.stringify(manifest, null, 2) + '\n');

// The pages load the hashed names.
for (const page of pages) {
  const html = await readFile(join(outDir, page), 'utf8');
  const hashed = html.replace(/(["'])\/assets\/([^"'?#]+)\1/g, (whole, quote, name) => (manifest[name] ? `${quote}/assets/${manifest[name]}${quote}` : whole));
  if (page !== 'index.html' || !kioskChunks) {
    await writeFile(join(outDir, page), hashed);
    continue;
  }
  // The kiosk's page with its login drawn in (for a browser without a session), and without it
  // (index-signed-in.html, for a reload during the exam); the server picks (routes/pages.ts) and
  // allows the login's inline styles by their hashes (plugins/security-headers.ts).
  const { withLogin, signedIn, styleHashes } = await prerenderKioskLogin(root, preloadLinks(hashed, kioskChunks.first), await readFile(join(clientDir, 'static', 'base.css'), 'utf8'));
  await writeFile(join(outDir, 'index.html'), withLogin);
  await writeFile(join(outDir, 'index-signed-in.html'), signedIn);
  await writeFile(join(outDir, 'kiosk-prerender.json'), JSON.stringify({ styleHashes }, null, 2) + '\n');
}
if (kioskChunks) await writeFile(join(outDir, 'kiosk-chunks.json'), JSON.stringify({ first: kioskChunks.first, later: kioskChunks.later }, null, 2) + '\n');

// The kiosk's service worker (issue 10, item 7), at the root so its scope covers the kiosk's page.
// It is told the build's version (a new build replaces its caches) and the hashed files the
// kiosk's page loads (its shell, cached at install).
if (present.includes('kiosk') && pages.includes('index.html')) {
  const indexHtml = await readFile(join(outDir, 'index.html'), 'utf8');
  // The exam's chunks too, which the page imports only after its first screen: a reload while the
  // server is unreachable must open the exam.
  const shell = ['/', ...new Set([...indexHtml.matchAll(/["'](\/assets\/[^"'?#]+-[0-9a-f]{12}\.[a-z0-9]+)["']/g)].map((m) => m[1])), ...(kioskChunks?.later ?? []).map((name) => `/assets/${name}`)];
  const version = createHash('sha256').update(JSON.stringify(manifest)).update(indexHtml).digest('hex').slice(0, 12);
  await build({
    absWorkingDir: root,
    entryPoints: [join(clientDir, 'kiosk', 'kiosk-service-worker.ts')],
    outfile: join(outDir, 'kiosk-sw.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    define: { __LECTERN_SW_BUILD__: JSON.stringify(version), __LECTERN_SW_SHELL__: JSON.stringify(shell) },
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'warning',
  });
  console.log(`kiosk-sw.js: build ${version}, shell ${shell.join(' ')}`);
}

// Precompressed once here (brotli at its best level, gzip at 9), never per request: the server
// sends the .br or .gz file the browser accepts. Source maps are not served by default: not compressed.
const compressible = new Set(['.js', '.css', '.svg', '.html']);
async function precompress(dir) {
  for (const name of await readdir(dir)) {
    if (!compressible.has(extname(name))) continue;
    const content = await readFile(join(dir, name));
    await writeFile(join(dir, `${name}.br`), brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } }));
    await writeFile(join(dir, `${name}.gz`), gzipSync(content, { level: 9 }));
  }
}
await precompress(assetsDir);
await precompress(outDir);

const sizes = async (names) => {
  const code = await Promise.all(names.map((name) => readFile(join(assetsDir, name))));
  return { bytes: code.reduce((sum, c) => sum + c.length, 0), gzip: code.reduce((sum, c) => sum + gzipSync(c, { level: 9 }).length, 0) };
};
for (const name of present) {
  const { bytes, gzip } = await sizes([`${name}.js`]);
  console.log(`assets/${name}.js  ${kb(bytes)}  (${kb(gzip)} gzipped)`);
  if (name === 'kiosk' && kioskChunks) {
    const first = await sizes(['kiosk.js', ...kioskChunks.first]);
    const later = await sizes(kioskChunks.later);
    console.log(`  kiosk, first screen: ${kioskChunks.first.length + 1} files, ${kb(first.bytes)} (${kb(first.gzip)} gzipped); exam, loaded after: ${kioskChunks.later.join(', ')}, ${kb(later.bytes)} (${kb(later.gzip)} gzipped)`);
  }
}
if (skipped.length > 0) console.log(`skipped (no main.ts): ${skipped.join(', ')}`);
console.log(`pages: ${pages.join(', ') || 'none'}; static: ${statics.join(', ') || 'none'}; hashed: ${Object.keys(manifest).length}, precompressed (br, gz)`);
