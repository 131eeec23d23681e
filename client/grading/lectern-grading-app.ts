import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { MeView } from '../../server/contract/auth.js';
import { ApiClient, ApiError } from '../common/api.js';
import { I18nController, t } from '../common/i18n.js';
import { baseStyles } from '../common/styles.js';
import { gt } from './grading-strings.js';
import '../common/lectern-staff-login.js';
import '../kiosk/lectern-language-switch.js';
import './lectern-grading-sessions.js';
import './lectern-grading-workspace.js';
import './lectern-grading-admin.js';

/**
 * The grading page: log in, pick a session, then grade it (a corrector) or run its grading (an
 * admin). The session is in the address (#/sessions/12), so a reload comes back to it.
 */
@customElement('lectern-grading-app')
export class LecternGradingApp extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        max-width: 110rem;
        margin: 0 auto;
        padding: 0.5rem 1.25rem 1rem;
      }
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1rem;
        margin-bottom: 0.5rem;
      }
      header h1 {
        margin: 0;
        font-size: 1.375rem;
        flex: 1;
      }
      header a {
        font-weight: 600;
        color: var(--lectern-accent, #1f3a5f);
      }
    `,
  ];

  @state() private _me: MeView | null = null;
  @state() private _loading = true;
  @state() private _sessionId: number | null = sessionFromHash();
  private readonly api = new ApiClient();
  private readonly i18n = new I18nController(this);
  private readonly _onHash = () => (this._sessionId = sessionFromHash());

  override connectedCallback(): void {
    super.connectedCallback();
    globalThis.addEventListener('hashchange', this._onHash);
    void this._whoAmI();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    globalThis.removeEventListener('hashchange', this._onHash);
  }

  private async _whoAmI() {
    try {
      this._me = await this.api.get<MeView>('/api/auth/me');
      this.api.setCsrfToken(this._me.csrfToken);
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 401) throw err;
      this._me = null;
    } finally {
      this._loading = false;
    }
  }

  override render() {
    void this.i18n;
    if (this._loading) return html`<p>${t('app.loading')}</p>`;
    const me = this._me;
    const header = html`<header>
      <h1>Lectern — ${me?.role === 'admin' ? gt('admin.title') : gt('title')}</h1>
      ${me && this._sessionId !== null ? html`<a href="#/">${gt('back')}</a>` : ''}
      <lectern-language-switch></lectern-language-switch>
      ${me ? html`<span>${me.displayName}</span><button type="button" @click=${this._logout}>${t('staff.logout')}</button>` : ''}
    </header>`;
    if (!me) return html`${header}<lectern-staff-login .api=${this.api} @staff-logged-in=${() => this._whoAmI()}></lectern-staff-login>`;
    if (me.role !== 'corrector' && me.role !== 'admin') return html`${header}<p role="alert">${gt('admin.onlyCorrectorsAndAdmins')}</p>`;
    if (this._sessionId === null) return html`${header}<main><lectern-grading-sessions .api=${this.api}></lectern-grading-sessions></main>`;
    return html`${header}<main>
      ${me.role === 'admin'
        ? html`<lectern-grading-admin .api=${this.api} .sessionId=${this._sessionId}></lectern-grading-admin>`
        : html`<lectern-grading-workspace .api=${this.api} .sessionId=${this._sessionId}></lectern-grading-workspace>`}
    </main>`;
  }

  private async _logout() {
    await this.api.post('/api/auth/logout', {}).catch(() => undefined);
    this._me = null;
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
