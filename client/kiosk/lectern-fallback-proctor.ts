import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AttemptView } from '../../server/contract/attempt.js';
import { proctorCodeDigest } from '../../server/contract/rules/fallback-seal.js';
import type { ConnectionState } from '../common/connection.js';
import { I18nController, t } from '../common/i18n.js';
import { browserStorage } from '../common/local-store.js';
import { baseStyles } from '../common/styles.js';
import { DEFAULT_OFFER_AFTER_MS, fallbackIssue, keepIssue, saveFallbackFile, type FallbackNote } from './fallback-save.js';
import { FallbackWatch } from './fallback-watch.js';
// The catalogue areas this element reads are loaded by the offer, which the kiosk imports with it.
import './lectern-fallback-offer.js';

/**
 * The proctor's way to the fallback file at any time (issue 10, item 4), with the session's proctor
 * code (checked here against its salted digest: the server may be away). A slim row at the foot of
 * the kiosk's layout, below the exam: it used to float over the answer field's corner (its resize
 * handle and last lines). While the candidate's offer is shown it steps aside: that bar saves the
 * same file for everyone.
 */
@customElement('lectern-fallback-proctor')
export class LecternFallbackProctor extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .foot {
        display: flex;
        flex-wrap: wrap;
        justify-content: flex-end;
        align-items: center;
        gap: 0.25rem 0.75rem;
        padding: 0.25rem 0.75rem;
        border-top: 0.0625rem solid var(--lectern-border, #b9c0cc);
        background: var(--lectern-surface, #fff);
        font-size: 0.875rem;
      }
      button {
        min-height: 2rem;
        padding: 0.125rem 0.75rem;
      }
      form {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.25rem 0.5rem;
      }
      label {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.25rem 0.5rem;
      }
      input {
        font: inherit;
        min-height: 2rem;
        width: 10rem;
      }
      p {
        margin: 0;
        flex: 1 1 16rem;
        min-width: 0;
        overflow-wrap: break-word;
      }
      .error {
        padding: 0.25rem 0.5rem;
      }
    `,
  ];

  @property({ attribute: false }) attempt: AttemptView | null = null;
  @property() connection: ConnectionState = 'online';

  @state() private _open = false;
  @state() private _code = '';
  @state() private _note: FallbackNote | null = null;
  @state() private _busy = false;

  private readonly i18n = new I18nController(this);
  private readonly watch = new FallbackWatch(() => this.requestUpdate());
  private readonly storage = browserStorage();

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.watch.clear();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('attempt')) keepIssue(this.attempt, this.storage);
    if (changed.has('connection')) this.watch.connection(this.connection, fallbackIssue(this.attempt, this.storage)?.offerAfterMs ?? DEFAULT_OFFER_AFTER_MS);
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    const issue = fallbackIssue(this.attempt, this.storage);
    if (!issue) {
      this._note = { kind: 'error', key: 'fallback.noKey' };
      return;
    }
    if ((await proctorCodeDigest(issue.proctorCodeSalt, this._code)) !== issue.proctorCodeDigest) {
      this._note = { kind: 'error', key: 'fallback.proctor.wrong' };
      return;
    }
    this._busy = true;
    try {
      this._note = await saveFallbackFile(this.attempt, this.storage);
      if (this._note.kind === 'saved') this.close();
    } finally {
      this._busy = false;
    }
  }

  /** Closes the form, the focus back on the button that opened it. */
  private close(): void {
    this._open = false;
    this._code = '';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>('[data-action="fallback-proctor"]')?.focus());
  }

  override render() {
    if (this.watch.due(fallbackIssue(this.attempt, this.storage)?.offerAfterMs ?? DEFAULT_OFFER_AFTER_MS)) return nothing;
    const note = this._note;
    return html`<div class="foot" role="region" aria-label=${t('fallbackOffer.proctorArea')} lang=${this.i18n.language}>
      ${note && !(this._open && note.kind === 'error')
        ? html`<p class=${note.kind === 'error' ? 'error' : ''} role="status">${t(note.key, note.params)}</p>`
        : nothing}
      ${this._open ? this.renderForm() : html`<button type="button" data-action="fallback-proctor" @click=${() => this.openForm()}>${t('fallback.proctor.open')}</button>`}
    </div>`;
  }

  private openForm(): void {
    this._open = true;
    this._note = null;
    void this.updateComplete.then(() => this.renderRoot.querySelector('input')?.focus());
  }

  private renderForm() {
    const note = this._note;
    return html`<form @submit=${(event: Event) => void this.submit(event)} @keydown=${(event: KeyboardEvent) => event.key === 'Escape' && this.cancel()}>
      <label
        >${t('fallback.proctor.label')}
        <input type="password" autocomplete="off" spellcheck="false" .value=${this._code} @input=${(event: Event) => (this._code = (event.target as HTMLInputElement).value)}
      /></label>
      <button type="submit" class="primary" ?disabled=${this._busy}>${t('fallback.proctor.submit')}</button>
      <button type="button" @click=${() => this.cancel()}>${t('fallback.proctor.cancel')}</button>
      ${note?.kind === 'error' ? html`<p class="error" role="alert">${t(note.key, note.params)}</p>` : nothing}
    </form>`;
  }

  private cancel(): void {
    this._note = null;
    this.close();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-fallback-proctor': LecternFallbackProctor;
  }
}
