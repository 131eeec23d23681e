import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ApiClient } from '../common/api.js';
import { errorText } from '../common/error-text.js';
import { I18nController, type StringKey } from '../common/i18n.js';
import { t } from '../common/staff-i18n.js';
import { baseStyles } from '../common/styles.js';
import { adminFormStyles } from './admin-styles.js';
import type { AccountView } from './types.js';
import '../common/lectern-throttle-list.js';

/** Staff accounts: the list, and a form to create proctors, correctors and other admins. */
@customElement('lectern-admin-accounts')
export class LecternAdminAccounts extends LitElement {
  static override styles = [baseStyles, adminFormStyles];

  @property({ attribute: false }) api!: ApiClient;
  @state() private _accounts: AccountView[] = [];
  @state() private _createdUsername = '';
  @state() private _error = '';
  private readonly i18n = new I18nController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    void this._reload();
  }

  private async _reload() {
    this._accounts = await this.api.get<AccountView[]>('/api/admin/accounts');
  }

  override render() {
    void this.i18n;
    return html`
      <section aria-labelledby="new-account">
        <h2 id="new-account">${t('admin.accounts.new')}</h2>
        <form @submit=${this._create}>
          <label>${t('admin.accounts.username')}<input name="username" required pattern="[a-zA-Z0-9._-]+" autocomplete="off" /></label>
          <label>${t('admin.accounts.displayName')}<input name="displayName" required /></label>
          <label>${t('admin.accounts.role')}
            <select name="role">
              <option value="proctor">${t('admin.role.proctor')}</option>
              <option value="corrector">${t('admin.role.corrector')}</option>
              <option value="admin">${t('admin.role.admin')}</option>
            </select>
          </label>
          <label>${t('admin.accounts.password')}<input name="password" type="password" minlength="12" required autocomplete="new-password" /></label>
          <div class="wide">
            <button class="primary" type="submit">${t('admin.accounts.create')}</button>
            <span role="status" class="ok">${this._createdUsername ? t('admin.accounts.created', { username: this._createdUsername }) : ''}</span>
            <span role="alert" class="error" ?hidden=${!this._error}>${this._error}</span>
          </div>
        </form>
      </section>
      <table>
        <thead><tr><th>${t('admin.accounts.username')}</th><th>${t('admin.accounts.displayName')}</th><th>${t('admin.accounts.role')}</th></tr></thead>
        <tbody>${this._accounts.map((a) => html`<tr><td class="code">${a.username}</td><td>${a.displayName}</td><td>${t(`admin.role.${a.role}` as StringKey)}</td></tr>`)}</tbody>
      </table>
      <lectern-throttle-list .api=${this.api} base="/api/admin/throttles"></lectern-throttle-list>
    `;
  }

  private async _create(event: SubmitEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = Object.fromEntries(new FormData(form)) as Record<string, string>;
    this._createdUsername = '';
    this._error = '';
    try {
      const created = await this.api.post<AccountView>('/api/admin/accounts', data);
      this._createdUsername = created.username;
      form.reset();
      await this._reload();
    } catch (err) {
      this._error = errorText(err);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-admin-accounts': LecternAdminAccounts;
  }
}
