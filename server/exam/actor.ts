// Who made a change, as the audit log records it.
import type { AuditEntry } from '../audit/audit-log.js';

export type Actor = { kind: 'account'; id: number } | { kind: 'candidate'; id: number } | { kind: 'system' };

export function actorFields(actor: Actor): Pick<AuditEntry, 'actorKind' | 'actorId'> & { actorId: number | null } {
  return { actorKind: actor.kind, actorId: actor.kind === 'system' ? null : actor.id };
}

/** The account to store as `created_by`; a candidate or the system leaves it empty. */
export const accountOf = (actor: Actor): number | null => (actor.kind === 'account' ? actor.id : null);

/** A code as printed on the slip, in two halves. */
export const printed = (code: string) => (code.length > 4 ? `${code.slice(0, 4)}-${code.slice(4)}` : code);
