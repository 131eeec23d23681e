import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ApiClient } from '../common/api.js';
import { I18nController, t, type StringKey } from '../common/i18n.js';
import { baseStyles } from '../common/styles.js';
import { emit } from './events.js';
import './lectern-language-switch.js';

const recorded: StringKey[] = [
  'notice.recorded.login',
  'notice.recorded.saves',
  'notice.recorded.focus',
  'notice.recorded.paste',
  'notice.recorded.copy',
  'notice.recorded.reload',
  'notice.recorded.activity',
  'notice.recorded.nothingElse',
];
const who: StringKey[] = ['notice.who.proctor', 'notice.who.correctors', 'notice.who.jury'];

/** What is monitored, who sees it and how long it is kept: the candidate must acknowledge it before the exam. */
@customElement('lectern-monitoring-notice')
export class LecternMonitoringNotice extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .top {
        display: flex;
        justify-content: flex-end;
        margin-bottom: 1rem;
      }
      ul {
        margin: 0 0 1.25rem;
        padding-left: 1.5rem;
      }
      li {
        margin-bottom: 0.375rem;
      }
      .check {
        display: flex;
        gap: 0.75rem;
        align-items: flex-start;
        font-size: 1.125rem;
        font-weight: 600;
        margin: 1.5rem 0 1rem;
      }
      input[type='checkbox'] {
        width: 1.5rem;
        height: 1.5rem;
        margin: 0.125rem 0 0;
        flex: none;
      }
    `,
  ];

  @property({ attribute: false }) api!: ApiClient;

  @state() private _checked = false;
  @state() private _busy = false;
  @state() private _error: 'must-check' | 'failed' | null = null;

  private readonly i18n = new I18nController(this);

  override render() {
    return html`<div class="page" lang=${this.i18n.language}>
      <div class="top"><lectern-language-switch></lectern-language-switch></div>
      <section class="panel" aria-labelledby="title">
        <h1 id="title">${t('notice.title')}</h1>
        <p>${t('notice.intro')}</p>
        <h2>${t('notice.recorded.title')}</h2>
        <ul>
          ${recorded.map((key) => html`<li>${t(key)}</li>`)}
        </ul>
        <h2>${t('notice.who.title')}</h2>
        <ul>
          ${who.map((key) => html`<li>${t(key)}</li>`)}
        </ul>
        <h2>${t('notice.kept.title')}</h2>
        <p>${t('notice.kept.text')}</p>
        <p class="notice">${t('notice.languageTest')}</p>
        <label class="check">
          <input
            type="checkbox"
            .checked=${this._checked}
            aria-describedby=${this._error ? 'error' : nothing}
            @change=${(event: Event) => {
              this._checked = (event.target as HTMLInputElement).checked;
              if (this._checked) this._error = null;
            }}
          />
          <span>${t('notice.checkbox')}</span>
        </label>
        ${this._error
          ? html`<div id="error" class="error" role="alert">${t(this._error === 'must-check' ? 'notice.mustCheck' : 'notice.error')}</div>`
          : nothing}
        <button class="primary" type="button" ?disabled=${this._busy} @click=${this.onContinue}>${t('notice.continue')}</button>
      </section>
    </div>`;
  }

  private async onContinue(): Promise<void> {
    if (!this._checked) {
      this._error = 'must-check';
      return;
    }
    this._busy = true;
    this._error = null;
    try {
      const { noticeAcknowledgedAt } = await this.api.post<{ noticeAcknowledgedAt: number }>('/api/attempt/notice', {});
      emit(this, 'notice-acknowledged', { acknowledgedAt: noticeAcknowledgedAt });
    } catch {
      this._error = 'failed';
    } finally {
      this._busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-monitoring-notice': LecternMonitoringNotice;
  }
}
