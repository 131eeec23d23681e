import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ApiClient } from '../common/api.js';
import { I18nController, getLanguage, setLanguage } from '../common/i18n.js';
import { renderStaffHeader, staffHeaderStyles } from '../common/staff-header.js';
import { StaffSession } from '../common/staff-session.js';
import { baseStyles } from '../common/styles.js';
import '../common/lectern-staff-login.js';
import { errorText } from './ui.js';
import './lectern-session-list.js';
import './lectern-dashboard.js';
import { t } from '../common/staff-i18n.js';

/** The session shown, from the address (#session=12), so a reload comes back to it. */
function sessionFromHash(): number | null {
  const m = /session=(\d+)/.exec(location.hash);
  return m ? Number(m[1]) : null;
}

/** The proctor's page: staff login, the sessions, then the live dashboard of one of them. */
@customElement('lectern-proctor')
export class LecternProctor extends LitElement {
  static override styles = [
    baseStyles,
    staffHeaderStyles,
    css`
      :host {
        display: block;
        min-height: 100vh;
      }
      header.staff {
        justify-content: flex-end;
        padding: 0.5rem 1rem;
      }
      header.staff button {
        min-height: 2.25rem;
        padding: 0.25rem 0.8rem;
      }
    `,
  ];

  private readonly api = new ApiClient();
  private readonly i18n = new I18nController(this);
  private readonly session = new StaffSession(this, { api: this.api, roles: ['admin', 'proctor'] });
  @state() private _sessionId: number | null = sessionFromHash();

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHash);
    document.documentElement.lang = getLanguage();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHash);
  }

  private readonly onHash = () => {
    this._sessionId = sessionFromHash();
  };

  override render() {
    void this.i18n;
    const header = renderStaffHeader(this.session);
    switch (this.session.gate) {
      case 'loading':
        return html`<p class="page">${t('proctor.loading')}</p>`;
      case 'failed':
        return html`<p class="page error" role="alert">${errorText(this.session.error)}</p>`;
      case 'login':
        return html`${header}<lectern-staff-login .api=${this.api} .heading=${t('proctor.title')} @staff-logged-in=${() => void this.session.check()}></lectern-staff-login>`;
      case 'wrong-role':
        return html`${header}<p class="page" role="alert">${t('proctor.wrongRole')}</p>`;
      case 'ready':
        if (this._sessionId === null) {
          return html`${header}<lectern-session-list .api=${this.api} @session-chosen=${(e: CustomEvent<{ sessionId: number }>) => (location.hash = `session=${e.detail.sessionId}`)}></lectern-session-list>`;
        }
        // The dashboard has its own header (session, clock, language, leave).
        return html`<lectern-dashboard
          .api=${this.api}
          .sessionId=${this._sessionId}
          @leave-session=${() => (location.hash = '')}
          @switch-language=${this.switchLanguage}
        ></lectern-dashboard>`;
    }
  }

  private switchLanguage() {
    setLanguage(getLanguage() === 'fr' ? 'en' : 'fr');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-proctor': LecternProctor;
  }
}
