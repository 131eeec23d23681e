import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { GradingSessionSummary } from '../../server/contract/grading.js';
import type { ApiClient } from '../common/api.js';
import { I18nController } from '../common/i18n.js';
import { baseStyles } from '../common/styles.js';
import { gradingStyles } from './grading-styles.js';
import { t } from '../common/staff-i18n.js';
import { errorText } from '../common/error-text.js';

/** The sessions a corrector grades (an admin: every session), each a link to its page. */
@customElement('lectern-grading-sessions')
export class LecternGradingSessions extends LitElement {
  static override styles = [
    baseStyles,
    gradingStyles,
    css`
      ul {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: 0.75rem;
      }
      li {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1rem;
        align-items: baseline;
      }
      a {
        font-weight: 700;
        font-size: 1.0625rem;
        color: var(--lectern-accent, #1f3a5f);
      }
    `,
  ];

  @property({ attribute: false }) api!: ApiClient;
  @state() private _sessions: GradingSessionSummary[] | null = null;
  @state() private _error = '';
  private readonly i18n = new I18nController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    this.api
      .get<GradingSessionSummary[]>('/api/grading/sessions')
      .then((list) => (this._sessions = list))
      .catch((err: Error) => (this._error = errorText(err)));
  }

  override render() {
    void this.i18n;
    if (this._error) return html`<p class="error" role="alert">${this._error}</p>`;
    if (!this._sessions) return html`<p>${t('grading.sessions')}…</p>`;
    return html`<h2>${t('grading.sessions')}</h2>
      ${this._sessions.length === 0
        ? html`<p>${t('grading.noSessions')}</p>`
        : html`<ul>
            ${this._sessions.map(
              (s) => html`<li class="panel">
                <a href="#/sessions/${s.id}">${s.title}</a>
                <span>${t('grading.session.scripts', { n: s.scripts })}</span>
                <span>${t('grading.session.progress', { finished: s.readingsFinished, assigned: s.readingsAssigned })}</span>
                <span>${t('grading.session.settled', { n: s.settled })}</span>
                <span class="badge">${s.doubleMarking ? t('grading.session.double') : t('grading.session.single')}</span>
                ${s.gradingClosedAt !== null ? html`<span class="badge ok">${t('grading.session.closed')}</span>` : ''}
              </li>`,
            )}
          </ul>`}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-grading-sessions': LecternGradingSessions;
  }
}
