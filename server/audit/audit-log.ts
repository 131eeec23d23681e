import { createHash } from 'node:crypto';
import type { LecternDb } from '../db/open-database.js';

export interface AuditEntry {
  actorKind: 'system' | 'account' | 'candidate';
  actorId?: number | null;
  sessionId?: number | null;
  action: string;
  detail?: Record<string, unknown>;
}

const GENESIS = '0'.repeat(64);

function chainHash(prevHash: string, at: number, e: AuditEntry, detail: string): string {
  return createHash('sha256')
    .update([prevHash, at, e.actorKind, e.actorId ?? '', e.sessionId ?? '', e.action, detail].join('\u001f'))
    .digest('hex');
}

/**
 * The tamper-evident audit log: a hash chain in an append-only table. Appends are synchronous,
 * so an audit row is written in the same transaction as the change it records when the caller
 * runs inside `db.transaction`.
 */
export class AuditLog {
  private readonly insert;
  private readonly selectLast;
  private lastHash: string | undefined;

  constructor(private readonly db: LecternDb) {
    this.insert = db.$client.prepare(
      'INSERT INTO audit_log (at, actor_kind, actor_id, session_id, action, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.selectLast = db.$client.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1');
  }

  append(entry: AuditEntry, at = Date.now()): string {
    // Read the head inside the caller's transaction: a rolled-back append must not leave a stale head.
    const prev = (this.selectLast.get() as { hash: string } | undefined)?.hash ?? GENESIS;
    const detail = JSON.stringify(entry.detail ?? {});
    const hash = chainHash(prev, at, entry, detail);
    this.insert.run(at, entry.actorKind, entry.actorId ?? null, entry.sessionId ?? null, entry.action, detail, prev, hash);
    this.lastHash = hash;
    return hash;
  }

  /** The hash at the head of the chain: quoted in session reports as the log's digest. */
  head(): string {
    return (this.selectLast.get() as { hash: string } | undefined)?.hash ?? this.lastHash ?? GENESIS;
  }

  /** Recomputes the chain; returns the id of the first row that does not match, or null if intact. */
  verify(): { ok: true; rows: number } | { ok: false; brokenAt: number } {
    const rows = this.db.$client
      .prepare('SELECT id, at, actor_kind, actor_id, session_id, action, detail, prev_hash, hash FROM audit_log ORDER BY id')
      .all() as { id: number; at: number; actor_kind: AuditEntry['actorKind']; actor_id: number | null; session_id: number | null; action: string; detail: string; prev_hash: string; hash: string }[];
    let prev = GENESIS;
    for (const r of rows) {
      const expected = chainHash(prev, r.at, { actorKind: r.actor_kind, actorId: r.actor_id, sessionId: r.session_id, action: r.action }, r.detail);
      if (r.prev_hash !== prev || r.hash !== expected) return { ok: false, brokenAt: r.id };
      prev = r.hash;
    }
    return { ok: true, rows: rows.length };
  }
}
