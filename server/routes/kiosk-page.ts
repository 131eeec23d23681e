// Which kiosk page a request gets (issue 15, item 4). The build writes it twice: index.html with the
// login drawn into it (client/kiosk/login-prerender.ts: a candidate can type the codes before the
// kiosk's script has run) and index-signed-in.html without it, for a browser that holds a session
// (a reload during the exam must not show a login, even for the time the script takes to start).
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatEntry } from '../contract/i18n/format.js';
import { kioskFr } from '../contract/i18n/fr/kiosk.js';
import { WORKSTATION_SLOT, workstationOfQuery } from '../contract/kiosk-page.js';
import { escapeHtml } from '../contract/rules/html-text.js';

export const KIOSK_PAGE = 'index.html';
export const SIGNED_IN_KIOSK_PAGE = 'index-signed-in.html';

/** A built file to send as it is (precompressed), or the page with its workstation's line written in. */
export type KioskPage = { file: string } | { html: string };

let cached: { mtimeMs: number; html: string } | null = null;

/** index.html, read again only when a new build replaced it. */
function prerenderedPage(clientDir: string): string {
  const path = join(clientDir, KIOSK_PAGE);
  const { mtimeMs } = statSync(path);
  if (cached?.mtimeMs !== mtimeMs) cached = { mtimeMs, html: readFileSync(path, 'utf8') };
  return cached.html;
}

/**
 * The page for this request. With ?workstation= (the slips' QR codes carry it), the prerendered
 * login says which workstation this is, as the kiosk's own login does, so that nothing moves under
 * the candidate's eyes when the kiosk takes the screen over. In French: the prerendered login is.
 */
export function kioskPageFor(clientDir: string, holdsSession: boolean, query: URLSearchParams, exists: (file: string) => boolean): KioskPage {
  if (holdsSession && exists(SIGNED_IN_KIOSK_PAGE)) return { file: SIGNED_IN_KIOSK_PAGE };
  const workstation = workstationOfQuery(query);
  if (!workstation || !exists(KIOSK_PAGE)) return { file: KIOSK_PAGE };
  const line = `<p>${escapeHtml(formatEntry(kioskFr['login.workstation'], 'fr', { workstation }))}</p>`;
  return { html: prerenderedPage(clientDir).replace(WORKSTATION_SLOT, line) };
}
