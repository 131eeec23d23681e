import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/build-app.js';

// The answer writer (a worker thread) writes to the same file as the server's connection. A
// transaction of the server's that read before writing would fail if the writer committed in
// between; so every transaction of the server's connection takes the write lock at its start.

let t: TestApp;
let other: Database.Database | undefined;
afterEach(async () => {
  other?.close();
  await t?.close();
});

describe('transactions on the server connection', () => {
  it('hold the write lock from their first statement, so no other connection commits in between', async () => {
    t = await buildTestApp();
    const connection = t.app.db.$client;
    // A second connection that does not wait: it is refused at once if the lock is taken.
    other = new Database(connection.name, { timeout: 0 });
    let refused: unknown = null;
    connection.transaction(() => {
      connection.prepare('SELECT COUNT(*) FROM candidates').get();
      try {
        other!.prepare("INSERT INTO accounts (username, display_name, role, password_hash, created_at) VALUES ('x', 'X', 'admin', 'h', 0)").run();
      } catch (err) {
        refused = err;
      }
      connection.prepare('SELECT COUNT(*) FROM accounts').get();
    })();
    expect(String(refused)).toMatch(/database is locked|SQLITE_BUSY/);
  });

  it("keep better-sqlite3's named variants", async () => {
    t = await buildTestApp();
    const run = t.app.db.$client.transaction(() => 1);
    expect(run()).toBe(1);
    expect(run.deferred()).toBe(1);
    expect(run.exclusive()).toBe(1);
  });
});
