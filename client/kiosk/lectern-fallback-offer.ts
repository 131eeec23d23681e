import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AttemptView } from '../../server/contract/attempt.js';
import type { FallbackIssue } from '../../server/contract/fallback-file.js';
import type { MessageKey } from '../../server/contract/i18n/catalogue.js';
import type { Params } from '../../server/contract/i18n/format.js';
import { fallbackEn } from '../../server/contract/i18n/en/fallback.js';
import { fallbackFr } from '../../server/contract/i18n/fr/fallback.js';
import { proctorCodeDigest } from '../../server/contract/rules/fallback-seal.js';
import type { ConnectionState } from '../common/connection.js';
import { I18nController, loadCatalogueAreas, t } from '../common/i18n.js';
import { browserStorage } from '../common/local-store.js';
import { baseStyles } from '../common/styles.js';
import { keepFallbackKey, keptFallbackKey } from './fallback-key-store.js';
import { downloadFile, makeFallbackFile } from './fallback-file.js';
import { FallbackWatch } from './fallback-watch.js';

loadCatalogueAreas({ fr: fallbackFr, en: fallbackEn });

/**
 * The fallback file on the kiosk (issue 10, item 4): offered to the candidate once the server has
 * been unreachable for the attempt's `offerAfterMs`, and available to the proctor at any time with
 * the session's proctor code (checked here against its salted digest: the server may be away).
 */
@customElement('lectern-fallback-offer')
export class LecternFallbackOffer extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .offer {
        position: fixed;
        left: 50%;
        bottom: 1rem;
        transform: translateX(-50%);
        z-index: 50;
        width: min(44rem, calc(100vw - 2rem));
        padding: 1rem 1.25rem;
        border: 0.2rem solid var(--lectern-warning, #8a4b00);
        border-radius: 0.5rem;
        background: var(--lectern-surface, #fff);
        box-shadow: 0 0.25rem 1rem rgb(0 0 0 / 25%);
      }
      .offer h2 {
        margin: 0 0 0.5rem;
        font-size: 1.2rem;
      }
      .proctor {
        position: fixed;
        right: 0.5rem;
        bottom: 0.5rem;
        z-index: 40;
      }
      form {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: end;
        margin-top: 0.5rem;
      }
      .error {
        color: var(--lectern-error, #a00000);
      }
    `,
  ];

  @property({ attribute: false }) attempt: AttemptView | null = null;
  @property() connection: ConnectionState = 'online';

  @state() private _proctorOpen = false;
  @state() private _code = '';
  /** Kept as a key, so a language switch rewords it. */
  @state() private _message: { kind: 'saved' | 'error'; key: MessageKey; params?: Params } | null = null;
  @state() private _busy = false;

  private readonly i18n = new I18nController(this);
  private readonly watch = new FallbackWatch(() => this.requestUpdate());
  private readonly storage = browserStorage();

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.watch.clear();
  }

  /** The attempt's key, or the one kept on the workstation (a reload while the server is away). */
  private get issue(): FallbackIssue | null {
    const attempt = this.attempt;
    if (!attempt) return null;
    if (attempt.fallback) return attempt.fallback;
    return this.storage ? keptFallbackKey(this.storage, { sessionCode: attempt.session.code, candidateCode: attempt.candidate.code }) : null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const attempt = this.attempt;
    if (changed.has('attempt') && attempt?.fallback && this.storage) {
      keepFallbackKey(this.storage, { sessionCode: attempt.session.code, candidateCode: attempt.candidate.code }, attempt.fallback);
    }
    if (changed.has('connection')) this.watch.connection(this.connection, this.issue?.offerAfterMs ?? 120_000);
  }

  private async save(): Promise<void> {
    const attempt = this.attempt;
    const issue = this.issue;
    if (!attempt || !issue) {
      this._message = { kind: 'error', key: 'fallback.noKey' };
      return;
    }
    this._busy = true;
    try {
      const file = await makeFallbackFile(attempt, issue, this.storage);
      downloadFile(file.name, file.text);
      this._message = { kind: 'saved', key: 'fallback.saved', params: { file: file.name } };
      this._proctorOpen = false;
      this._code = '';
    } catch (error) {
      this._message = { kind: 'error', key: 'fallback.failed', params: { message: error instanceof Error ? error.message : String(error) } };
    } finally {
      this._busy = false;
    }
  }

  private async proctorSave(event: Event): Promise<void> {
    event.preventDefault();
    const issue = this.issue;
    if (!issue) {
      this._message = { kind: 'error', key: 'fallback.noKey' };
      return;
    }
    if ((await proctorCodeDigest(issue.proctorCodeSalt, this._code)) !== issue.proctorCodeDigest) {
      this._message = { kind: 'error', key: 'fallback.proctor.wrong' };
      return;
    }
    await this.save();
  }

  override render() {
    const offered = this.watch.due(this.issue?.offerAfterMs ?? 120_000);
    return html`<div lang=${this.i18n.language}>
      ${offered ? this.renderOffer() : nothing}
      ${offered
        ? nothing
        : html`<div class="proctor">${this._proctorOpen ? this.renderProctorForm() : html`<button type="button" @click=${() => (this._proctorOpen = true)}>${t('fallback.proctor.open')}</button>`}</div>`}
      ${!offered && this._message ? html`<p class="offer" role="status">${t(this._message.key, this._message.params)}</p>` : nothing}
    </div>`;
  }

  private renderOffer() {
    return html`<section class="offer" role="alert" aria-labelledby="fallback-title" data-offer="fallback">
      <h2 id="fallback-title">${t('fallback.offer.title')}</h2>
      <p>${t('fallback.offer.text')}</p>
      <button type="button" class="primary" ?disabled=${this._busy} @click=${() => void this.save()}>${t('fallback.save')}</button>
      ${this._message ? html`<p class=${this._message.kind === 'error' ? 'error' : ''} role="status">${t(this._message.key, this._message.params)}</p>` : nothing}
    </section>`;
  }

  private renderProctorForm() {
    return html`<form class="offer" @submit=${(event: Event) => void this.proctorSave(event)}>
      <label
        >${t('fallback.proctor.label')}
        <input type="password" autocomplete="off" spellcheck="false" .value=${this._code} @input=${(event: Event) => (this._code = (event.target as HTMLInputElement).value)}
      /></label>
      <button type="submit" class="primary" ?disabled=${this._busy}>${t('fallback.proctor.submit')}</button>
      <button type="button" @click=${() => ((this._proctorOpen = false), (this._message = null))}>${t('fallback.proctor.cancel')}</button>
      ${this._message?.kind === 'error' ? html`<p class="error" role="alert">${t(this._message.key, this._message.params)}</p>` : nothing}
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-fallback-offer': LecternFallbackOffer;
  }
}
