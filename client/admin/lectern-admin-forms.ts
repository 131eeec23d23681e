import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ApiClient } from '../common/api.js';
import { errorText } from '../common/error-text.js';
import { formatDateTime } from '../common/format.js';
import { I18nController, localized } from '../common/i18n.js';
import { t } from '../common/staff-i18n.js';
import { baseStyles } from '../common/styles.js';
import { adminFormStyles } from './admin-styles.js';
import type { FormsView } from '../../server/contract/forms.js';

type FormState = FormsView['packs'][number]['forms'][number];

/** Parallel forms (admins): each form's exposures and retirement, the retire action, the exposure log. */
@customElement('lectern-admin-forms')
export class LecternAdminForms extends LitElement {
  static override styles = [baseStyles, adminFormStyles];

  @property({ attribute: false }) api!: ApiClient;
  @state() private _view: FormsView | null = null;
  @state() private _error = '';
  @state() private _done = '';
  private readonly i18n = new I18nController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    void this._reload();
  }

  private async _reload() {
    try {
      this._view = await this.api.get<FormsView>('/api/admin/forms');
    } catch (error) {
      this._error = errorText(error);
    }
  }

  override render() {
    const lang = this.i18n.language;
    const view = this._view;
    if (!view) return this._error ? html`<p role="alert" class="error">${this._error}</p>` : html`<p>${t('statistics.loading')}</p>`;
    return html`<h2>${t('forms.title')}</h2>
      <p>${t('forms.intro')}</p>
      <p role="status" class="ok">${this._done}</p>
      <p role="alert" class="error" ?hidden=${!this._error}>${this._error}</p>
      ${view.packs.length === 0
        ? html`<p>${t('forms.none')}</p>`
        : view.packs.map(
            (p) => html`<h3>${localized(p.title)}</h3>
              <table>
                <thead><tr><th scope="col">${t('forms.form')}</th><th scope="col">${t('forms.exposures')}</th><th scope="col">${t('forms.lastExposed')}</th><th scope="col">${t('forms.state')}</th><th scope="col">${t('admin.sessions.actions')}</th></tr></thead>
                <tbody>${p.forms.map((f) => this._form(p.packId, f))}</tbody>
              </table>`,
          )}
      <h3>${t('forms.log')}</h3>
      ${view.exposures.length === 0
        ? html`<p>${t('forms.logEmpty')}</p>`
        : html`<table>
            <thead><tr><th scope="col">${t('forms.session')}</th><th scope="col">${t('forms.form')}</th><th scope="col">${t('forms.room')}</th><th scope="col">${t('forms.started')}</th><th scope="col">${t('forms.ended')}</th></tr></thead>
            <tbody>
              ${view.exposures.map(
                (e) => html`<tr>
                  <td class="code">${e.sessionCode}${e.pilot ? html` <small>(${t('forms.pilotBadge')})</small>` : ''}</td><td>${e.packId} · ${e.formId.toUpperCase()}</td><td>${e.room}</td>
                  <td>${formatDateTime(e.startedAt, lang)}</td><td>${e.endedAt === null ? '' : formatDateTime(e.endedAt, lang)}</td>
                </tr>`,
              )}
            </tbody>
          </table>`}`;
  }

  private _form(packId: string, f: FormState) {
    const lang = this.i18n.language;
    return html`<tr>
      <th scope="row">${f.formId.toUpperCase()} · ${localized(f.title)}</th>
      <td class="num">${f.exposures}</td>
      <td>${f.lastExposedAt === null ? '' : formatDateTime(f.lastExposedAt, lang)}</td>
      <td>${f.retired ? t('forms.retired', { date: formatDateTime(f.retired.at, lang), reason: f.retired.reason }) : t('forms.active')}</td>
      <td>${f.retired ? '' : html`<button class="danger" @click=${() => this._retire(packId, f.formId)}>${t('forms.retire')}</button>`}</td>
    </tr>`;
  }

  private async _retire(packId: string, formId: string) {
    const reason = prompt(t('forms.retireReason', { form: formId.toUpperCase() }));
    if (reason === null) return;
    this._error = '';
    this._done = '';
    try {
      await this.api.post(`/api/admin/forms/${encodeURIComponent(packId)}/${encodeURIComponent(formId)}/retire`, { reason });
      this._done = t('forms.retiredDone', { form: formId.toUpperCase() });
    } catch (error) {
      this._error = errorText(error);
    }
    await this._reload();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-admin-forms': LecternAdminForms;
  }
}
