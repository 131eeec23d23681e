// vitest's global setup: the build brought up to date once, before any test file runs (what
// `npm start` does: bin/build.mjs rebuilds only a part whose sources changed). The drill and the
// kill suite start the built server, as `npm start` would; the ops tests that check the build
// then find it fresh, instead of several files rebuilding dist/ at the same time.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../../server/paths.js';

export default function buildOnce(): void {
  execFileSync(process.execPath, [join(projectRoot, 'bin', 'build.mjs'), '--if-stale'], { cwd: projectRoot, stdio: 'inherit', timeout: 600_000 });
}
