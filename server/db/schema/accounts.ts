import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';
import { epochMs } from './columns.js';

import { staffRoles } from '../../contract/auth.js';

// The roles are part of the contract (the admin page offers them): the column takes the same list.
export { staffRoles };
export type { StaffRole } from '../../contract/auth.js';

/** Staff accounts. Candidates have no account: they log in with a session code and a candidate code. */
export const accounts = sqliteTable('accounts', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role', { enum: staffRoles }).notNull(),
  passwordHash: text('password_hash').notNull(),
  createdAt: epochMs('created_at').notNull(),
  disabledAt: epochMs('disabled_at'),
  /** The last successful login: the admin page shows it, to spot an account nobody uses. */
  lastLoginAt: epochMs('last_login_at'),
});

/**
 * Server-side login sessions. The cookie holds a random token; only its SHA-256 is stored,
 * so a copy of the database does not let anyone log in. Revoking sets `revokedAt`.
 */
export const authSessions = sqliteTable(
  'auth_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    accountId: integer('account_id').references(() => accounts.id),
    candidateId: integer('candidate_id'),
    csrfToken: text('csrf_token').notNull(),
    address: text('address').notNull(),
    createdAt: epochMs('created_at').notNull(),
    expiresAt: epochMs('expires_at').notNull(),
    revokedAt: epochMs('revoked_at'),
  },
  (t) => [index('auth_sessions_candidate').on(t.candidateId)],
);
