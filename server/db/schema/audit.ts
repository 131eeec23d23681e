import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';
import { epochMs } from './columns.js';

export const actorKinds = ['system', 'account', 'candidate'] as const;

/**
 * Append-only audit log. Each row carries the SHA-256 of the previous row's hash and its own
 * content, so removing or editing a row breaks the chain from that row on.
 * Triggers created by the migrations refuse UPDATE, and DELETE of any row an anchor does not cover.
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

/**
 * Where the audit chain starts once its oldest entries reached the end of their retention period
 * (LECTERN_RETAIN_AUDIT_DAYS) and were removed: the last removed entry's hash, which the first
 * entry kept links to. Verification starts from the newest anchor instead of the chain's origin,
 * so the entries kept still prove that none of them was changed, removed or reordered. Its own
 * triggers refuse UPDATE and DELETE; the audit log's delete trigger lets through only the rows
 * up to the newest anchor's entry (migrations/0011_audit-anchor-triggers.sql).
 */
export const auditAnchor = sqliteTable('audit_anchor', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** When the entries were removed. */
  at: epochMs('at').notNull(),
  /** The last removed entry: its id, its time and its hash. */
  throughId: integer('through_id').notNull(),
  throughAt: epochMs('through_at').notNull(),
  throughHash: text('through_hash').notNull(),
  /** How many entries this removal took. */
  removed: integer('removed').notNull(),
});
