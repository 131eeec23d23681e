// What every command of an installed Lectern does first: refuse an old Node.js with one
// sentence, rebuild a part only if its sources changed, then run the built module. Plain
// JavaScript, so that it needs neither tsx nor TypeScript on the exam server.
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { exitIfOldNode } from './node-version.mjs';
import { applyServerTuning } from './server-tuning.mjs';

const distServer = join(fileURLToPath(new URL('..', import.meta.url)), 'dist', 'server');

/**
 * Runs dist/server/<modulePath> (e.g. "main.js", "cli/backup.js") once the build is up to date,
 * as if Node had been given that file: the command's arguments follow it in process.argv, which
 * is how each command knows it was run rather than imported.
 */
export function launch(modulePath, args = process.argv.slice(2)) {
  exitIfOldNode();
  // The server runs for hours with a thousand sockets: its memory settings (server-tuning.mjs).
  // The commands are short-lived and keep Node's defaults.
  if (modulePath === 'main.js') applyServerTuning();
  // The bundles carry source maps: a stack trace names the TypeScript file and line. Node reads
  // a map only when a trace is formatted, so this costs nothing at start.
  process.setSourceMapsEnabled(true);
  import('./build.mjs')
    .then(({ ensureBuilt }) => {
      ensureBuilt('start');
      const file = join(distServer, modulePath);
      process.argv = [process.argv[0], file, ...args];
      return import(pathToFileURL(file).href);
    })
    .catch((err) => {
      console.error(err instanceof Error ? err.message : String(err));
      process.exit(1);
    });
}
