// The audit chain checked from outside the server: every entry's hash recomputed, every link to
// the previous entry followed, and the first entry that was changed, removed or reordered named.
// A chain recomputed after an edit (its triggers dropped, every hash redone) is internally sound:
// only a head recorded elsewhere (a backup's manifest, a printed session report) catches it.
import { chainHash, GENESIS } from './chain-hash.js';
import type { AuditAnchorRow, AuditChainRow } from './audit.repo.js';

export type ChainBreak = 'changed' | 'removed' | 'reordered';

export interface ChainVerdict {
  rows: number;
  head: string;
  /** The first entry out of place, and how; null when every link holds. */
  firstBreak: { kind: ChainBreak; row: AuditChainRow } | null;
  /** With a recorded head: the entry it names, or null when the chain no longer holds it. */
  recordedHead?: { digest: string; row: AuditChainRow | null };
  /** Where the chain kept starts, when its oldest entries were removed at the end of their retention period. */
  anchor?: AuditAnchorRow;
}

function recomputed(prev: string, r: AuditChainRow): string {
  return chainHash(prev, r.at, { actorKind: r.actorKind, actorId: r.actorId, sessionId: r.sessionId, action: r.action }, r.detail);
}

/**
 * How entry `i` breaks the chain whose previous hash is `prev`, or null if it holds.
 * - Its own hash does not match its content and link: it was changed.
 * - It is sound but links to an entry that comes later, or a later entry links to `prev`: the
 *   entries were reordered.
 * - It is sound but links to no entry present: the entries between were removed.
 */
function breakAt(rows: AuditChainRow[], i: number, prev: string): ChainBreak | null {
  const r = rows[i]!;
  if (recomputed(r.prevHash, r) !== r.hash) return 'changed';
  if (r.prevHash === prev) return null;
  const later = rows.slice(i + 1);
  if (later.some((x) => x.hash === r.prevHash || x.prevHash === prev)) return 'reordered';
  return 'removed';
}

/**
 * Checks the chain from its origin, or from the anchor its oldest entries were removed to: the
 * first entry kept must link to the last entry removed, so removing more than the anchor covers
 * is seen as any other removal.
 */
export function verifyChain(rows: AuditChainRow[], recordedHead?: string, anchor?: AuditAnchorRow): ChainVerdict {
  let prev = anchor?.throughHash ?? GENESIS;
  let firstBreak: ChainVerdict['firstBreak'] = null;
  for (let i = 0; i < rows.length; i++) {
    const kind = breakAt(rows, i, prev);
    if (kind) {
      firstBreak = { kind, row: rows[i]! };
      break;
    }
    prev = rows[i]!.hash;
  }
  const verdict: ChainVerdict = { rows: rows.length, head: rows.at(-1)?.hash ?? anchor?.throughHash ?? GENESIS, firstBreak, ...(anchor ? { anchor } : {}) };
  if (recordedHead !== undefined) {
    const digest = recordedHead.trim().toLowerCase();
    verdict.recordedHead = { digest, row: digest === GENESIS ? null : (rows.find((r) => r.hash === digest) ?? null) };
  }
  return verdict;
}
