// What a page shows when the server refuses: the server answers `{ error: { code, message,
// ...params } }` with an English message for logs and API users; the page words the code in the
// reader's language from the catalogue (`error.<code>`, placeholders from the error's extra
// fields) and shows the server's own message only for a code this build does not know.
import { hasText, loadCatalogueAreas, t } from './i18n.js';
import type { Params } from '../../server/contract/i18n/format.js';
import { errorsFr } from '../../server/contract/i18n/fr/errors.js';
import { errorsEn } from '../../server/contract/i18n/en/errors.js';
import { securityFr } from '../../server/contract/i18n/fr/security.js';
import { securityEn } from '../../server/contract/i18n/en/security.js';

loadCatalogueAreas({ fr: errorsFr, en: errorsEn }, { fr: securityFr, en: securityEn });

/** The parts of a refusal the wording needs: ApiError has them, so does a socket's error message. */
export interface Refusal {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

function isRefusal(err: unknown): err is Refusal {
  return typeof err === 'object' && err !== null && typeof (err as Refusal).code === 'string' && typeof (err as Refusal).message === 'string';
}

/** An error's extra fields as placeholders: a list reads "q1, q2", an object is left out. */
function paramsOf(details: Record<string, unknown> | undefined): Params {
  const params: Params = {};
  for (const [name, value] of Object.entries(details ?? {})) {
    if (typeof value === 'string' || typeof value === 'number') params[name] = value;
    else if (Array.isArray(value)) params[name] = value.join(', ');
  }
  return params;
}

/** The catalogue's wording of a refusal, or null when its code has no entry. */
export function knownErrorText(err: Refusal): string | null {
  const key = `error.${err.code}`;
  return hasText(key) ? t(key, paramsOf(err.details)) : null;
}

/** The text a page shows for a failure: the catalogue's wording, else the server's message. */
export function errorText(err: unknown): string {
  if (isRefusal(err)) return knownErrorText(err) ?? err.message;
  return err instanceof Error ? err.message : String(err);
}
