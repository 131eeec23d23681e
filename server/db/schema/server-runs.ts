import { sqliteTable, integer } from 'drizzle-orm/sqlite-core';
import { epochMs } from './columns.js';

/**
 * One row per start of the server, with its last heartbeat and, after a clean stop, when it
 * stopped. A row left without `stopped_at` was a crash: the next start records the interruption,
 * from its last heartbeat to the restart, in every session that was running
 * (server/proctor/server-interruptions.ts, issue 13, item 4).
 */
export const serverRuns = sqliteTable('server_runs', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  startedAt: epochMs('started_at').notNull(),
  lastBeatAt: epochMs('last_beat_at').notNull(),
  stoppedAt: epochMs('stopped_at'),
});
