// Bundles the server into dist/server/ with esbuild: one file per entry point (the server, each
// worker thread, each command), its dependencies inside. A restart then reads a handful of files
// instead of resolving thousands of modules (issue 11, item 2: 1.2 s of a 3.1 s restart).
//
//   node bin/build-server.mjs      (what `npm run build` runs for the server part)
//
// Kept outside the bundles, loaded from node_modules at run time: native addons and modules that
// find their own files on disk (better-sqlite3's .node file, xmllint-wasm's .wasm, pino-pretty,
// which pino loads by name in its logging thread). Source maps stay next to each bundle and
// bin/launch.mjs turns them on, so a stack trace names the TypeScript file and line.
import { build } from 'esbuild';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { asciiSource } from './ascii-source.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'server');

/** Entry points by their path under server/, without extension; each becomes dist/server/<path>.js. */
export const serverEntries = [
  'main',
  // Worker threads: started by path (server/start-worker.ts, workerModule), so each is a bundle.
  'exam/answer-writer',
  'db/wal-checkpointer',
  'db/backup/backup-worker',
  // The commands (bin/cli.mjs runs them).
  'cli/admin',
  'cli/audit-verify',
  'cli/backup',
  'cli/coordinator-key',
  'cli/kiosk-kit',
  'cli/purge',
  'cli/restore',
  'cli/unseal',
  'cli/import-fallback',
  'content/check',
  'content/qti/export-cli',
  'content/qti/import-cli',
];

const external = ['better-sqlite3', 'xmllint-wasm', 'pino-pretty'];

// The bundled CommonJS packages call require() and read __dirname: an ES module has neither.
const esmShim = [
  "import { createRequire as __lecternCreateRequire } from 'node:module';",
  "import { dirname as __lecternDirname } from 'node:path';",
  "import { fileURLToPath as __lecternFileURLToPath } from 'node:url';",
  'const require = __lecternCreateRequire(import.meta.url);',
  'const __filename = __lecternFileURLToPath(import.meta.url);',
  'const __dirname = __lecternDirname(__filename);',
].join('\n');

// pino's logging thread (pino-pretty at a terminal) starts thread-stream's worker file, found
// from thread-stream's own folder unless this override names it: it is bundled next to main.js.
const pinoOverride = "globalThis.__bundlerPathsOverrides = { 'thread-stream-worker': __lecternFileURLToPath(new URL('./thread-stream-worker.cjs', import.meta.url)) };";

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node24',
  sourcemap: true,
  legalComments: 'none',
  external,
  logLevel: 'warning',
  tsconfig: join(root, 'tsconfig.build.json'),
};

const entryPoints = (paths) => Object.fromEntries(paths.map((p) => [p, join(root, 'server', `${p}.ts`)]));

await rm(outdir, { recursive: true, force: true });
await Promise.all([
  build({ ...common, format: 'esm', entryPoints: entryPoints(['main']), outdir, banner: { js: `${esmShim}\n${pinoOverride}` } }),
  build({ ...common, format: 'esm', entryPoints: entryPoints(serverEntries.filter((p) => p !== 'main')), outdir, banner: { js: esmShim } }),
  build({ ...common, format: 'cjs', entryPoints: { 'thread-stream-worker': join(root, 'node_modules', 'thread-stream', 'lib', 'worker.js') }, outdir, outExtension: { '.js': '.cjs' } }),
]);

// Each bundle as ASCII, so that V8 keeps its source at one byte a character (ascii-source.mjs).
for (const entry of await readdir(outdir, { recursive: true })) {
  if (!/\.c?js$/.test(entry)) continue;
  const file = join(outdir, entry);
  const code = await readFile(file, 'utf8');
  const ascii = asciiSource(code);
  if (ascii !== code) await writeFile(file, ascii);
}
