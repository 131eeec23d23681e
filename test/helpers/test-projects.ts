// The test files that keep a process of their own (vitest.config.ts, project "own-process").
// Every other file runs in a worker process that runs one file after another ("shared-process"):
// it builds its own app on its own SQLite file and closes it, and restores any fake timer or
// stubbed global after each test, so nothing it leaves behind reaches the next file. A file lands
// here when it starts a server process or a CLI as a child process, measures time
// or memory (another file's leftovers would skew the figure), rebuilds dist/, or changes process.env.
// The browser files share too: each starts its server in the worker's own process on its own SQLite
// file and launches its Chromium in beforeAll, and closes both in afterAll; in a shared worker they
// import the server's modules once instead of once a file (four of them measured: imports 7.7 s
// instead of 16.6 s, 21.5 s of CPU instead of 32.3 s; docs/testing.md).
export const ownProcessFiles = [
  // Chromium under the kiosk kit's machine-wide policy: `npm test` runs it alone, after the others.
  'test/browser/kiosk-kit.test.ts',
  // The recovery drill and the kill suite: built servers killed and restarted.
  'test/drill/**/*.test.ts',
  // Load tests: figures of time and memory.
  'test/server/load/**/*.test.ts',
  // The build, the start banner, TLS, the production dependencies: child processes and dist/.
  'test/server/ops/**/*.test.ts',
  // Child processes: the CLIs, a server started and stopped, a second process holding a lock.
  'test/server/api/account-management.test.ts',
  'test/server/audit/audit-verify.test.ts',
  'test/server/backup/backup.test.ts',
  'test/server/backup/start-failure.test.ts',
  'test/server/content/check-cli.test.ts',
  'test/server/content/qti/cli.test.ts',
  'test/server/recovery/import-fallback-cli.test.ts',
  'test/server/shutdown.test.ts',
  // Changes LECTERN_SCRYPT_LOG_N while it runs.
  'test/server/auth/passwords.test.ts',
  // The page's catalogue as a page loads it: only the kiosk's areas until staff-i18n is imported
  // (a file before it in the same process may have imported it).
  'test/client/i18n.test.ts',
];
