import { LitElement, html, css } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError, type ApiClient } from './api.js';
import { I18nController } from './i18n.js';
import { t } from './staff-i18n.js';
import { errorText } from './error-text.js';
import { baseStyles } from './styles.js';

export interface StaffLoggedInDetail {
  csrfToken: string;
}

/**
 * The staff login form, shared by the admin, proctor and grading pages. Fires `staff-logged-in`
 * with the CSRF token; the page then asks /api/auth/me who is logged in.
 */
@customElement('lectern-staff-login')
export class LecternStaffLogin extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        max-width: 26rem;
        margin: 3rem auto;
      }
      form {
        display: grid;
        gap: 0.75rem;
        padding: 1.5rem;
        border: 1px solid var(--lectern-border, #c9ced6);
        border-radius: 0.5rem;
        background: var(--lectern-surface, #fff);
      }
      label {
        display: grid;
        gap: 0.25rem;
        font-weight: 600;
      }
      input {
        font: inherit;
        padding: 0.5rem;
        border: 1px solid var(--lectern-border-strong, #6b7280);
        border-radius: 0.25rem;
      }
      .error {
        color: var(--lectern-danger, #a4161a);
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) api!: ApiClient;
  @property() heading = '';
  @state() private _error = '';
  @state() private _busy = false;
  private readonly i18n = new I18nController(this);

  override render() {
    void this.i18n;
    return html`<form @submit=${this._submit} novalidate>
      <h1>${this.heading || t('staff.login.title')}</h1>
      <label>${t('staff.login.username')}<input name="username" autocomplete="username" required autofocus /></label>
      <label>${t('staff.login.password')}<input name="password" type="password" autocomplete="current-password" required /></label>
      <p class="error" role="alert" ?hidden=${!this._error}>${this._error}</p>
      <button class="primary" type="submit" ?disabled=${this._busy}>${t('staff.login.submit')}</button>
    </form>`;
  }

  private async _submit(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    // The form's fields are text inputs: a file (which no field here sends) counts as empty.
    const field = (name: string) => {
      const value = data.get(name);
      return typeof value === 'string' ? value : '';
    };
    this._busy = true;
    this._error = '';
    try {
      const { csrfToken } = await this.api.post<{ csrfToken: string }>('/api/auth/login', {
        username: field('username'),
        password: field('password'),
      });
      this.api.setCsrfToken(csrfToken);
      this.dispatchEvent(new CustomEvent<StaffLoggedInDetail>('staff-logged-in', { detail: { csrfToken }, bubbles: true, composed: true }));
    } catch (err) {
      const e = err as ApiError;
      this._error =
        e.code === 'rate-limited' && e.details['retryAfterMinutes'] !== undefined
          ? t('security.login.accountThrottled', { minutes: Number(e.details['retryAfterMinutes']) })
          : e.code === 'rate-limited'
            ? t('staff.login.rateLimited', { seconds: Number(e.details['retryAfterSeconds'] ?? 60) })
            : e.code === 'bad-credentials'
              ? t('staff.login.failed')
              : errorText(e);
    } finally {
      this._busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-staff-login': LecternStaffLogin;
  }
  interface HTMLElementEventMap {
    'staff-logged-in': CustomEvent<StaffLoggedInDetail>;
  }
}
