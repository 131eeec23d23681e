// The browser's side of the prerendered login (login-prerender.ts): when the kiosk's elements
// start, they take over the shadow roots the page's HTML already drew, keeping what the candidate
// typed there and where the focus was. Lit would otherwise draw its own content after the
// prerendered one, in the same root.
import { PRERENDERED } from '../../server/contract/kiosk-page.js';

/** What was typed into the prerendered login before the kiosk's script ran. */
export interface TypedCodes {
  session: string;
  candidate: string;
  /** The field that had the focus, if one had. */
  focused: 'session' | 'candidate' | null;
}

/** True when the element's shadow root is one the page's HTML drew (and not yet taken over). */
export function isPrerendered(host: Element): boolean {
  // A shadow root's query stops at nested roots: this finds the host's own prerendered style only.
  return host.shadowRoot?.querySelector(`[${PRERENDERED}]`) != null;
}

/** Empties a prerendered shadow root, so the element draws in it. */
export function clearPrerendered(host: Element): void {
  if (isPrerendered(host)) host.shadowRoot!.replaceChildren();
}

/** The codes typed into a prerendered <lectern-login>'s fields (null when it has none). */
export function typedCodes(login: Element): TypedCodes | null {
  const root = login.shadowRoot;
  const session = root?.querySelector<HTMLInputElement>('input#session');
  const candidate = root?.querySelector<HTMLInputElement>('input#candidate');
  if (!root || !session || !candidate) return null;
  const active = root.activeElement;
  return { session: session.value, candidate: candidate.value, focused: active === session ? 'session' : active === candidate ? 'candidate' : null };
}
