import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { OverlapReport } from '../../server/contract/grading-evidence.js';
import { I18nController } from '../common/i18n.js';
import { baseStyles } from '../common/styles.js';
import { gradingStyles } from './grading-styles.js';
import { segments } from './grading-model.js';
import { t } from '../common/staff-i18n.js';

/** An answer's text with the runs copied from the document highlighted, and the share of copied words. */
@customElement('lectern-copied-text')
export class LecternCopiedText extends LitElement {
  static override styles = [
    baseStyles,
    gradingStyles,
    css`
      .legend {
        font-size: 0.8125rem;
      }
    `,
  ];

  @property() text = '';
  @property({ attribute: false }) overlap: OverlapReport | null = null;
  @property({ type: Boolean }) compact = false;
  /** The answer's language (the section's), so that it is read and hyphenated as such. */
  @property() language: 'en' | 'fr' = 'en';
  private readonly i18n = new I18nController(this);

  override render() {
    void this.i18n;
    const o = this.overlap;
    const parts = segments(this.text, o?.runs ?? []);
    const share = o ? Math.round(o.share * 100) : 0;
    return html`<div class="answer-text" lang=${this.language} translate="no">${parts.map((p) => (p.copied ? html`<mark class="copied">${p.text}</mark>` : p.text))}</div>
      <p class="meta copied-share">${o && o.copiedWords > 0 ? t('grading.copied', { share, copied: o.copiedWords, total: o.proseWords }) : t('grading.copiedNone')}</p>
      ${this.compact || !o || o.copiedWords === 0 ? '' : html`<p class="meta legend">${t('grading.copiedLegend')}</p>`}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-copied-text': LecternCopiedText;
  }
}
