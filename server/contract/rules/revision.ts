// The revision rule: each answer carries a revision number chosen by the kiosk, one more than
// the last it sent. Saves can arrive twice (resent after a reconnect) or out of order (a save
// kept in the browser's storage is resent after a newer one reached the server from elsewhere).

export type RevisionVerdict =
  /** Newer than what is stored: write it. */
  | 'apply'
  /** Same revision and same text: already durable, acknowledge again without writing. */
  | 'duplicate'
  /** Older than what is stored: never overwrite; tell the kiosk the newer revision is durable. */
  | 'stale'
  /** Same revision, different text: two kiosks wrote the same answer; the first one stays. */
  | 'conflict';

export function judgeRevision(
  stored: { revision: number; text: string } | undefined,
  incoming: { revision: number; text: string },
): RevisionVerdict {
  if (!stored) return 'apply';
  if (incoming.revision > stored.revision) return 'apply';
  if (incoming.revision < stored.revision) return 'stale';
  return incoming.text === stored.text ? 'duplicate' : 'conflict';
}

/** Words as a reader counts them: runs of letters, digits and joined punctuation. */
export function countWords(text: string): number {
  const matches = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’\-_./:]*/gu);
  return matches ? matches.length : 0;
}
