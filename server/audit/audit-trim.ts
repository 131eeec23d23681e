// The audit log's own retention period (LECTERN_RETAIN_AUDIT_DAYS, 5 years by default): its
// entries older than that are removed, and an anchor keeps the last removed entry's hash so that
// the entries kept still verify (server/db/schema/audit.ts, auditAnchor). Run by the purge, from
// the console and from the admin page, in one transaction with the audit entry that records it.
import type { LecternDb } from '../db/open-database.js';
import { transaction } from '../db/connection.js';
import type { AuditLog } from './audit-log.js';
import { AuditRepo } from './audit.repo.js';

/** What the removal of the audit log's old entries did, or would do on a dry run. */
export interface AuditExpiry {
  /** The instant before which entries are due. */
  before: number;
  /** How many entries are (or were) removed. */
  entries: number;
  /** The newest of them. */
  throughAt: number | null;
}

export type AuditTrimActor = { kind: 'account'; id: number } | { kind: 'console' };

export function expireAuditEntries(db: LecternDb, audit: AuditLog, before: number, actor: AuditTrimActor, options: { dryRun: boolean; now?: number }): AuditExpiry {
  const repo = new AuditRepo(db);
  const now = options.now ?? Date.now();
  const due = repo.lastBefore(before);
  if (!due) return { before, entries: 0, throughAt: null };
  const expiry: AuditExpiry = { before, entries: due.entries, throughAt: due.row.at };
  if (options.dryRun) return expiry;
  transaction(db, () => {
    repo.removeThrough(due.row, due.entries, now);
    // Written after the removal, so it is the first entry after the anchor: it says who removed
    // how many, up to which entry; its own period starts now.
    audit.append(
      {
        actorKind: actor.kind === 'account' ? 'account' : 'system',
        actorId: actor.kind === 'account' ? actor.id : null,
        action: 'audit.expired',
        detail: { entries: due.entries, throughId: due.row.id, throughAt: due.row.at, throughHash: due.row.hash, ...(actor.kind === 'console' ? { via: 'console' } : {}) },
      },
      now,
    );
  })();
  return expiry;
}
