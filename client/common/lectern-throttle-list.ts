// The login waits a proctor (for a session) or an admin (staff accounts, addresses) can see and
// clear: `base` is the list's URL, each wait is cleared at `<base>/<id>/clear`.
import { LitElement, html, css } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ApiClient } from './api.js';
import { errorText } from './error-text.js';
import { I18nController, type StringKey } from './i18n.js';
import { t } from './staff-i18n.js';
import { baseStyles } from './styles.js';
import type { ThrottleView } from '../../server/contract/throttles.js';

@customElement('lectern-throttle-list')
export class LecternThrottleList extends LitElement {
  static override styles = [
    baseStyles,
    css`
      ul { list-style: none; padding: 0; margin: 0; }
      li { display: flex; gap: 0.5rem; align-items: baseline; flex-wrap: wrap; padding: 0.25rem 0; border-bottom: 1px solid #ddd; }
      .subject { font-family: monospace; }
      .error { color: var(--lectern-danger, #a4161a); }
    `,
  ];

  @property({ attribute: false }) api!: ApiClient;
  /** `/api/sessions/<id>/throttles` or `/api/admin/throttles`. */
  @property() base = '';
  @state() private _rows: ThrottleView[] = [];
  @state() private _status = '';
  @state() private _error = '';
  private readonly i18n = new I18nController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    void this.reload();
  }

  async reload(): Promise<void> {
    try {
      this._rows = await this.api.get<ThrottleView[]>(this.base);
      this._error = '';
    } catch (err) {
      this._error = errorText(err);
    }
  }

  override render() {
    void this.i18n;
    return html`<section aria-labelledby="throttles-title">
      <h2 id="throttles-title">${t('security.throttles.title')}</h2>
      ${this._rows.length === 0 ? html`<p>${t('security.throttles.empty')}</p>` : html`<ul>${this._rows.map((r) => this.row(r))}</ul>`}
      <p role="status">${this._status}</p>
      <p role="alert" class="error" ?hidden=${!this._error}>${this._error}</p>
    </section>`;
  }

  private row(r: ThrottleView) {
    const wait = r.waitSeconds > 0 ? t('security.throttles.wait', { minutes: Math.ceil(r.waitSeconds / 60) }) : r.kind === 'address' ? t('security.throttles.slowed') : '';
    return html`<li>
      <span>${t(`security.throttles.kind.${r.kind}` as StringKey)}</span>
      <span class="subject">${r.subject}</span>
      <span>${t('security.throttles.failures', { n: r.failures })}</span>
      <span>${wait}</span>
      <button type="button" @click=${() => this.clear(r)}>${t('security.throttles.clear')}</button>
    </li>`;
  }

  private async clear(r: ThrottleView): Promise<void> {
    this._status = '';
    try {
      await this.api.post(`${this.base}/${r.id}/clear`);
      this._status = t('security.throttles.cleared');
    } catch (err) {
      this._error = errorText(err);
    }
    await this.reload();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-throttle-list': LecternThrottleList;
  }
}
