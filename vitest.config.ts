import { defineConfig } from 'vitest/config';
import LongestFirst from './test/helpers/longest-first.js';
import { ownProcessFiles } from './test/helpers/test-projects.js';

export default defineConfig({
  test: {
    testTimeout: 20_000,
    // The build made fresh once before the files run (test/helpers/build-once.ts).
    globalSetup: ['test/helpers/build-once.ts'],
    hookTimeout: 60_000,
    // expect.poll waits on a page or a server that answers in its own time: vitest's default of
    // 1 s is shorter than a loaded CI machine takes to draw the admin page (a clean CI run failed
    // admin-forms.test.ts that way); 10 s still fails a page that never shows what is expected.
    expect: { poll: { timeout: 10_000 } },
    // Browser tests start real servers and Chromium and spend much of their time waiting on them:
    // three workers keep two cores busy (measured: the suite 14.0 min instead of 14.9 with two).
    maxWorkers: 3,
    fileParallelism: true,
    // The longest files first (test/helpers/longest-first.ts): two workers end together.
    sequence: { sequencer: LongestFirst },
    // Password hashing at 2^14 instead of OWASP's 2^17 in tests only (see server/auth/passwords.ts).
    env: { LECTERN_SCRYPT_LOG_N: '14' },
    // Two ways to run a file (docs/testing.md, "Where npm test's time goes"):
    projects: [
      {
        extends: true,
        test: {
          // Each of these files gets its own process: it starts a server process or a CLI, installs
          // Chromium's machine-wide policy, measures time or memory, or rebuilds dist/
          // (test/helpers/test-projects.ts).
          name: 'own-process',
          include: ownProcessFiles,
          pool: 'forks',
          isolate: true,
          globalSetup: [],
        },
      },
      {
        extends: true,
        test: {
          // The unit, API, WebSocket and browser files: each builds its own app on its own SQLite
          // file (a browser file, its Chromium too) and closes it, so a worker process runs one file
          // after another and imports the server's modules once, not once per file (half of the
          // suite's time was those imports).
          name: 'shared-process',
          include: ['test/**/*.test.ts'],
          exclude: ownProcessFiles,
          pool: 'forks',
          isolate: false,
          globalSetup: [],
        },
      },
    ],
  },
});
