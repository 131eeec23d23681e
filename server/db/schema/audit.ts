import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';
import { epochMs } from './columns.js';

export const actorKinds = ['system', 'account', 'candidate'] as const;

/**
 * Append-only audit log. Each row carries the SHA-256 of the previous row's hash and its own
 * content, so removing or editing a row breaks the chain from that row on.
 * Triggers created by the migration refuse UPDATE and DELETE.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: epochMs('at').notNull(),
    actorKind: text('actor_kind', { enum: actorKinds }).notNull(),
    actorId: integer('actor_id'),
    sessionId: integer('session_id'),
    action: text('action').notNull(),
    detail: text('detail').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_log_session').on(t.sessionId)],
);
