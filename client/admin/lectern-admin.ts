import { LitElement, html, css } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ApiClient, ApiError } from '../common/api.js';
import { I18nController, localized, t, type StringKey } from '../common/i18n.js';
import { baseStyles } from '../common/styles.js';
import type { MeView } from '../../server/contract/auth.js';
import type { PackList } from './types.js';
import '../common/lectern-staff-login.js';
import '../kiosk/lectern-language-switch.js';
import './lectern-admin-sessions.js';
import './lectern-admin-accounts.js';

type Tab = 'sessions' | 'packs' | 'accounts';

/** The administrator's page: sessions, content packs and staff accounts. */
@customElement('lectern-admin')
export class LecternAdmin extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        max-width: 72rem;
        margin: 0 auto;
        padding: 1rem 1.5rem 3rem;
      }
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 1rem;
        border-bottom: 2px solid var(--lectern-accent, #1f3a5f);
        margin-bottom: 1rem;
        padding-bottom: 0.5rem;
      }
      header h1 {
        margin: 0;
        flex: 1;
      }
      nav {
        display: flex;
        gap: 0.5rem;
        margin-bottom: 1rem;
      }
      nav button[aria-current='page'] {
        background: var(--lectern-accent, #1f3a5f);
        color: #fff;
      }
      .problem {
        color: var(--lectern-danger, #a4161a);
        font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
      }
      .pack {
        padding: 0.75rem 1rem;
        border: 1px solid var(--lectern-border, #c9ced6);
        border-radius: 0.5rem;
        margin-bottom: 0.75rem;
        background: var(--lectern-surface, #fff);
      }
    `,
  ];

  @state() private _me: MeView | null = null;
  @state() private _loading = true;
  @state() private _packs: PackList = { packs: [], problems: [] };
  @state() private _tab: Tab = 'sessions';
  private readonly api = new ApiClient();
  private readonly i18n = new I18nController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    void this._whoAmI();
  }

  private async _whoAmI() {
    try {
      this._me = await this.api.get<MeView>('/api/auth/me');
      this.api.setCsrfToken(this._me.csrfToken);
      if (this._me.role === 'admin') this._packs = await this.api.get<PackList>('/api/packs');
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
    const header = html`<header>
      <h1>Lectern — ${t('admin.title')}</h1>
      <lectern-language-switch></lectern-language-switch>
      ${this._me ? html`<span>${this._me.displayName}</span><button @click=${this._logout}>${t('staff.logout')}</button>` : ''}
    </header>`;
    if (!this._me) return html`${header}<lectern-staff-login .api=${this.api} @staff-logged-in=${() => this._whoAmI()}></lectern-staff-login>`;
    if (this._me.role !== 'admin') {
      return html`${header}<p role="alert">${t('staff.login.wrongRole', { role: t('admin.role.admin'), current: t(`admin.role.${this._me.role}` as StringKey) })}</p>`;
    }
    const tab = (id: Tab, key: StringKey) => html`<button aria-current=${this._tab === id ? 'page' : 'false'} @click=${() => (this._tab = id)}>${t(key)}</button>`;
    return html`${header}
      <nav>${tab('sessions', 'admin.tab.sessions')}${tab('packs', 'admin.tab.packs')}${tab('accounts', 'admin.tab.accounts')}</nav>
      <main>
        ${this._tab === 'sessions' ? html`<lectern-admin-sessions .api=${this.api} .packs=${this._packs}></lectern-admin-sessions>` : ''}
        ${this._tab === 'packs' ? this._renderPacks() : ''}
        ${this._tab === 'accounts' ? html`<lectern-admin-accounts .api=${this.api}></lectern-admin-accounts>` : ''}
      </main>`;
  }

  private _renderPacks() {
    return html`${this._packs.packs.length === 0 ? html`<p>${t('admin.packs.none')}</p>` : ''}
      ${this._packs.packs.map(
        (p) => html`<div class="pack">
          <strong>${localized(p.title)}</strong> <code>${p.id}</code><br />
          ${localized(p.certification)}<br />
          ${t('admin.packs.questions', { sections: p.sections, questions: p.questions, minutes: p.durationMinutes })}<br />
          <small>SHA-256 ${p.digest.slice(0, 16)}…</small>
        </div>`,
      )}
      ${this._packs.problems.length
        ? html`<h2>${t('admin.packs.problems')}</h2>
            <ul>${this._packs.problems.map((p) => html`<li class="problem">${p.file}:${p.line}: ${p.message}</li>`)}</ul>`
        : ''}`;
  }

  private async _logout() {
    await this.api.post('/api/auth/logout', {});
    this._me = null;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-admin': LecternAdmin;
  }
}
