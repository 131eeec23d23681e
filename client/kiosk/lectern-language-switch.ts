import { LitElement, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { I18nController, getLanguage, setLanguage, t } from '../common/i18n.js';
import { baseStyles } from '../common/styles.js';
import { languageSwitchStyles } from './login-styles.js';
import { clearPrerendered } from './prerendered-login.js';

/** One button that switches the interface to the other language, named in that language. */
@customElement('lectern-language-switch')
export class LecternLanguageSwitch extends LitElement {
  static override styles = [baseStyles, languageSwitchStyles];

  private readonly i18n = new I18nController(this);

  /** The page's prerendered login holds a copy of this button (login-prerender.ts): drawn over, not beside. */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    clearPrerendered(this);
    return super.createRenderRoot();
  }

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
