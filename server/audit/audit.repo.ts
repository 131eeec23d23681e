import { asc, count, desc, lt, lte, sql } from 'drizzle-orm';
import type { LecternDb } from '../db/open-database.js';
import { auditAnchor, auditLog, type actorKinds } from '../db/schema/audit.js';

export type ActorKind = (typeof actorKinds)[number];

/** One row of `audit_log`, as the chain is computed over it. */
export type AuditChainRow = typeof auditLog.$inferSelect;

/** Where the chain kept starts: the newest anchor (see auditAnchor). */
export type AuditAnchorRow = typeof auditAnchor.$inferSelect;

/** Every column but the id, null included: each is a placeholder of the prepared insert (a type, not an interface: drizzle's run() takes a record). */
export type NewAuditRow = {
  at: number;
  actorKind: ActorKind;
  actorId: number | null;
  sessionId: number | null;
  action: string;
  detail: string;
  prevHash: string;
  hash: string;
};

/**
 * The audit log's table, through drizzle's query builder. The append's two statements are
 * prepared once: they run inside the transaction of every change they record.
 */
export class AuditRepo {
  private readonly insertRow;
  private readonly selectHead;
  private readonly selectChain;

  constructor(private readonly db: LecternDb) {
    this.insertRow = db
      .insert(auditLog)
      .values({
        at: sql.placeholder('at'),
        actorKind: sql.placeholder('actorKind'),
        actorId: sql.placeholder('actorId'),
        sessionId: sql.placeholder('sessionId'),
        action: sql.placeholder('action'),
        detail: sql.placeholder('detail'),
        prevHash: sql.placeholder('prevHash'),
        hash: sql.placeholder('hash'),
      })
      .prepare();
    this.selectHead = db.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1).prepare();
    this.selectChain = db.select().from(auditLog).orderBy(asc(auditLog.id)).prepare();
  }

  insert(row: NewAuditRow): void {
    this.insertRow.run(row);
  }

  /** The hash of the newest row, or undefined on an empty log. */
  headHash(): string | undefined {
    return this.selectHead.get()?.hash;
  }

  /** Every row, oldest first, to verify the chain. */
  chain(): AuditChainRow[] {
    return this.selectChain.all();
  }

  /** The newest anchor, or undefined when no entry was ever removed: the chain starts at its origin. */
  anchor(): AuditAnchorRow | undefined {
    return this.db.select().from(auditAnchor).orderBy(desc(auditAnchor.id)).limit(1).get();
  }

  /** The newest entry written before `before`, and how many entries there are up to it. */
  lastBefore(before: number): { row: AuditChainRow; entries: number } | undefined {
    const row = this.db.select().from(auditLog).where(lt(auditLog.at, before)).orderBy(desc(auditLog.id)).limit(1).get();
    if (!row) return undefined;
    const entries = this.db.select({ n: count() }).from(auditLog).where(lte(auditLog.id, row.id)).get()?.n ?? 0;
    return { row, entries };
  }

  /**
   * Removes every entry up to `through` and records the anchor the kept chain starts from. The
   * anchor goes in first: the delete trigger lets through only rows an anchor covers. Run inside
   * the caller's transaction, with the audit entry that records it.
   */
  removeThrough(through: AuditChainRow, entries: number, at: number): void {
    this.db.insert(auditAnchor).values({ at, throughId: through.id, throughAt: through.at, throughHash: through.hash, removed: entries }).run();
    this.db.delete(auditLog).where(lte(auditLog.id, through.id)).run();
  }
}
