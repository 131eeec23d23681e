import { sqliteTable, integer, blob } from 'drizzle-orm/sqlite-core';
import { epochMs } from './columns.js';

/**
 * The health probe's scratch table (server/db/write-probe.ts): a row written and removed in one
 * transaction, so `/healthz` knows the database can still take a write. Always empty between probes.
 */
export const writeProbe = sqliteTable('write_probe', {
  id: integer('id').primaryKey(),
  at: epochMs('at').notNull(),
  filler: blob('filler', { mode: 'buffer' }).notNull(),
});
