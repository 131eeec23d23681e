import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { FallbackProctorCode } from '../../server/contract/fallback-file.js';
import { ApiClient } from '../common/api.js';
import { I18nController } from '../common/i18n.js';
import { t } from '../common/staff-i18n.js';

/**
 * The session's proctor code for the fallback file (issue 10, item 4), on the dashboard: the
 * proctor types it on a kiosk to save the candidate's answers to a file at any time.
 */
@customElement('lectern-fallback-code')
export class LecternFallbackCode extends LitElement {
  static override styles = css`
    :host {
      display: inline;
    }
    code {
      font-weight: 700;
      letter-spacing: 0.05em;
    }
  `;

  @property({ type: Number }) sessionId = 0;
  @state() private _code: string | null = null;

  private readonly api = new ApiClient();
  // Drawn again when the proctor switches the page's language.
  private readonly i18n = new I18nController(this);

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('sessionId') && this.sessionId > 0) {
      this._code = null;
      this.api
        .get<FallbackProctorCode>(`/api/sessions/${this.sessionId}/fallback-code`)
        .then((view) => (this._code = view.code))
        .catch(() => (this._code = null));
    }
  }

  override render() {
    void this.i18n;
    if (this._code === null) return nothing;
    const [before, after] = t('fallback.proctor.code', { code: '\u0000' }).split('\u0000');
    return html`<span data-role="fallback-code">${before}<code>${this._code}</code>${after}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-fallback-code': LecternFallbackCode;
  }
}
