import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { I18nController, t } from './i18n.js';
import { baseStyles } from './styles.js';

/**
 * Covers the page when the server speaks another protocol version than the one this page was
 * built for (the server was updated while the page stayed open). Nothing the page could send
 * would be understood, so the only way on is a reload; answers already saved stay on the server,
 * and the kiosk's local copies are resent after the reload.
 */
@customElement('lectern-outdated-notice')
export class LecternOutdatedNotice extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        position: fixed;
        inset: 0;
        z-index: 1000;
        display: flex;
        align-items: center;
        justify-content: center;
        padding: 1rem;
        background: var(--lectern-backdrop, rgba(22, 24, 29, 0.8));
      }
      .panel {
        max-width: 34rem;
        padding: 1.5rem;
        border-radius: 0.5rem;
        font-size: 1.25rem;
        background: var(--lectern-surface, #fff);
      }
    `,
  ];

  private readonly i18n = new I18nController(this);

  override render() {
    return html`<div class="panel" role="alertdialog" aria-modal="true" aria-labelledby="title" aria-describedby="text" lang=${this.i18n.language}>
      <h1 id="title" tabindex="-1">${t('connection.outdated.title')}</h1>
      <p id="text">${t('connection.outdated.body')}</p>
      <button class="primary" type="button" @click=${() => globalThis.location.reload()}>${t('connection.outdated.reload')}</button>
    </div>`;
  }

  override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLElement>('#title')?.focus();
  }
}

/** Shows the notice over whatever page is open (once). */
export function showOutdatedNotice(): void {
  if (typeof document === 'undefined' || document.querySelector('lectern-outdated-notice')) return;
  document.body.append(document.createElement('lectern-outdated-notice'));
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-outdated-notice': LecternOutdatedNotice;
  }
}
