// Requests a page starts before its main script has run (client/kiosk/early-requests.ts), taken
// over once by the page's ApiClient: the same request as the client would make, sent earlier.

/** Where the early requests wait on the page's global object. */
export const EARLY_REQUESTS_KEY = '__lecternEarlyRequests';

/** Path -> the fetch already on its way. */
export type EarlyRequests = Record<string, Promise<Response>>;

/** The GET the ApiClient makes (api.ts), with its time limit. */
export function earlyRequestInit(timeoutMs = 20_000): RequestInit {
  return { method: 'GET', headers: { accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store', signal: AbortSignal.timeout(timeoutMs) };
}

/** The early request for `path`, once: a second call (a later boot, a retry) asks the server again. */
export function takeEarlyRequest(path: string, scope: object = globalThis): Promise<Response> | null {
  const early = (scope as Record<string, EarlyRequests | undefined>)[EARLY_REQUESTS_KEY];
  const request = early?.[path];
  if (!early || !request) return null;
  delete early[path];
  return request;
}
