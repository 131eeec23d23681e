// The version of the live protocol (kiosk and dashboard sockets). A page built for another
// version is told to reload instead of sending messages the server would misread: a kiosk left
// open across a server upgrade must not lose answers to a renamed field.
// No TypeBox here: the pages import these values, and the schema library stays out of their bundles
// (the `incompatible` message's schema is in kiosk-protocol.ts).

/** Raise it whenever a socket message changes shape, in either direction. */
export const PROTOCOL_VERSION = 3;

/** The query parameter by which a page announces its version: `/ws?v=2`. */
export const PROTOCOL_VERSION_PARAM = 'v';

/** The close code after `incompatible` (4000-4999 are the application's own). */
export const INCOMPATIBLE_CLOSE_CODE = 4426;

/** The version a page announced in its socket URL, or null when it gave none or gave garbage. */
export function announcedVersion(raw: unknown): number | null {
  if (typeof raw !== 'string' || !/^\d{1,6}$/.test(raw)) return null;
  return Number(raw);
}

/** The socket URL's path and query for this build of the page. */
export function socketPath(): string {
  return `/ws?${PROTOCOL_VERSION_PARAM}=${PROTOCOL_VERSION}`;
}
