import { sqliteTable, integer, text } from 'drizzle-orm/sqlite-core';
import { epochMs } from './columns.js';
import { accounts } from './accounts.js';
import { examSessions } from './exam-sessions.js';

/**
 * A session's place in the data's life cycle: a hold freezes its data while a dispute is open,
 * and each purge records when the candidates' data left the database (what is kept afterwards is
 * pseudonymous: candidate codes, receipt digests, the audit chain).
 */
export const sessionRetention = sqliteTable('session_retention', {
  sessionId: integer('session_id').primaryKey().references(() => examSessions.id),
  heldAt: epochMs('held_at'),
  holdReason: text('hold_reason'),
  heldBy: integer('held_by').references(() => accounts.id),
  /** When the monitoring events, messages and incidents were deleted. */
  monitoringPurgedAt: epochMs('monitoring_purged_at'),
  /** When the answers, late saves, marks and grading assignments were deleted. */
  purgedAt: epochMs('purged_at'),
  /** When the candidates' names were deleted. */
  namesPurgedAt: epochMs('names_purged_at'),
  /** True when the answers were purged before the jury export was made (`--force`). */
  forced: integer('forced', { mode: 'boolean' }).notNull().default(false),
});
