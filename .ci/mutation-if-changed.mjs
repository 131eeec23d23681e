// Mutation testing only where it can have changed: runs Stryker on the mutated modules whose
// result may differ from the last passing run, and on nothing when none may.
//
// The base is in the repository itself, so that a clean clone (the CI's: no origin/main, maybe a
// single commit) knows it: .ci/mutation-baseline.json holds the SHA-256 of every file a mutation
// run depends on, as they were when `npm run test:mutation` last passed (written by `--record`).
// A mutated module's result depends on its own code and on the unit tests that import it, with
// everything those tests import; so a changed file selects the modules in the import closure of a
// test that imports it (or the module itself). A change to the Stryker or vitest configuration,
// to the per-module gate or to its list of equivalent mutants, or a missing baseline, selects
// every module. Every run ends with the gate (bin/mutation-gate.mjs): each module at its target.
//
//   node .ci/mutation-if-changed.mjs            run what changed (nothing: exit 0 at once)
//   node .ci/mutation-if-changed.mjs --dry-run  only say what it would run
//   node .ci/mutation-if-changed.mjs --record   run what changed and, if it passes, record the
//                                               new baseline (commit .ci/mutation-baseline.json)
//   node .ci/mutation-if-changed.mjs --record-only   record it after a run that passed otherwise
// LECTERN_MUTATION=always runs every module; LECTERN_BASE_REF=<ref> compares with a git ref
// (the merge base with it) instead of the baseline, for a branch whose base is known.
import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, globSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import stryker from '../stryker.config.mjs';
import { mutationTestFiles } from '../vitest.mutation.config.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const baselineFile = '.ci/mutation-baseline.json';
// The gate (bin/mutation-gate.mjs) reads the equivalent mutants' list: a change to either may change
// any module's verdict, as a change to the configuration may.
const configFiles = ['stryker.config.mjs', 'vitest.mutation.config.ts', 'bin/mutation-gate.mjs', 'docs/equivalent-mutants.md'];
const args = new Set(process.argv.slice(2));

const read = (file) => readFileSync(join(root, file), 'utf8');
const sha256 = (file) => createHash('sha256').update(readFileSync(join(root, file))).digest('hex');

/** The project's own files a file imports (relative specifiers; `.js` written for a `.ts` file). */
function localImports(file) {
  const out = [];
  for (const m of read(file).matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
    const target = normalize(join(dirname(file), m[1]));
    const candidates = [target, target.replace(/\.js$/, '.ts'), target.replace(/\.mjs$/, '.mts'), `${target}.ts`];
    const found = candidates.find((c) => existsSync(join(root, c)) && !c.endsWith('/'));
    if (found) out.push(found);
  }
  return out;
}

/** A file and everything it imports, transitively. */
function closure(file) {
  const seen = new Set([file]);
  const queue = [file];
  while (queue.length > 0) {
    for (const next of localImports(queue.pop())) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

const tests = mutationTestFiles.flatMap((pattern) => globSync(pattern, { cwd: root })).sort();
const closures = new Map(tests.map((test) => [test, closure(test)]));
/** Per mutated module, the files whose change may change its result. */
const dependsOn = new Map(
  stryker.mutate.map((module) => {
    const files = new Set([module, ...configFiles]);
    for (const set of closures.values()) if (set.has(module)) for (const f of set) files.add(f);
    return [module, files];
  }),
);
const watched = [...new Set([...dependsOn.values()].flatMap((files) => [...files]))].sort();

function changedSinceBaseline() {
  if (!existsSync(join(root, baselineFile))) return { base: `no ${baselineFile}`, files: null };
  const recorded = JSON.parse(read(baselineFile)).files ?? {};
  const files = watched.filter((file) => recorded[file] !== sha256(file));
  return { base: `the last recorded passing run (${baselineFile})`, files };
}

function changedSinceRef(ref) {
  const git = (...a) => execFileSync('git', a, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  const base = git('merge-base', 'HEAD', ref);
  // Committed changes since the base, and the working tree's.
  const files = git('diff', '--name-only', base).split('\n').filter(Boolean);
  return { base: ref, files: watched.filter((file) => files.includes(file)) };
}

let changed;
try {
  if (process.env.LECTERN_MUTATION === 'always') changed = { base: 'LECTERN_MUTATION=always', files: null };
  else if (process.env.LECTERN_BASE_REF) changed = changedSinceRef(process.env.LECTERN_BASE_REF);
  else changed = changedSinceBaseline();
} catch (error) {
  console.error(`Mutation testing: cannot compare with ${process.env.LECTERN_BASE_REF}: check that the ref exists in this clone (git fetch it), or unset LECTERN_BASE_REF to compare with ${baselineFile}.`);
  process.exit(2);
}

// null: every module (configuration changed, no baseline, or forced).
const everything = changed.files === null || changed.files.some((file) => configFiles.includes(file));
const modules = everything ? stryker.mutate : stryker.mutate.filter((module) => changed.files.some((file) => dependsOn.get(module).has(file)));

if (modules.length === 0) {
  console.log(`Mutation testing skipped: no mutated module, nor anything its unit tests import, changed since ${changed.base}.`);
  process.exit(0);
}
console.log(
  everything
    ? `Mutation testing of every module (${changed.files === null ? changed.base : `configuration changed since ${changed.base}`}).`
    : `Mutation testing of ${modules.join(', ')}: changed since ${changed.base}: ${changed.files.join(', ')}.`,
);
function record() {
  const files = Object.fromEntries(watched.map((file) => [file, sha256(file)]));
  writeFileSync(join(root, baselineFile), `${JSON.stringify({ files }, null, 2)}\n`);
  console.log(`Recorded ${baselineFile} (${watched.length} files): commit it with the change.`);
}

if (args.has('--dry-run')) process.exit(0);
if (args.has('--record-only')) {
  // For a run that passed by other means (`npm run test:mutation`, or per-module runs of the
  // modules named above): records the files as they are, without running anything.
  record();
  process.exit(0);
}
const stry = everything ? ['run', 'test:mutation'] : ['exec', '--', 'stryker', 'run', '--mutate', modules.join(',')];
const run = spawnSync('npm', stry, { cwd: root, stdio: 'inherit' });
if (run.status !== 0) process.exit(run.status ?? 1);
// `npm run test:mutation` ends with the per-module gate; a run of some modules needs it too.
if (!everything) {
  const gate = spawnSync(process.execPath, ['bin/mutation-gate.mjs'], { cwd: root, stdio: 'inherit' });
  if (gate.status !== 0) process.exit(gate.status ?? 1);
}
// Everything not run was unaffected by the changes, so the whole set is verified as it is now.
if (args.has('--record')) record();
