// The test files that keep a process of their own (vitest.config.ts, project "own-process").
// Every other file runs in a worker process that runs one file after another ("shared-process"):
// it builds its own app on its own SQLite file and closes it, and restores any fake timer or
// stubbed global after each test, so nothing it leaves behind reaches the next file. A file lands
// here when it starts Chromium, a server process or any child process, measures time or memory
// (another file's leftovers would skew the figure), rebuilds dist/, or changes process.env.
export const ownProcessFiles = [
  // Chromium and a real server per file.
  'test/browser/**/*.test.ts',
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
