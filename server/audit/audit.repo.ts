import { asc, desc, sql } from 'drizzle-orm';
import type { LecternDb } from '../db/open-database.js';
import { auditLog, type actorKinds } from '../db/schema/audit.js';

export type ActorKind = (typeof actorKinds)[number];

/** One row of `audit_log`, as the chain is computed over it. */
export type AuditChainRow = typeof auditLog.$inferSelect;

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

  constructor(db: LecternDb) {
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
}
