// What `npm test` checks before vitest: the type check (three configs), the lint, the content
// packs and the build, two at a time. Each is one single-threaded process; run one after another
// they left a core idle for about two minutes of a clean run (docs/testing.md). Every check runs
// to the end even when another fails, so one run shows every problem; a check's output is printed
// in one piece when it ends, and the exit code is 1 when any failed.
//
// The build is `node bin/build.mjs` (the server and the pages, with their build stamp), so that
// vitest's global setup (test/helpers/build-once.ts) finds both fresh instead of building again.
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);

// The longest first, so that the last to start is a short one.
const checks = [
  { name: 'lint (eslint .)', command: bin('eslint'), args: ['.'] },
  { name: 'typecheck: server', command: bin('tsc'), args: ['-p', 'tsconfig.server.json'] },
  { name: 'typecheck: test-dom', command: bin('tsc'), args: ['-p', 'tsconfig.test-dom.json'] },
  { name: 'typecheck: client', command: bin('tsc'), args: ['-p', 'tsconfig.client.json'] },
  { name: 'build (server and pages)', command: process.execPath, args: [join(root, 'bin', 'build.mjs')] },
  { name: 'content check', command: process.execPath, args: [join(root, 'bin', 'cli.mjs'), 'content-check'] },
];

/** Runs one check; resolves with whether it passed, after printing its output. */
function run(check) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(check.command, check.args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    const finish = (ok, extra = '') => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} ${check.name} (${seconds} s)\n`);
      const text = Buffer.concat(output).toString() + extra;
      if (text.trim() !== '') process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
      resolve(ok);
    };
    child.on('error', (err) => finish(false, `could not start: ${err.message}\n`));
    child.on('close', (code, signal) => finish(code === 0, signal ? `stopped by ${signal}\n` : ''));
  });
}

const queue = [...checks];
const results = [];
async function worker() {
  for (let check = queue.shift(); check; check = queue.shift()) results.push(await run(check));
}
const width = Math.min(checks.length, Math.max(2, availableParallelism()));
await Promise.all(Array.from({ length: width }, worker));
process.exitCode = results.every(Boolean) ? 0 : 1;
