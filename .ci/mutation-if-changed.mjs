// CI: runs `npm run test:mutation` only when a mutated module, one of the unit tests Stryker runs,
// or the mutation configuration changed since the branch left main (git diff against the merge
// base). A clean CI checkout has no incremental file, so each run there is a full run (minutes):
// skipping it when no domain rule changed keeps `.ci/run` short for every other change.
// LECTERN_BASE_REF picks the branch to compare with (default: origin/main, else main);
// LECTERN_MUTATION=always forces the run; --dry-run only says whether it would run.
import { execFileSync, spawnSync } from 'node:child_process';
import { matchesGlob } from 'node:path';
import stryker from '../stryker.config.mjs';
import { mutationTestFiles } from '../vitest.mutation.config.ts';

const git = (...args) => execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();

function changedFiles() {
  for (const ref of [process.env.LECTERN_BASE_REF, 'origin/main', 'main'].filter(Boolean)) {
    try {
      const base = git('merge-base', 'HEAD', ref);
      return { ref, files: git('diff', '--name-only', base).split('\n').filter(Boolean) };
    } catch {
      // No such branch here: try the next one.
    }
  }
  return null;
}

const watched = [...stryker.mutate, ...mutationTestFiles, 'stryker.config.mjs', 'vitest.mutation.config.ts', 'test/client/memory-storage.ts', 'test/server/grading/fixtures.ts'];
const changed = process.env.LECTERN_MUTATION === 'always' ? null : changedFiles();
const relevant = changed?.files.filter((file) => watched.some((pattern) => matchesGlob(file, pattern))) ?? [];

if (changed && relevant.length === 0) {
  console.log(`Mutation testing skipped: no domain rule, queue or their unit tests changed since ${changed.ref}.`);
  process.exit(0);
}
console.log(changed ? `Mutation testing: changed since ${changed.ref}: ${relevant.join(', ')}` : 'Mutation testing: no merge base with main (or forced), running it.');
// `--dry-run`: say what would happen, run nothing.
if (process.argv.includes('--dry-run')) process.exit(0);
const run = spawnSync('npm', ['run', 'test:mutation'], { stdio: 'inherit' });
process.exit(run.status ?? 1);
