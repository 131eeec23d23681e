import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { FallbackImportResult } from '../../server/contract/fallback-file.js';
import { fallbackOutcomeText } from '../../server/contract/fallback-text.js';
import type { ApiClient } from '../common/api.js';
import { errorText } from '../common/error-text.js';
import { I18nController } from '../common/i18n.js';
import { t } from '../common/staff-i18n.js';
import { baseStyles } from '../common/styles.js';
import { adminFormStyles } from './admin-styles.js';

/**
 * The admin's "Fichiers de secours" tab (issue 10, item 4): imports the files kiosks saved while
 * the server was away, into the restored or replacement server. Each file is imported whole or
 * refused whole, and each outcome is one sentence naming the file.
 */
@customElement('lectern-admin-fallback')
export class LecternAdminFallback extends LitElement {
  static override styles = [
    baseStyles,
    adminFormStyles,
    css`
      ul.outcomes {
        padding-left: 1.25rem;
      }
      .refused {
        color: var(--lectern-danger, #a4161a);
      }
    `,
  ];

  @property({ attribute: false }) api!: ApiClient;
  @state() private _result: FallbackImportResult | null = null;
  @state() private _error = '';
  @state() private _busy = false;
  private readonly i18n = new I18nController(this);

  private async import(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).querySelector<HTMLInputElement>('input[type=file]');
    const chosen = [...(input?.files ?? [])];
    this._result = null;
    if (chosen.length === 0) {
      this._error = t('fallback.admin.choose');
      return;
    }
    this._error = '';
    this._busy = true;
    try {
      const files = await Promise.all(chosen.map(async (file) => ({ name: file.name, content: await file.text() })));
      this._result = await this.api.post<FallbackImportResult>('/api/admin/fallback-import', { files });
    } catch (error) {
      this._error = errorText(error);
    } finally {
      this._busy = false;
    }
  }

  override render() {
    return html`<section lang=${this.i18n.language}>
      <h2>${t('fallback.admin.title')}</h2>
      <p>${t('fallback.admin.intro')}</p>
      <form @submit=${(event: SubmitEvent) => void this.import(event)}>
        <label>${t('fallback.admin.files')} <input type="file" name="files" multiple accept=".lectern,application/json,application/octet-stream" /></label>
        <button type="submit" class="primary" ?disabled=${this._busy}>${this._busy ? t('fallback.admin.importing') : t('fallback.admin.submit')}</button>
      </form>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      ${this._result
        ? html`<ul class="outcomes" role="status" data-role="fallback-outcomes">
            ${this._result.files.map((o) => html`<li class=${o.outcome} data-outcome=${o.outcome}>${fallbackOutcomeText((key, params) => t(key, params), o)}</li>`)}
          </ul>`
        : nothing}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-admin-fallback': LecternAdminFallback;
  }
}
