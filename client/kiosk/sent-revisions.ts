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

const FNV_OFFSET = 0x811c9dc5;

/** FNV-1a, going on from `hash` over the characters of `text`. */
function fnv(hash: number, text: string): number {
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export function textDigest(text: string): string {
  return `${fnv(FNV_OFFSET, text).toString(16)}.${text.length}`;
}

/**
 * textDigest of an answer as it grows, kept up to date key by key: a send then costs the keys
 * typed since the last one, not a pass over the whole answer. At 50,000 characters that pass was
 * the larger part of a send, about 20 ms on a workstation with its CPU slowed 4 times, inside a
 * frame (issue 13, item 7). FNV-1a reads the text from its start, so characters added at the end
 * only continue it; any other edit starts it again at the next send.
 */
export class RunningDigest {
  private text: string | null = null;
  private hash = FNV_OFFSET;

  /** The digest of `text`, as textDigest gives it. */
  of(text: string): string {
    if (this.text !== text) {
      this.hash = fnv(FNV_OFFSET, text);
      this.text = text;
    }
    return `${this.hash.toString(16)}.${text.length}`;
  }

  /** The answer went from `before` to `after`: `appended` added at its end, or (null) any other edit. */
  edited(before: string, after: string, appended: string | null): void {
    if (appended !== null && this.text === before) {
      this.hash = fnv(this.hash, appended);
      this.text = after;
    } else {
      this.text = null;
    }
  }
}

/** The list with `revision` added (the oldest dropped beyond the bound); `digest` is textDigest(text). */
export function withSent(sent: readonly SentRevision[], revision: number, text: string, digest = textDigest(text)): SentRevision[] {
  const kept = sent.filter((entry) => entry.revision !== revision);
  kept.push({ revision, digest });
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
