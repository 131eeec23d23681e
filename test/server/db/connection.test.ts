import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/db/open-database.js';
import { closeDatabase, databaseAnswers, databaseFile, transaction } from '../../../server/db/connection.js';
import { AccountsRepo } from '../../../server/auth/accounts.repo.js';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the connection helpers', () => {
  it('roll a transaction back when it throws, and commit it when it returns', () => {
    dir = mkdtempSync(join(tmpdir(), 'lectern-connection-'));
    const db = openDatabase(join(dir, 'lectern.sqlite'));
    const accounts = new AccountsRepo(db);
    const create = transaction(db, (username: string, fail: boolean) => {
      accounts.insert({ username, displayName: username, role: 'proctor', passwordHash: 'h', createdAt: 0 });
      if (fail) throw new Error('refused');
      return username;
    });
    expect(() => create('rolled-back', true)).toThrow('refused');
    expect(create('kept', false)).toBe('kept');
    expect(accounts.list().map((a) => a.username)).toEqual(['kept']);
    expect(databaseFile(db)).toBe(join(dir, 'lectern.sqlite'));
    closeDatabase(db);
  });

  it('tell the health probe whether the database answers', () => {
    dir = mkdtempSync(join(tmpdir(), 'lectern-connection-'));
    const db = openDatabase(join(dir, 'lectern.sqlite'));
    expect(databaseAnswers(db)).toBe(true);
    closeDatabase(db);
    expect(databaseAnswers(db)).toBe(false);
  });
});
