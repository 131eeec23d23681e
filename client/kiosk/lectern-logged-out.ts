import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { I18nController, t, type StringKey } from '../common/i18n.js';
import { baseStyles } from '../common/styles.js';
import { emit } from './events.js';
import './lectern-language-switch.js';

export type LoggedOutReason = 'moved' | 'revoked' | 'replaced' | 'expired';

const reasonText: Record<LoggedOutReason, StringKey> = {
  moved: 'loggedOut.moved',
  revoked: 'loggedOut.revoked',
  replaced: 'loggedOut.replaced',
  expired: 'loggedOut.expired',
};

/** This workstation is no longer the candidate's (moved, revoked, logged in elsewhere, expired). */
@customElement('lectern-logged-out')
export class LecternLoggedOut extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .top {
        display: flex;
        justify-content: flex-end;
        margin-bottom: 1rem;
      }
    `,
  ];

  @property() reason: LoggedOutReason = 'revoked';
  /** Edits that never reached the server are still in this workstation's storage. */
  @property({ type: Boolean }) keptHere = false;

  private readonly i18n = new I18nController(this);

  override render() {
    return html`<div class="page" lang=${this.i18n.language}>
      <div class="top"><lectern-language-switch></lectern-language-switch></div>
      <section class="panel" aria-labelledby="title">
        <h1 id="title" tabindex="-1">${t('loggedOut.title')}</h1>
        <p>${t(reasonText[this.reason])}</p>
        ${this.keptHere ? html`<p class="notice">${t('loggedOut.keptHere')}</p>` : ''}
        <p>${t('app.tellProctor')}</p>
        <button class="primary" type="button" @click=${() => emit(this, 'relogin-requested', {})}>${t('loggedOut.login')}</button>
      </section>
    </div>`;
  }

  override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLElement>('#title')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-logged-out': LecternLoggedOut;
  }
}
