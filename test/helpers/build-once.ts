// The build brought up to date (what `npm start` does: bin/build.mjs rebuilds only a part whose
// sources changed). vitest's global setup runs it once before any test file: the drill and the
// kill suite start the built server, as `npm start` would, and the ops tests that check the build
// then find it fresh, instead of several files rebuilding dist/ at the same time. The drill and
// the bench call it too when run on their own.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../../server/paths.js';

/** Rebuilds what is stale in `root`'s dist/ (this tree by default); nothing when all is fresh. */
export function buildIfStale(root = projectRoot): void {
  execFileSync(process.execPath, [join(root, 'bin', 'build.mjs'), '--if-stale'], { cwd: root, stdio: 'inherit', timeout: 600_000 });
}

export default function buildOnce(): void {
  buildIfStale();
}
