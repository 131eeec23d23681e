import { createHash } from 'node:crypto';
import type { ActorKind } from './audit.repo.js';

export interface AuditEntry {
  actorKind: ActorKind;
  actorId?: number | null;
  sessionId?: number | null;
  action: string;
  detail?: Record<string, unknown>;
}

/** The link before the first entry. */
export const GENESIS = '0'.repeat(64);

/** An entry's hash: its previous entry's hash and its own content (not its id: ids are not data). */
export function chainHash(prevHash: string, at: number, e: AuditEntry, detail: string): string {
  return createHash('sha256')
    .update([prevHash, at, e.actorKind, e.actorId ?? '', e.sessionId ?? '', e.action, detail].join('\u001f'))
    .digest('hex');
}
