import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ApiClient } from '../common/api.js';
import { errorText } from '../common/error-text.js';
import { I18nController, getLanguage, type StringKey } from '../common/i18n.js';
import { t } from '../common/staff-i18n.js';
import { baseStyles } from '../common/styles.js';
import { adminFormStyles } from './admin-styles.js';
import type { SealingView, SessionRetentionView } from '../../server/contract/privacy.js';

/**
 * Exports that leave the room on a USB key or by mail, sealed for the coordinator's key: the
 * file reveals nothing to whoever finds it, and `npm run unseal` opens it on the coordinator's
 * machine. Without a key configured, the section says how to set one.
 */
@customElement('lectern-sealed-exports')
export class LecternSealedExports extends LitElement {
  static override styles = [
    baseStyles,
    adminFormStyles,
    css`
      .recipient, code { font-family: var(--lectern-mono, monospace); overflow-wrap: anywhere; }
      /* A session's title and an export's name are long: each choice takes the form's full width. */
      form { grid-template-columns: 1fr; max-width: 48rem; }
      select { width: 100%; }
      /* A download is a link (the browser saves it with the admin's cookie), drawn as the pages' buttons. */
      a.button {
        display: inline-flex; align-items: center; min-height: 2.75rem; padding: 0.5rem 1.25rem;
        border-radius: 0.375rem; border: 0.125rem solid var(--lectern-accent, #1f3a5f);
        background: var(--lectern-accent, #1f3a5f); color: var(--lectern-accent-text, #fff);
        font-weight: 600; text-decoration: none;
      }
      a.button:hover { text-decoration: underline; }
    `,
  ];

  @property({ attribute: false }) api!: ApiClient;
  @property({ attribute: false }) sessions: readonly SessionRetentionView[] = [];
  @state() private _sealing: SealingView | null = null;
  @state() private _session = '';
  @state() private _export = 'jury.csv';
  @state() private _error = '';
  private readonly i18n = new I18nController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    this.api.get<SealingView>('/api/admin/sealing').then(
      (s) => (this._sealing = s),
      (err: unknown) => (this._error = errorText(err)),
    );
  }

  override render() {
    void this.i18n;
    const sealing = this._sealing;
    const session = this._session || String(this.sessions[0]?.id ?? '');
    return html`<section aria-labelledby="sealed">
      <h2 id="sealed">${t('privacy.sealed.title')}</h2>
      <p role="alert" class="error" ?hidden=${!this._error}>${this._error}</p>
      ${!sealing ? '' : sealing.recipient === null
        ? html`<p>${t('privacy.sealed.noKey')}</p>`
        : html`<p>${t('privacy.sealed.intro')} <span class="recipient">${sealing.recipient}</span></p>
            ${this.sessions.length === 0 ? html`<p>${t('privacy.sealed.noSession')}</p>` : html`<form @submit=${(e: Event) => e.preventDefault()}>
              <label>${t('privacy.col.session')}
                <select @change=${(e: Event) => (this._session = (e.target as HTMLSelectElement).value)}>
                  ${this.sessions.map((s) => html`<option value=${s.id} ?selected=${String(s.id) === session}>${s.code} — ${s.title}</option>`)}
                </select>
              </label>
              <label>${t('privacy.sealed.file')}
                <select @change=${(e: Event) => (this._export = (e.target as HTMLSelectElement).value)}>
                  ${sealing.exports.map((x) => html`<option value=${x} ?selected=${x === this._export}>${t(`privacy.sealed.export.${x}` as StringKey)}</option>`)}
                </select>
              </label>
              <div class="wide"><a class="button" download href=${`/api/admin/sessions/${session}/sealed/${this._export}?lang=${getLanguage()}`}>${t('privacy.sealed.download')}</a></div>
            </form>`}
            <p>${t('privacy.sealed.open')} <code>npm run unseal -- &lt;…age&gt; --key &lt;…&gt;</code></p>`}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-sealed-exports': LecternSealedExports;
  }
}
