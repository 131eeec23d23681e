import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ProctorMessageView } from '../../server/contract/kiosk-protocol.js';
import { formatTimeOfDay } from '../common/format.js';
import { I18nController, t } from '../common/i18n.js';
import { baseStyles } from '../common/styles.js';
import { emit } from './events.js';

/** The proctor's messages, each shown until the candidate says they have read it. */
@customElement('lectern-message-banner')
export class LecternMessageBanner extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .message {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1.25rem;
        padding: 0.75rem 1rem;
        background: var(--lectern-notice-bg, #fff6d6);
        border-bottom: 0.125rem solid var(--lectern-notice-border, #8a6d00);
      }
      .text {
        flex: 1 1 20rem;
        min-width: 0;
      }
      .text strong {
        display: block;
      }
      .body {
        font-size: 1.125rem;
        white-space: pre-wrap;
        overflow-wrap: break-word;
      }
    `,
  ];

  /** Messages not yet acknowledged, oldest first. */
  @property({ attribute: false }) messages: readonly ProctorMessageView[] = [];

  private readonly i18n = new I18nController(this);

  override render() {
    if (this.messages.length === 0) return nothing;
    const lang = this.i18n.language;
    return html`<div role="region" aria-label=${t('message.title')} lang=${lang}>
      ${this.messages.map(
        (message) =>
          html`<div class="message" role="alert">
            <div class="text">
              <strong>${t('message.title')} · ${t('message.sentAt', { time: formatTimeOfDay(message.sentAt, lang) })}</strong>
              <span class="body">${message.text}</span>
            </div>
            <button type="button" class="primary" @click=${() => emit(this, 'message-acknowledged', { messageId: message.id })}>
              ${t('message.acknowledge')}
            </button>
          </div>`,
      )}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-message-banner': LecternMessageBanner;
  }
}
