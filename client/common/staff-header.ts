// The header of the staff pages (admin, proctor, grading): the page's name, what the page adds
// (a way back), the language switch, and who is logged in with the logout button. Rendered into
// the page's own shadow root, so each page keeps its layout rules.
import { css, html, nothing, type TemplateResult } from 'lit';
import { t } from './staff-i18n.js';
import type { StaffSession } from './staff-session.js';
import '../kiosk/lectern-language-switch.js';
import './lectern-own-password.js';

export const staffHeaderStyles = css`
  header.staff {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
  }
  header.staff h1 {
    margin: 0;
    flex: 1;
  }
`;

export interface StaffHeader {
  /** Shown after "Lectern — "; none on a page whose own content carries the title. */
  title?: string;
  /** Placed before the language switch (the grading page's way back to the sessions). */
  extra?: TemplateResult | typeof nothing;
}

export function renderStaffHeader(session: StaffSession, header: StaffHeader = {}) {
  const me = session.me;
  return html`<header class="staff">
    ${header.title ? html`<h1>Lectern — ${header.title}</h1>` : nothing}${header.extra ?? nothing}
    <lectern-language-switch></lectern-language-switch>
    ${me
      ? html`<span>${me.displayName}</span><lectern-own-password .api=${session.api}></lectern-own-password><button type="button" @click=${() => void session.logout()}>${t('staff.logout')}</button>`
      : nothing}
  </header>`;
}
