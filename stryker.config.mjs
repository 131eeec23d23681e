// Mutation testing of the rules that protect a candidate (issue 17): `npm run test:mutation`.
// Each module must keep its target share of non-equivalent mutants killed (`mutationModules`,
// checked by bin/mutation-gate.mjs after the run); the per-module scores are in docs/testing.md
// and the mutants that cannot change behaviour, with the reason for each, in
// docs/equivalent-mutants.md, which the gate reads.
// @ts-check

/**
 * The modules mutated, each with its target: the share of its non-equivalent mutants the tests
 * must kill (issue 17). bin/mutation-gate.mjs checks every module against its target after each
 * run (`npm run test:mutation`); `thresholds.break` below is only the floor over all files.
 * @type {{ name: string, target: number, files: string[] }[]}
 */
export const mutationModules = [
  // The timing rules: deadlines, pauses, extra time, grace.
  { name: 'timing rules', target: 95, files: ['server/exam/timing.ts'] },
  // The rules shared by the server and the pages.
  { name: 'revision', target: 90, files: ['server/contract/rules/revision.ts'] },
  { name: 'word count', target: 90, files: ['server/contract/rules/word-count.ts'] },
  { name: 'code format', target: 90, files: ['server/contract/rules/code-format.ts'] },
  { name: 'rubric scales', target: 90, files: ['server/contract/rules/rubric-scales.ts'] },
  { name: 'judged', target: 90, files: ['server/contract/rules/judged.ts'] },
  // Grading: agreement between correctors, decisions for the jury, copied passages.
  { name: 'agreement', target: 90, files: ['server/grading/agreement.ts'] },
  { name: 'session agreement', target: 90, files: ['server/grading/session-agreement.ts'] },
  { name: 'decisions', target: 90, files: ['server/grading/decisions.ts'] },
  { name: 'copy detection', target: 90, files: ['server/grading/overlap.ts'] },
  // The kiosk's save queue and its parts.
  {
    name: 'save queue',
    target: 95,
    files: [
      'client/kiosk/save-queue.ts',
      'client/kiosk/answer-reconciliation.ts',
      'client/kiosk/save-state.ts',
      'client/kiosk/save-scheduler.ts',
      'client/kiosk/save-waiters.ts',
      'client/kiosk/ack-watchdog.ts',
      'client/kiosk/answer-merge.ts',
      'client/kiosk/local-copies.ts',
      'client/kiosk/local-tail.ts',
    ],
  },
  // The corrector's mark queue.
  { name: 'mark queue', target: 90, files: ['client/grading/mark-queue.ts'] },
  // Login throttling: the arithmetic of a count, and the counts as the server keeps them (in
  // SQLite: its tests open a real database file, hence the migrations in the sandbox).
  { name: 'login limiter', target: 90, files: ['server/auth/login-limiter.ts'] },
  { name: 'login throttles', target: 90, files: ['server/auth/login-throttles.ts'] },
];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  // Which tests cover which mutant, so a mutant runs only the tests that reach it.
  coverageAnalysis: 'perTest',
  // Static mutants (module-level constants: the overlap finder's regexes, the scales' tables, the
  // word counter's character table) need a fresh module load and every test for each one: about
  // 80 % of the run's time for 30 % of the mutants. They are left out (reported as ignored); the
  // rules they hold are pinned by the unit tests all the same (docs/testing.md).
  ignoreStatic: true,
  mutate: mutationModules.flatMap((module) => module.files),
  // Incremental: a second run re-tests only the mutants whose code or tests changed. The file is
  // in reports/ (ignored by git), so a clean clone runs everything once (hours on two shared
  // cores: docs/testing.md); .ci/mutation-if-changed.mjs runs only the modules a change affects.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  thresholds: { high: 95, low: 90, break: 90 },
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportTests: false, reportMutants: false, reportScoreTable: true },
  // Two cores shared with the rest of the machine.
  concurrency: 1,
  // On that shared machine (load average above 20) a mutant's tests can take several times their
  // calm-machine time: with Stryker's default (5 s over the expected time) healthy mutants were
  // reported as timed out, which counts them as detected and restarts the test runner (tens of
  // seconds). A mutant that really loops costs 30 s instead.
  timeoutMS: 30_000,
  tempDirName: 'reports/.stryker-tmp',
  // Only what the unit tests import needs to be in the sandbox.
  ignorePatterns: ['dist', 'data', 'test-output', 'reports', 'content', 'test/browser', 'test/load', 'test/bench', 'docs'],
};
