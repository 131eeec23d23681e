import fp from 'fastify-plugin';
import helmet from 'helmet';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clientBuildDir } from '../paths.js';

/**
 * The inline styles the kiosk's page may use, by their hashes: those the build wrote into it (its
 * prerendered login and base.css: client/kiosk-prerender.mjs), listed beside the page. Read once
 * per server; none when the client is not built.
 */
function kioskPageStyleHashes(): string[] {
  try {
    const { styleHashes } = JSON.parse(readFileSync(join(clientBuildDir, 'kiosk-prerender.json'), 'utf8')) as { styleHashes?: unknown };
    return Array.isArray(styleHashes) ? styleHashes.filter((h): h is string => typeof h === 'string' && /^'sha256-[A-Za-z0-9+/=]+'$/.test(h)) : [];
  } catch {
    return [];
  }
}

/**
 * A strict Content-Security-Policy that works over plain HTTP on a LAN: no inline script, no
 * inline style but the ones `styleHashes` names (the kiosk's page alone has any), nothing from
 * another origin (there is no internet anyway), no framing. No upgrade-insecure-requests and no
 * HSTS: the room's server has no TLS certificate.
 *
 * `opener`: helmet's Cross-Origin-Opener-Policy same-origin, left out on the kiosk's page (below).
 */
function buildHeaders(options: { opener: boolean; styleHashes: string[] }) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", ...options.styleHashes],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
    crossOriginOpenerPolicy: options.opener,
    hsts: false,
    crossOriginEmbedderPolicy: false,
  });
}

/**
 * The kiosk's page, `/` with or without a query: sent without Cross-Origin-Opener-Policy. A
 * browser opening a page with that header from its new, empty tab moves it to a new renderer
 * process: 100 to 120 ms of a cold start on a 2-core PC (median of 9 loads 350 ms with it, 230
 * without; docs/kiosk-start.md), a third of the kiosk's 300 ms. What it guards against is a page
 * of another origin holding a reference to this window (an opener or a popup); the kiosk's browser
 * reaches no other origin (no internet, the kiosk kit's URL allow-list), opens no window and is
 * opened by none, so the header protects nothing there. Staff pages and every other answer keep it,
 * and their policy allows no inline style at all.
 */
function isKioskPage(url: string): boolean {
  return url === '/' || url.startsWith('/?');
}

/**
 * helmet itself, built once per server: @fastify/helmet builds a new helmet (and parses the policy
 * again) for every request, so that a route may override it; at an exam start (1,000 kiosks within
 * a few seconds) that rebuilding was 2.5 % of the server's main thread.
 */
export default fp(
  async (app) => {
    const headers = buildHeaders({ opener: true, styleHashes: [] });
    const kioskPageHeaders = buildHeaders({ opener: false, styleHashes: kioskPageStyleHashes() });
    app.addHook('onRequest', (request, reply, done) =>
      (isKioskPage(request.url) ? kioskPageHeaders : headers)(request.raw, reply.raw, (err) => done(err instanceof Error ? err : undefined)),
    );
  },
  { name: 'lectern-security-headers' },
);
