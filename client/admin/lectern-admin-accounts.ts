import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ApiClient } from '../common/api.js';
import { errorText } from '../common/error-text.js';
import { I18nController, type StringKey } from '../common/i18n.js';
import { formatDateTime } from '../common/format.js';
import { t } from '../common/staff-i18n.js';
import { baseStyles } from '../common/styles.js';
import { adminFormStyles } from './admin-styles.js';
import type { AccountView, PasswordResetView, SessionsEndedView } from './types.js';
import '../common/lectern-throttle-list.js';

/** Staff accounts: the list (status, last login, what an admin does to each), and a form to create proctors, correctors and other admins. */
@customElement('lectern-admin-accounts')
export class LecternAdminAccounts extends LitElement {
  static override styles = [baseStyles, adminFormStyles];

  @property({ attribute: false }) api!: ApiClient;
  @state() private _accounts: AccountView[] = [];
  @state() private _createdUsername = '';
  @state() private _error = '';
  /** What the last action on a row did (a new password, shown once, included). */
  @state() private _notice = '';
  @state() private _rowError = '';
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
          <label>${t('admin.accounts.username')}<input name="username" required pattern="[a-zA-Z0-9._\\-]+" autocomplete="off" /></label>
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
      <p role="status" class="ok notice" ?hidden=${!this._notice}>${this._notice}</p>
      <p role="alert" class="error" ?hidden=${!this._rowError}>${this._rowError}</p>
      <div class="table-scroll" role="region" aria-label=${t('admin.tab.accounts')} tabindex="0"><table class="accounts">
        <thead>
          <tr>
            <th>${t('admin.accounts.username')}</th><th>${t('admin.accounts.displayName')}</th><th>${t('admin.accounts.role')}</th>
            <th>${t('accounts.status')}</th><th>${t('accounts.lastLogin')}</th><th>${t('accounts.actions')}</th>
          </tr>
        </thead>
        <tbody>${this._accounts.map((a) => this._renderRow(a))}</tbody>
      </table></div>
      <lectern-throttle-list .api=${this.api} base="/api/admin/throttles"></lectern-throttle-list>
    `;
  }

  private _renderRow(a: AccountView) {
    const lang = this.i18n.language;
    return html`<tr data-username=${a.username}>
      <td class="code">${a.username}</td>
      <td>${a.displayName}</td>
      <td>${t(`admin.role.${a.role}` as StringKey)}</td>
      <td>${a.disabled ? t('accounts.disabled') : t('accounts.enabled')}</td>
      <td>${a.lastLoginAt === null ? t('accounts.neverLoggedIn') : formatDateTime(a.lastLoginAt, lang)}</td>
      <td class="actions">
        <button type="button" @click=${() => this._setDisabled(a, !a.disabled)}>${a.disabled ? t('accounts.enable') : t('accounts.disable')}</button>
        <button type="button" @click=${() => this._resetPassword(a)}>${t('accounts.resetPassword')}</button>
        <button type="button" @click=${() => this._endSessions(a)}>${t('accounts.endSessions')}</button>
        <button type="button" class="danger" title=${a.hasWork ? t('accounts.hasWorkHint') : ''} @click=${() => this._delete(a)}>${t('accounts.delete')}</button>
      </td>
    </tr>`;
  }

  /** Runs one action on a row: its outcome in the status line, a refusal in the alert, the list read again. */
  private async _act(action: () => Promise<string>) {
    this._notice = '';
    this._rowError = '';
    try {
      this._notice = await action();
    } catch (err) {
      this._rowError = errorText(err);
    }
    await this._reload();
  }

  private _setDisabled(a: AccountView, disabled: boolean) {
    if (disabled && !confirm(t('accounts.confirmDisable', { username: a.username }))) return;
    void this._act(async () => {
      await this.api.request<AccountView>('PATCH', `/api/admin/accounts/${a.id}`, { disabled });
      return t(disabled ? 'accounts.disabledDone' : 'accounts.enabledDone', { username: a.username });
    });
  }

  private _resetPassword(a: AccountView) {
    if (!confirm(t('accounts.confirmReset', { username: a.username }))) return;
    void this._act(async () => {
      const r = await this.api.post<PasswordResetView>(`/api/admin/accounts/${a.id}/password-reset`, {});
      return t('accounts.newPassword', { username: r.username, password: r.password });
    });
  }

  private _endSessions(a: AccountView) {
    void this._act(async () => {
      const r = await this.api.post<SessionsEndedView>(`/api/admin/accounts/${a.id}/end-sessions`, {});
      return t('accounts.sessionsEnded', { n: r.ended, username: a.username });
    });
  }

  private _delete(a: AccountView) {
    if (!confirm(t('accounts.confirmDelete', { username: a.username }))) return;
    void this._act(async () => {
      await this.api.request('DELETE', `/api/admin/accounts/${a.id}`, {});
      return t('accounts.deletedDone', { username: a.username });
    });
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
