// Build time, in Node (client/build.mjs): the kiosk's login screen as HTML, in declarative shadow
// roots laid out as <lectern-kiosk> and <lectern-login> draw it, so that a candidate can click
// into the first field and type the codes as soon as the page is parsed, before the kiosk's
// script has arrived and run (issue 15, item 4: the login waited for 34 KB of script, 300 to
// 700 ms on a room's PC). The kiosk takes the screen over when its script runs, with what was
// typed and the focus (prerendered-login.ts); until then the button is disabled and the form
// cannot be sent (method="dialog" outside a dialog does nothing).
//
// The workstation's line is written in by the server from the page's ?workstation= (WORKSTATION_SLOT).
// French, the kiosk's default; a kiosk set to English switches when its script runs. The server
// sends this page only to a browser without a session (server/routes/pages.ts): a candidate who
// reloads during the exam never sees a login.
import type { CSSResultGroup } from 'lit';
import { formatEntry } from '../../server/contract/i18n/format.js';
import { kioskFr } from '../../server/contract/i18n/fr/kiosk.js';
import { CANDIDATE_CODE_LENGTH, SESSION_CODE_LENGTH } from '../../server/contract/rules/code-format.js';
import type { MessageKey } from '../../server/contract/i18n/catalogue.js';
import { escapeHtml } from '../../server/contract/rules/html-text.js';
import { baseStyles } from '../common/styles.js';
import { kioskStyles } from './kiosk-styles.js';
import { languageSwitchStyles, loginStyles } from './login-styles.js';
import { PRERENDER_END, PRERENDER_START, PRERENDERED, WORKSTATION_SLOT } from '../../server/contract/kiosk-page.js';

export { PRERENDER_END, PRERENDER_START, withoutPrerender } from '../../server/contract/kiosk-page.js';

function t(key: MessageKey): string {
  const entry = kioskFr[key as keyof typeof kioskFr];
  if (entry === undefined) throw new Error(`login-prerender: ${key} is not in the kiosk's French catalogue`);
  return escapeHtml(formatEntry(entry, 'fr'));
}

function cssOf(...groups: CSSResultGroup[]): string {
  const text = (group: CSSResultGroup): string => (Array.isArray(group) ? group.map(text).join('\n') : 'cssText' in group ? group.cssText : '');
  return groups.map(text).join('\n');
}

/** The same attributes as lectern-login's renderField, with no problem shown. */
function field(name: 'session' | 'candidate', label: MessageKey, hint: MessageKey, length: number, autofocus: boolean): string {
  return (
    `<div><label for="${name}">${t(label)} <span class="hint" id="${name}-hint">${t(hint)}</span></label>` +
    `<input id="${name}" name="${name}" autocomplete="off" autocapitalize="characters" autocorrect="off" spellcheck="false" inputmode="text"` +
    ` maxlength="${length + 3}" aria-invalid="false" aria-describedby="${name}-hint"${autofocus ? ' autofocus' : ''}></div>`
  );
}

/**
 * If the kiosk's script never runs (blocked, or failed to load), the drawn login would look usable
 * and never send: after NOT_STARTED_AFTER_S a sentence tells the candidate to call the proctor. CSS
 * alone (an animation's delay), since it is for the case where no script of ours runs; the kiosk
 * draws over it when it starts.
 */
const NOT_STARTED_AFTER_S = 8;
const NOT_STARTED_CSS = `
.not-started { visibility: hidden; margin-top: 1rem; animation: lectern-not-started 0s linear ${NOT_STARTED_AFTER_S}s forwards; }
@keyframes lectern-not-started { to { visibility: visible; } }
`;

export interface PrerenderedLogin {
  /** What goes inside <lectern-kiosk>, between the two marks. */
  markup: string;
  /** The text of its inline style elements, which the policy allows by their hashes (client/kiosk-prerender.mjs). */
  styles: string[];
}

export function prerenderLogin(): PrerenderedLogin {
  const styles = [cssOf(baseStyles, kioskStyles), cssOf(baseStyles, loginStyles) + NOT_STARTED_CSS, cssOf(baseStyles, languageSwitchStyles)];
  const [kioskCss, loginCss, switchCss] = styles.map((css) => `<style ${PRERENDERED}>${css}</style>`);
  const languageSwitch =
    `<lectern-language-switch><template shadowrootmode="open">${switchCss}` +
    `<button type="button" lang="en" aria-label="${t('language.switchLabel')}" disabled>${t('language.switchTo')}</button></template></lectern-language-switch>`;
  const login =
    `<lectern-login><template shadowrootmode="open">${loginCss}` +
    `<div class="page" lang="fr"><div class="top">${languageSwitch}</div><div class="panel">` +
    `<h1>${t('login.title')}</h1><p>${t('login.intro')}</p><p class="muted">${t('login.caseHint')}</p>${WORKSTATION_SLOT}` +
    `<form method="dialog" novalidate>` +
    field('session', 'login.sessionCode', 'login.sessionCodeHint', SESSION_CODE_LENGTH, true) +
    field('candidate', 'login.candidateCode', 'login.candidateCodeHint', CANDIDATE_CODE_LENGTH, false) +
    `<div class="actions"><button class="primary" type="submit" disabled>${t('login.submit')}</button></div>` +
    // Under the panel, not in it: hidden, it still takes its room, and nothing drawn moves when the kiosk takes over.
    `</form></div><p class="error not-started" role="alert">${t('login.notStarted')}</p></div></template></lectern-login>`;
  // The slot shows the page's <noscript> sentence (a browser without JavaScript).
  const markup = `${PRERENDER_START}<template shadowrootmode="open">${kioskCss}<slot></slot><div lang="fr">${login}</div></template>${PRERENDER_END}`;
  return { markup, styles };
}
