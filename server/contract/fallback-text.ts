// How a fallback file's import outcome reads, for the console (npm run import-fallback) and the
// admin page alike: each refusal its own sentence naming the file.
import type { FallbackFileOutcome } from './fallback-file.js';
import type { MessageKey } from './i18n/catalogue.js';
import type { Params } from './i18n/format.js';

export type Translate = (key: MessageKey, params?: Params) => string;

export function fallbackOutcomeText(t: Translate, o: FallbackFileOutcome): string {
  const candidate = o.candidateCode ?? '?';
  if (o.outcome === 'imported') {
    return t('fallback.imported', { file: o.file, candidate, imported: o.imported.length > 0 ? o.imported.join(', ') : '0', held: o.alreadyHeld.length > 0 ? o.alreadyHeld.join(', ') : '0' });
  }
  return t(`fallback.refused.${o.refusal ?? 'forged'}`, { file: o.file, candidate, other: o.otherCandidate ?? '?', session: o.sessionCode ?? '?' });
}
