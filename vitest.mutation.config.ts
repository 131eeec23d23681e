import { defineConfig } from 'vitest/config';

// The unit tests of the domain rules and the two durable queues, and nothing else: Stryker runs
// these once per mutant, so they must be pure (no server, no SQLite, no browser) and fast.
// stryker.config.mjs mutates exactly the modules these files pin down. The word counter's
// thousands-of-random-texts test (test/server/load/word-count.test.ts) stays in `npm test` only:
// run once per mutant it would cost minutes; test/server/contract/rules/word-count.test.ts pins
// the same cases one by one.
export const mutationTestFiles = [
  'test/server/exam/timing.test.ts',
  'test/server/exam/timing-*.test.ts',
  'test/server/contract/rules/*.test.ts',
  'test/server/auth/codes.test.ts',
  'test/server/auth/login-throttles.test.ts',
  'test/server/security/login-limiter.test.ts',
  'test/client/pure-modules.test.ts',
  'test/server/grading/agreement*.test.ts',
  'test/server/grading/session-agreement.test.ts',
  'test/server/grading/decisions*.test.ts',
  'test/server/grading/overlap*.test.ts',
  'test/client/kiosk/save-*.test.ts',
  // The queue opened again on the same workstation, the one writer per attempt, the refresh after
  // a reconnection and the fallback file's keys: parts of the save queue and its local copies
  // that came with later work (a full run without them left 38 mutants of those files uncovered).
  'test/client/kiosk/second-copy.test.ts',
  'test/client/kiosk/one-writer.test.ts',
  'test/client/kiosk/reconnect-refresh.test.ts',
  'test/client/kiosk/fallback-file.test.ts',
  'test/client/kiosk/kiosk-controller.test.ts',
  // The statuses kept while unchanged and the copies put aside read once per opening: the save
  // queue's caches, whose mutants survived without it.
  'test/client/kiosk/typing-cost.test.ts',
  'test/client/grading/mark-queue*.test.ts',
];

export default defineConfig({
  test: {
    include: mutationTestFiles,
    pool: 'threads',
    // One worker for the files of a mutant's run rather than one each: the tests keep no module
    // state between files (docs/testing.md).
    isolate: false,
    testTimeout: 20_000,
    env: { LECTERN_SCRYPT_LOG_N: '14' },
  },
});
