import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from './paths.js';

/**
 * Starts a worker thread from a module next to the caller. Built, the module is plain
 * JavaScript. From the sources (the tests, `npx tsx`), it is TypeScript, which a worker cannot
 * load by itself: tsx's API loads it there (Node 20 does not pass `--import tsx` on to workers).
 */
export function startWorker(moduleUrl: URL, workerData: unknown): Worker {
  if (!moduleUrl.pathname.endsWith('.ts')) return new Worker(moduleUrl, { workerData });
  const require = createRequire(import.meta.url);
  const tsxPackage = require.resolve('tsx/package.json');
  const tsxApi = (require(tsxPackage) as { exports: Record<string, { import: { default: string } }> }).exports['./esm/api']!.import.default;
  const apiUrl = pathToFileURL(join(dirname(tsxPackage), tsxApi)).href;
  const bootstrap = `import(${JSON.stringify(apiUrl)}).then((tsx) => tsx.tsImport(${JSON.stringify(moduleUrl.href)}, ${JSON.stringify(moduleUrl.href)}));`;
  return new Worker(bootstrap, { eval: true, workerData });
}

/**
 * The URL of a worker's module, named by its path under server/ without extension
 * ('exam/answer-writer'): the TypeScript source when Lectern runs from its sources, else the
 * worker's own bundle in dist/server/ (bin/build-server.mjs). Not relative to the caller: once
 * bundled, every caller's import.meta.url is its bundle's, not its source file's.
 */
export function workerModule(path: string): URL {
  const fromSources = import.meta.url.endsWith('.ts');
  return pathToFileURL(join(projectRoot, fromSources ? 'server' : join('dist', 'server'), path + (fromSources ? '.ts' : '.js')));
}
