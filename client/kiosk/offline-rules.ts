// What the kiosk's service worker (kiosk-service-worker.ts) may keep, and how it fetches each
// request (issue 10, item 7). Pure, so the rules are unit-tested in Node. Only the kiosk's own
// requests are handled; staff pages and every other API pass straight through, never cached.

/** The caches' names: one pair per build, so a new build's worker drops the old ones. */
export const SHELL_CACHE_PREFIX = 'lectern-shell-';
export const PAPER_CACHE_PREFIX = 'lectern-paper-';

/**
 * - `shell-page`: the kiosk's page, network first (a new build shows at once), the build's copy when the server is unreachable;
 * - `shell-asset`: a content-hashed file, which never changes: the cache first;
 * - `paper`: the candidate's own paper (who is logged in, the attempt, the documents, their images):
 *   network first, never a stale paper while the server answers; the last copy only when it does not.
 */
export type OfflineRule = 'shell-page' | 'shell-asset' | 'paper';

const HASHED_ASSET = /^\/assets\/[^/]+-[0-9a-f]{12}\.[a-z0-9]+$/;
const PAPER: RegExp[] = [/^\/api\/auth\/me$/, /^\/api\/attempt$/, /^\/api\/attempt\/sections\/[^/]+\/document$/, /^\/api\/packs\/[^/]+\/assets\/.+$/];

/** The rule for a GET of `url` from a page of `origin`, or null: not the worker's business. */
export function offlineRuleFor(url: URL, origin: string): OfflineRule | null {
  if (url.origin !== origin) return null;
  if (url.pathname === '/') return 'shell-page';
  if (HASHED_ASSET.test(url.pathname)) return 'shell-asset';
  if (PAPER.some((pattern) => pattern.test(url.pathname))) return 'paper';
  return null;
}

/**
 * Whether an answer of a paper request may be kept. Only a success; of /api/auth/me only a
 * candidate's (never a staff login's); of /api/attempt only before the receipt (the paper is
 * forgotten once the script is in, as the workstation's copy of the answers is).
 */
export function keepsPaperAnswer(pathname: string, status: number, body: unknown): boolean {
  if (status !== 200) return false;
  if (pathname === '/api/auth/me') return isRecord(body) && body['kind'] === 'candidate';
  if (pathname === '/api/attempt') return isRecord(body) && isRecord(body['candidate']) && body['candidate']['receipt'] === null;
  return true;
}

/** Whether an answer's body must be read as JSON to decide (the two views above). */
export function decidesOnBody(pathname: string): boolean {
  return pathname === '/api/auth/me' || pathname === '/api/attempt';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
