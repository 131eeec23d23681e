// Which revisions this workstation has sent and not yet seen acknowledged, each with a digest of
// its text. After a reconnect or a reload the server may already hold one of them (it wrote the
// save, its acknowledgement was lost or is still on its way): that newer server revision is then
// this kiosk's own and the text typed since continues it; without this record it would look
// written elsewhere, and the newer local text would be put aside and replaced (issue 10, item 8).

export interface SentRevision {
  revision: number;
  /** FNV-1a of the text and its length: enough to recognise one's own text, never to rebuild it. */
  digest: string;
}

/**
 * At most this many unacknowledged sends are remembered per question. Saves go every few seconds,
 * and once more on each reconnect: a kiosk cut off again and again can send a dozen without
 * hearing one answer, and a send forgotten while the server holds it made the server's text look
 * written elsewhere (the text typed since was put aside, the field showing the older one). 64
 * covers more than a minute of sends with no acknowledgement, for about 2 KB of storage.
 */
const MAX_REMEMBERED = 64;

export function textDigest(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${hash.toString(16)}.${text.length}`;
}

/** The list with `revision` added (the oldest dropped beyond the bound). */
export function withSent(sent: readonly SentRevision[], revision: number, text: string): SentRevision[] {
  const kept = sent.filter((entry) => entry.revision !== revision);
  kept.push({ revision, digest: textDigest(text) });
  return kept.slice(-MAX_REMEMBERED);
}

/** The sends still waiting once `ackedRevision` (and every older one) is durable. */
export function unacknowledgedSends(sent: readonly SentRevision[], ackedRevision: number): SentRevision[] {
  return sent.filter((entry) => entry.revision > ackedRevision);
}

/** True when the server's answer is a save this workstation sent. */
export function isOwnSave(sent: readonly SentRevision[] | undefined, server: { revision: number; text: string }): boolean {
  if (!sent?.length) return false;
  const digest = textDigest(server.text);
  return sent.some((entry) => entry.revision === server.revision && entry.digest === digest);
}

/** Reads a stored list, dropping anything malformed. */
export function parseSent(value: unknown): SentRevision[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((entry): entry is SentRevision => {
      if (typeof entry !== 'object' || entry === null) return false;
      const { revision, digest } = entry as Record<string, unknown>;
      return typeof revision === 'number' && Number.isInteger(revision) && revision > 0 && typeof digest === 'string';
    })
    .slice(-MAX_REMEMBERED);
}
