import { LitElement, html, css } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ApiClient } from '../common/api.js';
import { I18nController, localized, type StringKey } from '../common/i18n.js';
import { t } from '../common/staff-i18n.js';
import { renderStaffHeader, staffHeaderStyles } from '../common/staff-header.js';
import { StaffSession } from '../common/staff-session.js';
import { baseStyles } from '../common/styles.js';
import type { PackList } from './types.js';
import '../common/lectern-staff-login.js';
import './lectern-admin-sessions.js';
import './lectern-admin-accounts.js';
import './lectern-admin-privacy.js';

import './lectern-pack-preview.js';
import './lectern-admin-statistics.js';
import './lectern-admin-fallback.js';


type Tab = 'sessions' | 'packs' | 'preview' | 'accounts' | 'statistics' | 'privacy' | 'fallback';

/** The administrator's page: sessions, content packs, staff accounts and the candidates' data. */
@customElement('lectern-admin')
export class LecternAdmin extends LitElement {
  static override styles = [
    baseStyles,
    staffHeaderStyles,
    css`
      :host {
        display: block;
        max-width: 72rem;
        margin: 0 auto;
        padding: 1rem 1.5rem 3rem;
      }
      header.staff {
        gap: 1rem;
        border-bottom: 2px solid var(--lectern-accent, #1f3a5f);
        margin-bottom: 1rem;
        padding-bottom: 0.5rem;
      }
      nav {
        display: flex;
        flex-wrap: wrap;
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

  @state() private _packs: PackList = { packs: [], problems: [] };
  @state() private _tab: Tab = 'sessions';
  private readonly api = new ApiClient();
  private readonly i18n = new I18nController(this);
  private readonly session = new StaffSession(this, {
    api: this.api,
    roles: ['admin'],
    prepare: async () => {
      this._packs = await this.api.get<PackList>('/api/packs');
    },
  });

  override render() {
    void this.i18n;
    const gate = this.session.gate;
    if (gate === 'loading') return html`<p>${t('app.loading')}</p>`;
    const header = renderStaffHeader(this.session, { title: t('admin.title') });
    if (gate === 'login' || gate === 'failed') return html`${header}<lectern-staff-login .api=${this.api} @staff-logged-in=${() => this.session.check()}></lectern-staff-login>`;
    if (gate === 'wrong-role') {
      const role = this.session.me?.role ?? 'candidate';
      return html`${header}<p role="alert">${t('staff.login.wrongRole', { role: t('admin.role.admin'), current: t(`admin.role.${role}` as StringKey) })}</p>`;
    }
    const tab = (id: Tab, key: StringKey) => html`<button aria-current=${this._tab === id ? 'page' : 'false'} @click=${() => (this._tab = id)}>${t(key)}</button>`;
    return html`${header}
      <nav>
        ${tab('sessions', 'admin.tab.sessions')}${tab('packs', 'admin.tab.packs')}${tab('preview', 'preview.tab')}${tab('accounts', 'admin.tab.accounts')}${tab('statistics', 'statistics.tab')}${tab('privacy', 'privacy.tab')}${tab('fallback', 'fallback.admin.title')}
      </nav>
      <main>
        ${this._tab === 'sessions' ? html`<lectern-admin-sessions .api=${this.api} .packs=${this._packs}></lectern-admin-sessions>` : ''}
        ${this._tab === 'packs' ? this._renderPacks() : ''}
        ${this._tab === 'preview' ? html`<lectern-pack-preview .api=${this.api}></lectern-pack-preview>` : ''}
        ${this._tab === 'accounts' ? html`<lectern-admin-accounts .api=${this.api}></lectern-admin-accounts>` : ''}
        ${this._tab === 'privacy' ? html`<lectern-admin-privacy .api=${this.api}></lectern-admin-privacy>` : ''}
        ${this._tab === 'statistics' ? html`<lectern-admin-statistics .api=${this.api}></lectern-admin-statistics>` : ''}
        ${this._tab === 'fallback' ? html`<lectern-admin-fallback .api=${this.api}></lectern-admin-fallback>` : ''}
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
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-admin': LecternAdmin;
  }
}
