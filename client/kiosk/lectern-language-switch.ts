import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { I18nController, getLanguage, setLanguage, t } from '../common/i18n.js';
import { baseStyles } from '../common/styles.js';

/** One button that switches the interface to the other language, named in that language. */
@customElement('lectern-language-switch')
export class LecternLanguageSwitch extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: inline-block;
      }
      button {
        min-height: 2.5rem;
        padding: 0.25rem 0.875rem;
      }
    `,
  ];

  private readonly i18n = new I18nController(this);

  override render() {
    const other = this.i18n.language === 'fr' ? 'en' : 'fr';
    return html`<button type="button" lang=${other} aria-label=${t('language.switchLabel')} @click=${() => setLanguage(getLanguage() === 'fr' ? 'en' : 'fr')}>
      ${t('language.switchTo')}
    </button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-language-switch': LecternLanguageSwitch;
  }
}
