import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { MeView } from '../../server/contract/auth.js';
import { ApiClient, ApiError } from '../common/api.js';
import { I18nController, getLanguage, setLanguage } from '../common/i18n.js';
import { baseStyles } from '../common/styles.js';
import '../common/lectern-staff-login.js';
import { p } from './strings.js';
import { errorText } from './ui.js';
import './lectern-session-list.js';
import './lectern-dashboard.js';

type Screen = 'loading' | 'login' | 'wrong-role' | 'sessions' | 'dashboard';

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
    css`
      :host {
        display: block;
        min-height: 100vh;
      }
      .top {
        display: flex;
        justify-content: flex-end;
        gap: 0.5rem;
        padding: 0.5rem 1rem;
      }
      .top button {
        min-height: 2.25rem;
        padding: 0.25rem 0.8rem;
      }
    `,
  ];

  private readonly api = new ApiClient();
  private readonly i18n = new I18nController(this);
  @state() private _screen: Screen = 'loading';
  @state() private _sessionId: number | null = sessionFromHash();
  @state() private _me: MeView | null = null;
  @state() private _error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHash);
    document.documentElement.lang = getLanguage();
    void this.whoAmI();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHash);
  }

  private readonly onHash = () => {
    this._sessionId = sessionFromHash();
    if (this._me) this._screen = this._sessionId === null ? 'sessions' : 'dashboard';
  };

  private async whoAmI() {
    try {
      const me = await this.api.get<MeView>('/api/auth/me');
      this.api.setCsrfToken(me.csrfToken);
      this._me = me;
      if (me.kind !== 'staff' || (me.role !== 'admin' && me.role !== 'proctor')) {
        this._screen = 'wrong-role';
        return;
      }
      this._screen = this._sessionId === null ? 'sessions' : 'dashboard';
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) this._screen = 'login';
      else this._error = errorText(err);
    }
  }

  override render() {
    void this.i18n;
    const top = html`<div class="top">
      ${this._me?.kind === 'staff' ? html`<span>${this._me.displayName}</span><button type="button" @click=${this.logout}>${p('logout')}</button>` : nothing}
      <button type="button" lang=${getLanguage() === 'fr' ? 'en' : 'fr'} title=${p('languageLabel')} @click=${this.switchLanguage}>${p('language')}</button>
    </div>`;
    switch (this._screen) {
      case 'loading':
        return html`${this._error ? html`<p class="page error" role="alert">${this._error}</p>` : html`<p class="page">${p('loading')}</p>`}`;
      case 'login':
        return html`${top}<lectern-staff-login .api=${this.api} .heading=${p('title')} @staff-logged-in=${() => void this.whoAmI()}></lectern-staff-login>`;
      case 'wrong-role':
        return html`${top}<p class="page" role="alert">${p('wrongRole')}</p>`;
      case 'sessions':
        return html`${top}<lectern-session-list .api=${this.api} @session-chosen=${(e: CustomEvent<{ sessionId: number }>) => (location.hash = `session=${e.detail.sessionId}`)}></lectern-session-list>`;
      case 'dashboard':
        return html`<lectern-dashboard
          .api=${this.api}
          .sessionId=${this._sessionId ?? 0}
          @leave-session=${() => (location.hash = '')}
          @switch-language=${this.switchLanguage}
        ></lectern-dashboard>`;
    }
  }

  private switchLanguage() {
    setLanguage(getLanguage() === 'fr' ? 'en' : 'fr');
  }

  private async logout() {
    try {
      await this.api.post('/api/auth/logout', {});
    } finally {
      this._me = null;
      this._screen = 'login';
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-proctor': LecternProctor;
  }
}
