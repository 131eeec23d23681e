import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';
import { epochMs } from './columns.js';
import { examSessions } from './exam-sessions.js';
import { throttleKinds } from '../../contract/throttles.js';

export type ThrottleKind = (typeof throttleKinds)[number];

/**
 * Failed logins counted per key (a staff account, an address, a session, a candidate code typed
 * in a session). In the database so that a restart neither clears a guesser's count nor keeps a
 * room waiting on an in-memory lock nobody can see; the proctor and the admin list and clear them.
 */
export const loginThrottles = sqliteTable(
  'login_throttles',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** `kind:subject` for the staff keys, `kind:sessionId:subject` for a session's. */
    key: text('key').notNull().unique(),
    kind: text('kind', { enum: throttleKinds }).notNull(),
    /** What a person reads: the user name, the address, the session code, the candidate code typed. */
    subject: text('subject').notNull(),
    /** The session the failures were against (for an address: the last one), so its proctor sees them. */
    sessionId: integer('session_id').references(() => examSessions.id, { onDelete: 'cascade' }),
    failures: integer('failures').notNull(),
    firstFailureAt: epochMs('first_failure_at').notNull(),
    lastFailureAt: epochMs('last_failure_at').notNull(),
  },
  (t) => [index('login_throttles_session').on(t.sessionId), index('login_throttles_last_failure').on(t.lastFailureAt)],
);
