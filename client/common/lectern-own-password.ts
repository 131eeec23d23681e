// "My password" in every staff page's header: a dialog where the person logged in changes their
// own password (the current one first). Their other sessions end; this one stays.
import { LitElement, html, css } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { errorText } from './error-text.js';
import { formText } from './form-text.js';
import { I18nController } from './i18n.js';
import { t } from './staff-i18n.js';
import type { StaffApi } from './staff-session.js';
import { baseStyles } from './styles.js';

@customElement('lectern-own-password')
export class LecternOwnPassword extends LitElement {
  static override styles = [
    baseStyles,
    css`
      dialog {
        max-width: 28rem;
        border: 1px solid var(--lectern-border, #c9ced6);
        border-radius: 0.5rem;
      }
      form {
        display: grid;
        gap: 0.75rem;
      }
      label {
        display: grid;
        gap: 0.25rem;
        font-weight: 600;
      }
      input {
        font: inherit;
        padding: 0.45rem;
      }
      .error {
        color: var(--lectern-danger, #a4161a);
      }
      .ok {
        color: var(--lectern-ok, #1b6b36);
      }
      .buttons {
        display: flex;
        gap: 0.5rem;
        justify-content: flex-end;
      }
    `,
  ];

  @property({ attribute: false }) api!: StaffApi;
  @state() private _error = '';
  @state() private _done = false;
  @query('dialog') private _dialog!: HTMLDialogElement;
  private readonly i18n = new I18nController(this);

  override render() {
    void this.i18n;
    return html`<button type="button" @click=${this._open}>${t('password.link')}</button>
      <dialog aria-labelledby="own-password-title">
        <form @submit=${this._submit}>
          <h2 id="own-password-title">${t('password.title')}</h2>
          <label>${t('password.current')}<input name="currentPassword" type="password" required autocomplete="current-password" /></label>
          <label>${t('password.new')}<input name="newPassword" type="password" minlength="12" required autocomplete="new-password" /></label>
          <label>${t('password.confirm')}<input name="confirm" type="password" minlength="12" required autocomplete="new-password" /></label>
          <p role="alert" class="error" ?hidden=${!this._error}>${this._error}</p>
          <p role="status" class="ok">${this._done ? t('password.changed') : ''}</p>
          <div class="buttons">
            <button type="button" @click=${() => this._dialog.close()}>${t('password.close')}</button>
            <button class="primary" type="submit">${t('password.submit')}</button>
          </div>
        </form>
      </dialog>`;
  }

  private _open() {
    this._error = '';
    this._done = false;
    this._dialog.showModal();
  }

  private async _submit(event: SubmitEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    this._error = '';
    this._done = false;
    if (formText(data, 'newPassword') !== formText(data, 'confirm')) {
      this._error = t('password.mismatch');
      return;
    }
    try {
      await this.api.post('/api/auth/password', { currentPassword: formText(data, 'currentPassword'), newPassword: formText(data, 'newPassword') });
      this._done = true;
      form.reset();
    } catch (err) {
      this._error = errorText(err);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-own-password': LecternOwnPassword;
  }
}
