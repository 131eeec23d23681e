// The dashboard's top bar: back to the sessions, the session's title, code and state, whether
// the live link holds, the room controls, and the links to the printed slips, report and CSV.
import { html, nothing, type TemplateResult } from 'lit';
import type { ConnectionState } from '../common/connection.js';
import type { Language } from '../common/i18n.js';
import { t } from '../common/staff-i18n.js';
import type { DashboardSession } from './types.js';
import './lectern-fallback-code.js';

export interface SessionBarHandlers {
  back(event: Event): void;
  switchLanguage(): void;
  toggleContrast(): void;
}

/** The session bar; `controls` are the room controls (dashboard-room-controls.ts), drawn in their place. */
export function sessionBar(session: DashboardSession, live: ConnectionState, lang: Language, contrast: boolean, controls: TemplateResult, on: SessionBarHandlers) {
  return html`
    <header class="bar">
      <a href="#" @click=${on.back}>${t('proctor.sessions.back')}</a>
      <h1>${session.title}</h1>
      <div class="session-meta">
        ${session.room ? html`<span>${session.room}</span>` : nothing}
        <span>${t('proctor.room.code')} <span class="session-code" data-role="session-code">${session.code}</span></span>
        <span class="room-state ${session.state}" data-role="room-state">${t(`proctor.state.${session.state}`)}</span>
        ${session.sebConfigKeySet ? html`<span>${t('proctor.room.seb')}</span>` : nothing}
        ${session.state === 'ended' ? nothing : html`<lectern-fallback-code .sessionId=${session.id}></lectern-fallback-code>`}
        <span class="live ${live}" data-role="live" role="status">● ${t(`proctor.live.${live}`)}</span>
      </div>
      <span class="spacer"></span>
      <div class="controls">${controls}</div>
      ${sessionLinks(session.id, lang, on)}
      <button type="button" aria-pressed=${contrast ? 'true' : 'false'} data-action="contrast" @click=${on.toggleContrast}>◐ ${t('proctorScreens.theme.contrast')}</button>
    </header>
  `;
}

/** The printed papers and the CSV open in the interface's language; the button offers the other one. */
function sessionLinks(sessionId: number, lang: Language, on: SessionBarHandlers) {
  return html`<div class="links">
    <a href="/proctor/sessions/${sessionId}/slips?lang=${lang}" target="_blank" rel="noopener">${t('proctor.room.slips')}</a>
    <a href="/proctor/sessions/${sessionId}/report?lang=${lang}" target="_blank" rel="noopener">${t('proctor.room.report')}</a>
    <a href="/api/sessions/${sessionId}/report.csv?lang=${lang}">${t('proctor.room.csv')}</a>
    <button type="button" lang=${lang === 'fr' ? 'en' : 'fr'} title=${t('proctor.languageLabel')} @click=${on.switchLanguage}>${t('proctor.language')}</button>
  </div>`;
}

/** The error line under the bar: a refused action, or the socket's error. */
export function errorLine(error: string) {
  return error ? html`<p class="error-line" role="alert">${error}</p>` : nothing;
}
