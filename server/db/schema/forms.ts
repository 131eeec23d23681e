import { sqliteTable, integer, text, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { epochMs } from './columns.js';
import { accounts } from './accounts.js';

/**
 * Which form of a pack ran where and when (docs/forms.md): one row per session start, closed at
 * its end. No foreign key to the session on purpose: the log outlives the session's purge (it
 * holds no candidate data), so a board can still tell how often a form was exposed.
 */
export const formExposures = sqliteTable(
  'form_exposures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sessionId: integer('session_id').notNull(),
    sessionCode: text('session_code').notNull(),
    packId: text('pack_id').notNull(),
    formId: text('form_id').notNull(),
    packDigest: text('pack_digest').notNull(),
    room: text('room').notNull(),
    pilot: integer('pilot', { mode: 'boolean' }).notNull(),
    startedAt: epochMs('started_at').notNull(),
    endedAt: epochMs('ended_at'),
  },
  (t) => [index('form_exposures_form').on(t.packId, t.formId)],
);

/** Forms withdrawn from use (exposed too often, leaked): a new session may not pick them. */
export const retiredForms = sqliteTable(
  'retired_forms',
  {
    packId: text('pack_id').notNull(),
    formId: text('form_id').notNull(),
    reason: text('reason').notNull(),
    retiredBy: integer('retired_by').references(() => accounts.id),
    retiredAt: epochMs('retired_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.packId, t.formId] })],
);
