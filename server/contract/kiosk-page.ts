// The kiosk's page as the build writes it and the server sends it: the marks around its
// prerendered login (client/kiosk/login-prerender.ts), shared by the build, the server
// (routes/pages.ts), the kiosk's elements and its service worker. No Node import here.

/** On the prerendered shadow roots' style elements: the element taking the root over empties it first. */
export const PRERENDERED = 'data-prerendered';
export const PRERENDER_START = '<!--lectern:prerendered-login-->';
export const PRERENDER_END = '<!--/lectern:prerendered-login-->';
/** Where the server writes the workstation's line ("Poste : PC-12") from the page's ?workstation=. */
export const WORKSTATION_SLOT = '<!--lectern:workstation-->';

/** The page without its prerendered login: for a browser holding a session, and offline (the service worker). */
export function withoutPrerender(html: string): string {
  const start = html.indexOf(PRERENDER_START);
  const end = html.indexOf(PRERENDER_END);
  if (start < 0 || end < start) return html;
  return html.slice(0, start) + html.slice(end + PRERENDER_END.length);
}

/** The workstation's name as the kiosk reads it from its address: ?workstation= or ?poste=, trimmed; null if none. */
export function workstationOfQuery(query: URLSearchParams): string | null {
  const name = (query.get('workstation') ?? query.get('poste'))?.trim();
  return name ? name : null;
}
