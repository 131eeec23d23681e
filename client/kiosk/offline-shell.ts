// The page's side of the kiosk's service worker (issue 10, item 7): registered where the origin
// is secure (https, localhost, or the address the kiosk kit's policy treats as secure), so that a
// reload while the server is unreachable returns to the exam; browsers allow no worker elsewhere,
// and the kiosk then works as before (its copy of the answers is in the workstation's storage).
import { PAPER_CACHE_PREFIX } from './offline-rules.js';

/** Served by the server at the root, so the worker's scope covers the kiosk's page. */
export const KIOSK_SERVICE_WORKER_URL = '/kiosk-sw.js';

export function registerKioskServiceWorker(): void {
  if (!globalThis.isSecureContext || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.addEventListener('controllerchange', keepLoadedPaper);
  navigator.serviceWorker.register(KIOSK_SERVICE_WORKER_URL, { scope: '/' }).catch((error: unknown) => console.warn(`Lectern: no offline copy of the kiosk (${String(error)})`));
}

/**
 * The worker takes the page over after its first requests (who is logged in, the attempt, the
 * documents and their images went straight to the server): it is told their addresses, and keeps
 * those its rules allow (offline-rules.ts). Asked again as the exam opens: a candidate who logged
 * in before the worker was ready has their paper kept too. Later requests pass through it anyway.
 */
export function keepLoadedPaper(): void {
  const worker = globalThis.isSecureContext ? navigator.serviceWorker?.controller : null;
  if (!worker) return;
  const loaded = performance.getEntriesByType('resource').map((entry) => entry.name);
  worker.postMessage({ type: 'keep-paper', urls: ['/api/auth/me', '/api/attempt', ...loaded] });
}

/** The cached paper is forgotten when the receipt is shown and when a candidate logs in or out, as the local copies are. */
export async function forgetCachedPaper(): Promise<void> {
  if (!globalThis.isSecureContext || !('caches' in globalThis)) return;
  for (const name of await caches.keys()) if (name.startsWith(PAPER_CACHE_PREFIX)) await caches.delete(name);
}
