import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AttemptView } from '../../server/contract/attempt.js';
import { fallbackOfferEn } from '../../server/contract/i18n/en/fallback-offer.js';
import { fallbackEn } from '../../server/contract/i18n/en/fallback.js';
import { fallbackOfferFr } from '../../server/contract/i18n/fr/fallback-offer.js';
import { fallbackFr } from '../../server/contract/i18n/fr/fallback.js';
import type { ConnectionState } from '../common/connection.js';
import { I18nController, loadCatalogueAreas, t } from '../common/i18n.js';
import { browserStorage } from '../common/local-store.js';
import { baseStyles } from '../common/styles.js';
import { DEFAULT_OFFER_AFTER_MS, fallbackIssue, keepIssue, saveFallbackFile, type FallbackNote } from './fallback-save.js';
import { FallbackWatch } from './fallback-watch.js';

loadCatalogueAreas({ fr: { ...fallbackFr, ...fallbackOfferFr }, en: { ...fallbackEn, ...fallbackOfferEn } });

/**
 * The fallback file offered to the candidate (issue 10, item 4) once the server has been
 * unreachable for the attempt's `offerAfterMs`: a bar in the kiosk's layout, above the exam, so it
 * takes room from the exam instead of covering the answer being typed (it used to float over the
 * bottom of the field). Its explanation folds away (its button, or Escape) and comes back; the
 * save button stays in the bar. The proctor's entry is lectern-fallback-proctor, at the foot.
 */
@customElement('lectern-fallback-offer')
export class LecternFallbackOffer extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .offer {
        padding: 0.5rem 1rem;
        border-top: 0.1875rem solid var(--lectern-warning, #8a4b00);
        border-bottom: 0.1875rem solid var(--lectern-warning, #8a4b00);
        background: var(--lectern-notice-bg, #fff6d6);
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1rem;
      }
      h2 {
        flex: 1 1 14rem;
        min-width: 0;
        margin: 0;
        font-size: 1.125rem;
        overflow-wrap: break-word;
      }
      .bar button {
        min-height: 2.25rem;
        padding: 0.125rem 0.75rem;
      }
      p {
        margin: 0.5rem 0 0;
        overflow-wrap: break-word;
      }
      .error {
        margin: 0.5rem 0 0;
      }
    `,
  ];

  @property({ attribute: false }) attempt: AttemptView | null = null;
  @property() connection: ConnectionState = 'online';

  /** Whether the candidate folded the explanation away; it opens again with each new outage. */
  @state() private _folded = false;
  @state() private _note: FallbackNote | null = null;
  @state() private _busy = false;

  private readonly i18n = new I18nController(this);
  private readonly watch = new FallbackWatch(() => this.requestUpdate());
  private readonly storage = browserStorage();

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.onKey);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.onKey);
    this.watch.clear();
  }

  /** Escape folds the explanation from anywhere, the answer field included: the candidate types on. */
  private readonly onKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented || this._folded || !this.offered) return;
    this._folded = true;
  };

  private get offered(): boolean {
    return this.watch.due(fallbackIssue(this.attempt, this.storage)?.offerAfterMs ?? DEFAULT_OFFER_AFTER_MS);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('attempt')) keepIssue(this.attempt, this.storage);
    if (changed.has('connection')) {
      this.watch.connection(this.connection, fallbackIssue(this.attempt, this.storage)?.offerAfterMs ?? DEFAULT_OFFER_AFTER_MS);
      if (this.connection === 'online') {
        this._folded = false;
        this._note = null;
      }
    }
  }

  private async save(): Promise<void> {
    this._busy = true;
    try {
      this._note = await saveFallbackFile(this.attempt, this.storage);
    } finally {
      this._busy = false;
    }
  }

  override render() {
    if (!this.offered) return nothing;
    const note = this._note;
    return html`<section class="offer" role="alert" aria-labelledby="fallback-title" data-offer="fallback" lang=${this.i18n.language}>
      <div class="bar">
        <h2 id="fallback-title">${t('fallback.offer.title')}</h2>
        <button type="button" class="primary" ?disabled=${this._busy} @click=${() => void this.save()}>${t('fallback.save')}</button>
        <button type="button" data-action="fold" aria-expanded=${this._folded ? 'false' : 'true'} aria-controls="fallback-text" @click=${() => (this._folded = !this._folded)}>
          ${t(this._folded ? 'fallbackOffer.showDetail' : 'fallbackOffer.hideDetail')}
        </button>
      </div>
      <p id="fallback-text" ?hidden=${this._folded}>${t('fallback.offer.text')}</p>
      ${note ? html`<p class=${note.kind === 'error' ? 'error' : ''} role="status">${t(note.key, note.params)}</p>` : nothing}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-fallback-offer': LecternFallbackOffer;
  }
}
