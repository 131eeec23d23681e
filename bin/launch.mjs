// What every command of an installed Lectern does first: refuse an old Node.js with one
// sentence, rebuild a part only if its sources changed, then run the built module. Plain
// JavaScript, so that it needs neither tsx nor TypeScript on the exam server.
import { exitIfOldNode } from './node-version.mjs';

/** Runs dist/server/<modulePath> (e.g. "main.js") once the build is up to date. */
export function launch(modulePath) {
  exitIfOldNode();
  import('./build.mjs')
    .then(({ ensureBuilt }) => {
      ensureBuilt('start');
      return import(`../dist/server/${modulePath}`);
    })
    .catch((err) => {
      console.error(err instanceof Error ? err.message : String(err));
      process.exit(1);
    });
}
