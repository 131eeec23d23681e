// The fallback file's key (issue 10, item 4) as the workstation keeps it: beside the candidate's
// local copy of the answers, and cleared with it (at the receipt, and when another candidate logs
// in here: local-copies.ts). Kept so that a kiosk reloaded while the server is away can still seal.
import type { FallbackIssue } from '../../server/contract/fallback-file.js';
import { keysWithPrefix, readItem, removeItem, type KeyValueStorage } from '../common/local-store.js';

/** Whose key: the same scope as the local copies' (local-copies.ts imports this file, not the reverse). */
export interface KeyScope {
  sessionCode: string;
  candidateCode: string;
}

export const FALLBACK_KEY_PREFIX = 'lectern.fallback-key.v1.';

export function fallbackKeyName(scope: KeyScope): string {
  return `${FALLBACK_KEY_PREFIX}${scope.sessionCode.toUpperCase()}.${scope.candidateCode.toUpperCase()}`;
}

/** Best effort: a full storage leaves the kiosk without a key only if it is also reloaded offline. */
export function keepFallbackKey(storage: KeyValueStorage, scope: KeyScope, issue: FallbackIssue): void {
  try {
    storage.setItem(fallbackKeyName(scope), JSON.stringify(issue));
  } catch {
    // The attempt in memory still holds the key.
  }
}

export function keptFallbackKey(storage: KeyValueStorage, scope: KeyScope): FallbackIssue | null {
  try {
    const value = JSON.parse(readItem(storage, fallbackKeyName(scope)) ?? 'null') as Partial<FallbackIssue> | null;
    if (!value || typeof value.key !== 'string' || !Number.isInteger(value.attemptId) || typeof value.proctorCodeDigest !== 'string' || typeof value.proctorCodeSalt !== 'string') return null;
    return { attemptId: value.attemptId!, key: value.key, offerAfterMs: Number.isInteger(value.offerAfterMs) ? value.offerAfterMs! : 120_000, proctorCodeSalt: value.proctorCodeSalt, proctorCodeDigest: value.proctorCodeDigest };
  } catch {
    return null;
  }
}

/** Removes this candidate's key (`keepName` null) or every key but theirs. */
export function clearFallbackKeys(storage: KeyValueStorage, keepName: string | null): void {
  for (const key of keysWithPrefix(storage, FALLBACK_KEY_PREFIX)) if (key !== keepName) removeItem(storage, key);
}
