import type { LecternDb } from '../db/open-database.js';
import type { actorKinds } from '../db/schema/audit.js';

export type ActorKind = (typeof actorKinds)[number];

/** One row of `audit_log` as the chain is computed over it. */
export interface AuditChainRow {
  id: number;
  at: number;
  actor_kind: ActorKind;
  actor_id: number | null;
  session_id: number | null;
  action: string;
  detail: string;
  prev_hash: string;
  hash: string;
}

export type NewAuditRow = Omit<AuditChainRow, 'id'>;

/**
 * The audit log's table. Raw SQL prepared once: an append runs inside the transaction of every
 * change it records (logins, controls, marks), so it stays two cheap statements.
 */
export class AuditRepo {
  private readonly insertRow;
  private readonly selectHead;
  private readonly selectChain;

  constructor(db: LecternDb) {
    const c = db.$client;
    this.insertRow = c.prepare<[NewAuditRow]>(
      `INSERT INTO audit_log (at, actor_kind, actor_id, session_id, action, detail, prev_hash, hash)
       VALUES (@at, @actor_kind, @actor_id, @session_id, @action, @detail, @prev_hash, @hash)`,
    );
    this.selectHead = c.prepare<[], { hash: string }>('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1');
    this.selectChain = c.prepare<[], AuditChainRow>(
      'SELECT id, at, actor_kind, actor_id, session_id, action, detail, prev_hash, hash FROM audit_log ORDER BY id',
    );
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
