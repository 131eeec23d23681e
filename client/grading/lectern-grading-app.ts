import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ApiClient } from '../common/api.js';
import { I18nController } from '../common/i18n.js';
import { renderStaffHeader, staffHeaderStyles } from '../common/staff-header.js';
import { StaffSession } from '../common/staff-session.js';
import { baseStyles } from '../common/styles.js';
import '../common/lectern-staff-login.js';
import './lectern-grading-sessions.js';
import './lectern-grading-workspace.js';
import './lectern-grading-admin.js';
import { t } from '../common/staff-i18n.js';

/**
 * The grading page: log in, pick a session, then grade it (a corrector) or run its grading (an
 * admin). The session is in the address (#/sessions/12), so a reload comes back to it.
 */
@customElement('lectern-grading-app')
export class LecternGradingApp extends LitElement {
  static override styles = [
    baseStyles,
    staffHeaderStyles,
    css`
      :host {
        display: block;
        max-width: 110rem;
        margin: 0 auto;
        padding: 0.5rem 1.25rem 1rem;
      }
      header.staff {
        margin-bottom: 0.5rem;
      }
      header.staff h1 {
        font-size: 1.375rem;
      }
      header.staff a {
        font-weight: 600;
        color: var(--lectern-accent, #1f3a5f);
      }
    `,
  ];

  @state() private _sessionId: number | null = sessionFromHash();
  private readonly api = new ApiClient();
  private readonly i18n = new I18nController(this);
  private readonly session = new StaffSession(this, { api: this.api, roles: ['corrector', 'admin'] });
  private readonly _onHash = () => (this._sessionId = sessionFromHash());

  override connectedCallback(): void {
    super.connectedCallback();
    globalThis.addEventListener('hashchange', this._onHash);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    globalThis.removeEventListener('hashchange', this._onHash);
  }

  override render() {
    void this.i18n;
    const gate = this.session.gate;
    if (gate === 'loading') return html`<p>${t('app.loading')}</p>`;
    const me = this.session.me;
    const header = renderStaffHeader(this.session, {
      title: me?.role === 'admin' ? t('grading.admin.title') : t('grading.title'),
      extra: me && this._sessionId !== null ? html`<a href="#/">${t('grading.back')}</a>` : undefined,
    });
    if (gate === 'login' || gate === 'failed') return html`${header}<lectern-staff-login .api=${this.api} @staff-logged-in=${() => this.session.check()}></lectern-staff-login>`;
    if (gate === 'wrong-role' || !me) return html`${header}<p role="alert">${t('grading.admin.onlyCorrectorsAndAdmins')}</p>`;
    if (this._sessionId === null) return html`${header}<main><lectern-grading-sessions .api=${this.api}></lectern-grading-sessions></main>`;
    return html`${header}<main>
      ${me.role === 'admin'
        ? html`<lectern-grading-admin .api=${this.api} .sessionId=${this._sessionId}></lectern-grading-admin>`
        : html`<lectern-grading-workspace .api=${this.api} .sessionId=${this._sessionId}></lectern-grading-workspace>`}
    </main>`;
  }
}

function sessionFromHash(): number | null {
  const match = /^#\/sessions\/(\d+)/.exec(globalThis.location?.hash ?? '');
  return match ? Number(match[1]) : null;
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-grading-app': LecternGradingApp;
  }
}
