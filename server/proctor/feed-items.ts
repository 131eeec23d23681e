import type { FeedItem } from '../contract/staff-protocol.js';
import type { AcknowledgementRow, AuditActionRow, SupervisionEventRow } from './feed.repo.js';

// How each source of the dashboard's feed reads as a feed line: kiosk and server events, audited
// actions, message acknowledgements. Ids carry their source so they stay unique once merged.

/** Supervision events the server itself observes (the others come from the kiosk). */
export const serverKinds = new Set(['second-login', 'connection-lost', 'connection-back', 'answer-imported']);

/** A stored JSON detail as an object; anything else (or broken JSON) reads as no detail. */
export function parseDetail(text: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function eventFeedItem(e: SupervisionEventRow): FeedItem {
  return { id: `e${e.id}`, at: e.at, candidateId: e.candidateId, source: serverKinds.has(e.kind) ? 'server' : 'kiosk', kind: e.kind, detail: parseDetail(e.detail) };
}

export function acknowledgementFeedItem(k: AcknowledgementRow): FeedItem {
  return { id: `k${k.messageId}-${k.candidateId}`, at: k.at, candidateId: k.candidateId, source: 'kiosk', kind: 'message-acknowledged', detail: { messageId: k.messageId } };
}

/** An audited action; its candidate is the one the detail names, or the candidate who acted. */
export function auditFeedItem(r: AuditActionRow): FeedItem {
  const detail = parseDetail(r.detail);
  const candidateId = typeof detail['candidateId'] === 'number' ? detail['candidateId'] : r.actorKind === 'candidate' ? r.actorId : null;
  return {
    id: `a${r.id}`,
    at: r.at,
    candidateId,
    source: r.actorKind === 'account' ? 'proctor' : r.actorKind === 'candidate' ? 'kiosk' : 'server',
    kind: r.action,
    detail,
    ...(r.by ? { by: r.by } : {}),
  };
}
