import { createHash } from 'node:crypto';

/**
 * What the audit chain keeps of a free text a person wrote (an incident, a hold's reason): its
 * SHA-256, never the words. The words may name a candidate and are deleted with the session's
 * data; the digest still proves, against a printed report, what was written.
 */
export function textDigest(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
