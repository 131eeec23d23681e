// The kiosk's service worker (issue 10, item 7), built by client/build.mjs into /kiosk-sw.js with
// the build's version and the hashed files of the kiosk's page. It keeps the kiosk's shell and the
// candidate's current paper so that a reload while the server is unreachable returns to the exam;
// the answers themselves are in the workstation's storage (local-copies.ts) and go to the server
// when it is back. Network first for the page and the paper: the cache answers only when the
// server does not. What it handles is decided by offline-rules.ts; anything else is not touched.
import { withoutPrerender } from '../../server/contract/kiosk-page.js';
import { decidesOnBody, keepsPaperAnswer, offlineRuleFor, PAPER_CACHE_PREFIX, SHELL_CACHE_PREFIX } from './offline-rules.js';

declare const __LECTERN_SW_BUILD__: string;
declare const __LECTERN_SW_SHELL__: string[];

// The DOM library has no service worker types (they clash with its window types): the few used here.
interface ExtendableEventLike extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEventLike extends ExtendableEventLike {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface MessageEventLike extends ExtendableEventLike {
  readonly data: unknown;
}
interface WorkerScopeLike {
  readonly location: Location;
  skipWaiting(): Promise<void>;
  readonly clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEventLike) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEventLike) => void): void;
  addEventListener(type: 'message', listener: (event: MessageEventLike) => void): void;
}

const worker = globalThis as unknown as WorkerScopeLike;
const shellCache = `${SHELL_CACHE_PREFIX}${__LECTERN_SW_BUILD__}`;
const paperCache = `${PAPER_CACHE_PREFIX}${__LECTERN_SW_BUILD__}`;
/** A page that has not answered in this time is taken from the cache (a pulled cable can hang a request for minutes). */
const PAGE_TIMEOUT_MS = 4000;

worker.addEventListener('install', (event) => {
  // `reload`: the files themselves, not the browser's HTTP cache's copy of an older build.
  event.waitUntil(
    caches
      .open(shellCache)
      .then((cache) => cache.addAll(__LECTERN_SW_SHELL__.map((url) => new Request(url, { cache: 'reload' }))))
      .then(() => worker.skipWaiting()),
  );
});

worker.addEventListener('activate', (event) => {
  // A new build replaces the old caches, the paper's too (its worker is the one that kept it).
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => (n.startsWith(SHELL_CACHE_PREFIX) || n.startsWith(PAPER_CACHE_PREFIX)) && n !== shellCache && n !== paperCache).map((n) => caches.delete(n))))
      .then(() => worker.clients.claim()),
  );
});

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  const rule = offlineRuleFor(url, worker.location.origin);
  if (rule === 'shell-page') event.respondWith(pageFirstFromNetwork(request));
  else if (rule === 'shell-asset') event.respondWith(assetFromCache(request));
  else if (rule === 'paper') event.respondWith(paperFromNetwork(request, url.pathname));
});

// The page names what it loaded before this worker took it over (those requests did not pass
// through here): the paper among them is fetched again and kept (offline-shell.ts).
worker.addEventListener('message', (event) => {
  const urls = paperUrls(event.data);
  event.waitUntil(Promise.all(urls.map((url) => paperFromNetwork(new Request(url, { credentials: 'same-origin' }), url.pathname).catch(() => undefined))));
});

function paperUrls(data: unknown): URL[] {
  if (typeof data !== 'object' || data === null || !('type' in data) || data.type !== 'keep-paper' || !('urls' in data) || !Array.isArray(data.urls)) return [];
  const urls = data.urls.filter((u): u is string => typeof u === 'string').map((u) => new URL(u, worker.location.origin));
  return urls.filter((url) => offlineRuleFor(url, worker.location.origin) === 'paper');
}

async function fromCache(name: string, request: Request | string): Promise<Response | undefined> {
  const cache = await caches.open(name);
  return cache.match(request, { ignoreSearch: typeof request === 'string', ignoreVary: true });
}

async function pageFirstFromNetwork(request: Request): Promise<Response> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), PAGE_TIMEOUT_MS);
  try {
    return await fetch(request, { signal: timeout.signal });
  } catch (error) {
    const cached = await fromCache(shellCache, '/');
    if (cached) return await offlinePage(cached);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** The cached page cut of its prerendered login: cached at install, when it may have had no session; offline, the kiosk is in the exam. */
async function offlinePage(cached: Response): Promise<Response> {
  const headers = new Headers(cached.headers);
  // The body is a new, shorter, plain text.
  headers.delete('content-length');
  headers.delete('content-encoding');
  return new Response(withoutPrerender(await cached.text()), { status: cached.status, headers });
}

async function assetFromCache(request: Request): Promise<Response> {
  return (await fromCache(shellCache, request)) ?? fetch(request);
}

async function paperFromNetwork(request: Request, pathname: string): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(request);
  } catch (error) {
    const cached = await fromCache(paperCache, request);
    if (cached) return cached;
    throw error;
  }
  await keepOrForget(request, pathname, response.clone());
  return response;
}

/** Keeps a copy of the answer when the rules allow; a receipt or a lost login forgets the paper. */
async function keepOrForget(request: Request, pathname: string, response: Response): Promise<void> {
  let body: unknown = null;
  if (decidesOnBody(pathname) && response.status === 200) body = await response.clone().json().catch(() => null);
  if (keepsPaperAnswer(pathname, response.status, body)) {
    await (await caches.open(paperCache)).put(request, response);
  } else if (response.status === 401 || (pathname === '/api/attempt' && response.status === 200)) {
    await caches.delete(paperCache);
  }
}
