import type { LecternDb } from '../db/open-database.js';
import { AuditRepo } from './audit.repo.js';
import { chainHash, GENESIS, type AuditEntry } from './chain-hash.js';

export type { AuditEntry } from './chain-hash.js';

/**
 * The tamper-evident audit log: a hash chain in an append-only table. Appends are synchronous,
 * so an audit row is written in the same transaction as the change it records when the caller
 * runs inside a transaction (server/db/connection.ts).
 */
export class AuditLog {
  private readonly repo: AuditRepo;
  private lastHash: string | undefined;

  constructor(db: LecternDb) {
    this.repo = new AuditRepo(db);
  }

  append(entry: AuditEntry, at = Date.now()): string {
    // Read the head inside the caller's transaction: a rolled-back append must not leave a stale head.
    const prev = this.repo.headHash() ?? this.repo.anchor()?.throughHash ?? GENESIS;
    const detail = JSON.stringify(entry.detail ?? {});
    const hash = chainHash(prev, at, entry, detail);
    this.repo.insert({
      at,
      actorKind: entry.actorKind,
      actorId: entry.actorId ?? null,
      sessionId: entry.sessionId ?? null,
      action: entry.action,
      detail,
      prevHash: prev,
      hash,
    });
    this.lastHash = hash;
    return hash;
  }

  /** The hash at the head of the chain: quoted in session reports as the log's digest. */
  head(): string {
    return this.repo.headHash() ?? this.lastHash ?? this.repo.anchor()?.throughHash ?? GENESIS;
  }

  /** Recomputes the chain; returns the id of the first row that does not match, or null if intact. */
  verify(): { ok: true; rows: number } | { ok: false; brokenAt: number } {
    const rows = this.repo.chain();
    // From the anchor when the oldest entries were removed at the end of their retention period.
    let prev = this.repo.anchor()?.throughHash ?? GENESIS;
    for (const r of rows) {
      const expected = chainHash(prev, r.at, { actorKind: r.actorKind, actorId: r.actorId, sessionId: r.sessionId, action: r.action }, r.detail);
      if (r.prevHash !== prev || r.hash !== expected) return { ok: false, brokenAt: r.id };
      prev = r.hash;
    }
    return { ok: true, rows: rows.length };
  }
}
