import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { DocumentView } from '../../server/contract/attempt.js';
import { I18nController, t } from '../common/i18n.js';
import { baseStyles } from '../common/styles.js';
import { makeScrollAreasReachable } from './document-scrollers.js';

const SCALES = [0.875, 1, 1.125, 1.25, 1.5, 1.75, 2] as const;
const SCALE_KEY = 'lectern.documentScale';

function storedScaleIndex(): number {
  try {
    const stored = Number(localStorage.getItem(SCALE_KEY));
    const index = SCALES.findIndex((scale) => scale === stored);
    return index >= 0 ? index : 1;
  } catch {
    return 1;
  }
}

/**
 * The section's document, with its table of contents and text size buttons. The HTML is rendered
 * and sanitized by the server (content packs are trusted, and sanitize-html runs on load).
 */
@customElement('lectern-document-pane')
export class LecternDocumentPane extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1rem;
        padding: 0.75rem 1rem;
        border-bottom: 0.0625rem solid var(--lectern-border, #b9c0cc);
        background: var(--lectern-surface, #fff);
        position: sticky;
        top: 0;
        z-index: 1;
      }
      .toolbar h2 {
        margin: 0;
        font-size: 1.125rem;
        flex: 1 1 auto;
      }
      .zoom {
        display: flex;
        align-items: center;
        gap: 0.5rem;
      }
      .zoom button {
        min-width: 3rem;
        padding: 0.25rem 0.5rem;
        min-height: 2.5rem;
      }
      details {
        padding: 0.5rem 1rem;
        border-bottom: 0.0625rem solid var(--lectern-border, #b9c0cc);
      }
      summary {
        cursor: pointer;
        font-weight: 600;
        padding: 0.25rem 0;
      }
      nav ol {
        list-style: none;
        margin: 0.5rem 0;
        padding: 0;
      }
      nav li {
        margin: 0.25rem 0;
      }
      nav li.depth-3 {
        padding-left: 1.25rem;
      }
      nav a {
        color: var(--lectern-accent, #1f3a5f);
      }
      article {
        padding: 1rem 1.5rem 3rem;
        font-family: var(--lectern-font-reading, Georgia, serif);
        font-size: calc(1.0625rem * var(--scale, 1));
        line-height: 1.6;
        max-width: 50rem;
        overflow-wrap: break-word;
      }
      article h1,
      article h2,
      article h3,
      article h4 {
        font-family: var(--lectern-font, system-ui, sans-serif);
        margin: 1.5em 0 0.5em;
        scroll-margin-top: 5rem;
      }
      article h1 {
        font-size: 1.5em;
      }
      article h2 {
        font-size: 1.3em;
      }
      article h3 {
        font-size: 1.125em;
      }
      article [tabindex='-1']:focus,
      article :focus {
        outline: 0.1875rem solid var(--lectern-focus, #0b57d0);
      }
      article img {
        max-width: 100%;
        height: auto;
      }
      article pre {
        overflow-x: auto;
        background: #f0f2f5;
        padding: 0.75rem;
        border-radius: 0.25rem;
        font-size: 0.875em;
      }
      article code {
        font-family: var(--lectern-font-mono, monospace);
        font-size: 0.9em;
      }
      article .table-scroll {
        overflow-x: auto;
        margin: 1em 0;
      }
      article table {
        border-collapse: collapse;
      }
      article th,
      article td {
        border: 0.0625rem solid var(--lectern-border, #b9c0cc);
        padding: 0.375rem 0.625rem;
        text-align: left;
        vertical-align: top;
      }
      article blockquote {
        border-left: 0.25rem solid var(--lectern-border, #b9c0cc);
        margin: 1em 0;
        padding-left: 1em;
      }
      article a {
        color: inherit;
        text-decoration: underline dotted;
      }
      .state {
        padding: 1.5rem;
      }
    `,
  ];

  @property({ attribute: false }) doc: DocumentView | null = null;
  @property({ type: Boolean }) failed = false;
  /** Language of the document's text. */
  @property() contentLang = 'en';

  @state() private _scaleIndex = storedScaleIndex();

  private readonly i18n = new I18nController(this);

  override render() {
    const scale = SCALES[this._scaleIndex]!;
    return html`<div lang=${this.i18n.language}>
      <div class="toolbar">
        <h2 id="doc-title">${t('exam.document')}</h2>
        <div class="zoom" role="group" aria-label=${t('exam.textScale', { percent: Math.round(scale * 100) })}>
          <button type="button" aria-label=${`${t('exam.textSmaller')} ${t('exam.textSmallerLabel')}`} ?disabled=${this._scaleIndex === 0} @click=${() => this.setScale(-1)}>
            ${t('exam.textSmaller')}
          </button>
          <span class="muted" aria-live="polite">${Math.round(scale * 100)} %</span>
          <button
            type="button"
            aria-label=${`${t('exam.textLarger')} ${t('exam.textLargerLabel')}`}
            ?disabled=${this._scaleIndex === SCALES.length - 1}
            @click=${() => this.setScale(1)}
          >
            ${t('exam.textLarger')}
          </button>
        </div>
      </div>
      ${this.renderBody()}
    </div>`;
  }

  /**
   * The zoom is a custom property set through the CSSOM on the host: a style attribute (which
   * Lit's styleMap writes on its first render) is refused by the strict Content-Security-Policy.
   */
  protected override updated(): void {
    this.style.setProperty('--scale', String(SCALES[this._scaleIndex]!));
    const article = this.renderRoot.querySelector('article');
    if (article) makeScrollAreasReachable(article, { codeBlock: t('screens.document.codeBlock'), table: t('screens.document.table') });
  }

  private renderBody() {
    if (!this.doc) {
      return html`<p class="state muted" role="status">${t(this.failed ? 'exam.documentError' : 'exam.documentLoading')}</p>`;
    }
    const toc = this.doc.toc;
    return html`${toc.length > 0
        ? html`<details open>
            <summary>${t('exam.toc')}</summary>
            <nav aria-label=${t('exam.toc')}>
              <ol>
                ${toc.map(
                  (entry) =>
                    html`<li class="depth-${entry.depth}">
                      <a href="#${entry.id}" lang=${this.contentLang} @click=${(event: Event) => this.goTo(event, entry.id)}>${entry.text}</a>
                    </li>`,
                )}
              </ol>
            </nav>
          </details>`
        : nothing}
      <article
        aria-labelledby="doc-title"
        lang=${this.contentLang}
        translate="no"
        @click=${this.onArticleClick}
      >
        ${unsafeHTML(this.doc.html)}
      </article>`;
  }

  /** Links inside the document lead nowhere (no internet, and leaving the page would leave the exam), except to its own headings. */
  private onArticleClick(event: MouseEvent): void {
    const link = event.composedPath().find((target): target is HTMLAnchorElement => target instanceof HTMLAnchorElement);
    if (!link) return;
    const href = link.getAttribute('href') ?? '';
    if (href.startsWith('#') && href.length > 1) this.goTo(event, decodeURIComponent(href.slice(1)));
    else event.preventDefault();
  }

  private goTo(event: Event, id: string): void {
    event.preventDefault();
    const target = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
    if (!target) return;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  }

  private setScale(step: number): void {
    this._scaleIndex = Math.min(SCALES.length - 1, Math.max(0, this._scaleIndex + step));
    try {
      localStorage.setItem(SCALE_KEY, String(SCALES[this._scaleIndex]));
    } catch {
      // Not remembered after a reload; nothing else changes.
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-document-pane': LecternDocumentPane;
  }
}
