import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ProctorMessageView } from '../../server/contract/kiosk-protocol.js';
import { formatTimeOfDay } from '../common/format.js';
import { I18nController, t } from '../common/i18n.js';
import { baseStyles } from '../common/styles.js';
import { emit } from './events.js';

/**
 * The proctor's messages, each shown until the candidate says they have read it: the latest in
 * full, the earlier ones one line each, the whole stack within a fifth of the screen.
 */
@customElement('lectern-message-banner')
export class LecternMessageBanner extends LitElement {
  static override styles = [
    baseStyles,
    css`
      /* Never more than a fifth of the screen: the rest of the stack scrolls (by keyboard too). */
      .stack {
        max-height: 20vh;
        overflow-y: auto;
        background: var(--lectern-notice-bg, #fff6d6);
        border-bottom: 0.125rem solid var(--lectern-notice-border, #8a6d00);
      }
      .message {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.25rem 1.25rem;
        padding: 0.5rem 1rem;
      }
      .message + .message {
        border-top: 0.0625rem solid var(--lectern-notice-border, #8a6d00);
      }
      .text {
        flex: 1 1 20rem;
        min-width: 0;
      }
      .latest .text strong {
        display: block;
      }
      .latest .body {
        font-size: 1.125rem;
        white-space: pre-wrap;
        overflow-wrap: break-word;
      }
      /* An earlier message on one line: its full text is in the page (a screen reader reads it all)
         and shows in full once the later ones are acknowledged. */
      .older {
        flex-wrap: nowrap;
        padding-block: 0.25rem;
      }
      .older .text {
        flex: 1 1 auto;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .older button {
        min-height: 2rem;
        padding: 0 0.75rem;
      }
    `,
  ];

  /** Messages not yet acknowledged, oldest first. */
  @property({ attribute: false }) messages: readonly ProctorMessageView[] = [];

  private readonly i18n = new I18nController(this);

  override render() {
    if (this.messages.length === 0) return nothing;
    const lang = this.i18n.language;
    const latest = this.messages.at(-1)!;
    const older = this.messages.slice(0, -1).reverse();
    const label = t('screens.messages.region', { n: this.messages.length });
    // A stack that scrolls is reachable by keyboard (tabindex) and named.
    return html`<div class="stack" role="region" aria-label=${label} tabindex=${older.length > 0 ? '0' : nothing} lang=${lang}>
      <div class="message latest" role="alert">
        <div class="text">
          <strong>${t('message.title')} · ${t('message.sentAt', { time: formatTimeOfDay(latest.sentAt, lang) })}</strong>
          <span class="body">${latest.text}</span>
        </div>
        ${this.acknowledgeButton(latest)}
      </div>
      ${older.map(
        (message) =>
          html`<div class="message older">
            <div class="text" data-overflow-ok>
              <span class="visually-hidden">${t('screens.messages.older', { time: formatTimeOfDay(message.sentAt, lang) })}</span>
              <span class="muted" aria-hidden="true">${formatTimeOfDay(message.sentAt, lang)}</span> ${message.text}
            </div>
            ${this.acknowledgeButton(message)}
          </div>`,
      )}
    </div>`;
  }

  private acknowledgeButton(message: ProctorMessageView) {
    return html`<button type="button" class="primary" @click=${() => emit(this, 'message-acknowledged', { messageId: message.id })}>${t('message.acknowledge')}</button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-message-banner': LecternMessageBanner;
  }
}
