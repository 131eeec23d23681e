// Builds Lectern (the server bundled by bin/build-server.mjs, the pages by client/build.mjs) and records what each
// part was built from in dist/.build-stamp.json, so that `npm start` rebuilds only a part whose
// sources changed: a restart in the middle of an exam then costs a start, not a build.
//
//   node bin/build.mjs             build both parts
//   node bin/build.mjs --if-stale  build only the parts whose sources changed (npm start)
//   node bin/build.mjs --prepare   the same, after `npm install`; without the build tools
//                                  (npm install --omit=dev) it only says so
//
// A part's fingerprint hashes its sources' contents, not their times: a copy or an unpacked
// archive of a built tree is still up to date, and an edit that keeps the time is still seen.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXIT_FIX_FIRST, exitIfOldNode } from './node-version.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stampFile = join(root, 'dist', '.build-stamp.json');
const require = createRequire(join(root, 'package.json'));

/** Each part: what it is built from, what proves it was built, and the tool that builds it. */
export const parts = {
  server: {
    // Bundled by esbuild (bin/build-server.mjs): a restart loads a few files, not thousands.
    sources: ['server', 'bin/build-server.mjs', 'tsconfig.base.json', 'tsconfig.server.json', 'tsconfig.build.json', 'package-lock.json'],
    output: join('dist', 'server', 'main.js'),
    tool: 'esbuild',
    command: () => [join(root, 'bin', 'build-server.mjs')],
  },
  client: {
    // The pages import the contract (schemas, rules, catalogue) from server/contract.
    sources: ['client', 'server/contract', 'tsconfig.base.json', 'tsconfig.json', 'tsconfig.client.json', 'package-lock.json'],
    output: join('dist', 'client', 'assets-manifest.json'),
    tool: 'esbuild',
    command: () => [join(root, 'client', 'build.mjs')],
  },
};

function listFiles(path, found) {
  if (!existsSync(path)) return found;
  const entries = readdirSync(path, { withFileTypes: true });
  for (const entry of entries) {
    const full = join(path, entry.name);
    if (entry.isDirectory()) listFiles(full, found);
    else if (entry.isFile()) found.push(full);
  }
  return found;
}

/** A digest of every source file's path and content. */
export function fingerprint(part) {
  const hash = createHash('sha256');
  const files = [];
  for (const source of parts[part].sources) {
    const full = join(root, source);
    if (!existsSync(full)) continue;
    if (readdirSafe(full)) listFiles(full, files);
    else files.push(full);
  }
  for (const file of files.map((f) => relative(root, f).split('\\').join('/')).sort()) {
    hash.update(file + '\0');
    hash.update(readFileSync(join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function readdirSafe(path) {
  try {
    readdirSync(path);
    return true;
  } catch {
    return false;
  }
}

function readStamp() {
  try {
    return JSON.parse(readFileSync(stampFile, 'utf8'));
  } catch {
    return {};
  }
}

function writeStamp(part, digest) {
  const stamp = readStamp();
  stamp[part] = digest;
  mkdirSync(dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, JSON.stringify(stamp, null, 2) + '\n');
}

/** Whether a part's output exists and was built from the sources as they are now. */
export function isFresh(part, digest = fingerprint(part)) {
  return existsSync(join(root, parts[part].output)) && readStamp()[part] === digest;
}

function toolPath(part) {
  try {
    return require.resolve(parts[part].tool);
  } catch {
    return null;
  }
}

function buildPart(part, tool, digest) {
  const started = Date.now();
  console.log(`Lectern: building the ${part}...`);
  const run = spawnSync(process.execPath, parts[part].command(tool), { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`Lectern: building the ${part} failed (see above): correct the error, then start again.`);
    process.exit(1);
  }
  writeStamp(part, digest);
  console.log(`Lectern: ${part} built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

/**
 * Builds the parts that need it. `mode`: 'all' rebuilds everything; 'start' rebuilds what is
 * stale and refuses to start without a build; 'prepare' rebuilds what is stale when it can.
 */
export function ensureBuilt(mode) {
  const built = [];
  for (const part of Object.keys(parts)) {
    const digest = fingerprint(part);
    if (mode !== 'all' && isFresh(part, digest)) continue;
    const tool = toolPath(part);
    if (tool === null) {
      const hasOutput = existsSync(join(root, parts[part].output));
      const why = `the ${part} must be built but the build tools are not installed (npm install --omit=dev)`;
      if (mode === 'prepare') console.log(`Lectern: ${why}; npm start will say what to do.`);
      else if (hasOutput) console.error(`Lectern: warning: ${why}; starting with the existing build.`);
      else {
        console.error(`Lectern cannot start: ${why}; run "npm install" with the development dependencies, or copy a built dist/ folder here.`);
        process.exit(EXIT_FIX_FIRST);
      }
      continue;
    }
    buildPart(part, tool, digest);
    built.push(part);
  }
  return built;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  exitIfOldNode();
  const flag = process.argv[2];
  ensureBuilt(flag === '--if-stale' ? 'start' : flag === '--prepare' ? 'prepare' : 'all');
}
