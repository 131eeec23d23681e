// What the offer (the candidate's banner) and the proctor's entry share: which key seals the file,
// and making and downloading it, with the outcome kept as a catalogue key so a language switch
// rewords it.
import type { AttemptView } from '../../server/contract/attempt.js';
import type { FallbackIssue } from '../../server/contract/fallback-file.js';
import type { MessageKey } from '../../server/contract/i18n/catalogue.js';
import type { Params } from '../../server/contract/i18n/format.js';
import type { KeyValueStorage } from '../common/local-store.js';
import { keepFallbackKey, keptFallbackKey } from './fallback-key-store.js';
import { downloadFile, makeFallbackFile } from './fallback-file.js';

export interface FallbackNote {
  kind: 'saved' | 'error';
  key: MessageKey;
  params?: Params;
}

/** The server's wait before the offer, when the attempt does not say (issue 10: two minutes). */
export const DEFAULT_OFFER_AFTER_MS = 120_000;

const scopeOf = (attempt: AttemptView) => ({ sessionCode: attempt.session.code, candidateCode: attempt.candidate.code });

/** The attempt's key, or the one kept on the workstation (a reload while the server is away). */
export function fallbackIssue(attempt: AttemptView | null, storage: KeyValueStorage | null): FallbackIssue | null {
  if (!attempt) return null;
  if (attempt.fallback) return attempt.fallback;
  return storage ? keptFallbackKey(storage, scopeOf(attempt)) : null;
}

/** Keeps the key the server issued, for a reload while the server is away. */
export function keepIssue(attempt: AttemptView | null, storage: KeyValueStorage | null): void {
  if (attempt?.fallback && storage) keepFallbackKey(storage, scopeOf(attempt), attempt.fallback);
}

/** Seals the candidate's newest answers into a file and hands it to the browser's download. */
export async function saveFallbackFile(attempt: AttemptView | null, storage: KeyValueStorage | null): Promise<FallbackNote> {
  const issue = fallbackIssue(attempt, storage);
  if (!attempt || !issue) return { kind: 'error', key: 'fallback.noKey' };
  try {
    const file = await makeFallbackFile(attempt, issue, storage);
    downloadFile(file.name, file.text);
    return { kind: 'saved', key: 'fallback.saved', params: { file: file.name } };
  } catch (error) {
    return { kind: 'error', key: 'fallback.failed', params: { message: error instanceof Error ? error.message : String(error) } };
  }
}
