// Who a grading change is recorded against in the audit log: an admin or corrector, or the server
// itself (scripts shared out automatically when a corrector first opens a session).
export type GradingActor = { kind: 'account'; id: number } | { kind: 'system' };

export function actorFields(actor: GradingActor): { actorKind: 'account' | 'system'; actorId: number | null } {
  return actor.kind === 'account' ? { actorKind: 'account', actorId: actor.id } : { actorKind: 'system', actorId: null };
}
