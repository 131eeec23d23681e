import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { I18nController, t } from '../common/i18n.js';
import { baseStyles } from '../common/styles.js';

/** Covers the whole page while the proctor has locked the workstation. */
@customElement('lectern-locked-overlay')
export class LecternLockedOverlay extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        position: fixed;
        inset: 0;
        z-index: 100;
        display: flex;
        align-items: center;
        justify-content: center;
        padding: 1rem;
        background: var(--lectern-accent, #1f3a5f);
      }
      .panel {
        max-width: 34rem;
        font-size: 1.25rem;
      }
    `,
  ];

  private readonly i18n = new I18nController(this);

  override render() {
    return html`<div class="panel" role="alertdialog" aria-modal="true" aria-labelledby="title" aria-describedby="text" lang=${this.i18n.language}>
      <h1 id="title" tabindex="-1">${t('locked.title')}</h1>
      <p id="text">${t('locked.text')}</p>
    </div>`;
  }

  override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLElement>('#title')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-locked-overlay': LecternLockedOverlay;
  }
}
