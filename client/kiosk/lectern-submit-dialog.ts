import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { AttemptView } from '../../server/contract/attempt.js';
import type { Receipt } from '../../server/contract/kiosk-protocol.js';
import { ApiError, type ApiClient } from '../common/api.js';
import type { ConnectionState } from '../common/connection.js';
import { formatNumber } from '../common/format.js';
import { I18nController, t } from '../common/i18n.js';
import { baseStyles } from '../common/styles.js';
import { countWords } from '../../server/contract/rules/revision.js';
import { emit } from './events.js';
import { questionNumbers } from './lectern-exam.js';
import { refusalText } from './refusals.js';
import { SaveRefusedError, type SaveQueue } from './save-queue.js';

type Phase = 'confirm' | 'flushing' | 'sending' | 'offline' | 'timeout' | 'refused' | 'error';

const FLUSH_TIMEOUT_MS = 20_000;

class Offline extends Error {}
class FlushTimeout extends Error {}

/**
 * Confirmation before submitting: what is unanswered, how long each answer is. Submits only once
 * the server has acknowledged every edit, and never while offline (the answers would be missing).
 */
@customElement('lectern-submit-dialog')
export class LecternSubmitDialog extends LitElement {
  static override styles = [
    baseStyles,
    css`
      dialog {
        width: min(40rem, calc(100vw - 2rem));
        max-height: calc(100vh - 2rem);
        overflow-y: auto;
        border: 0.125rem solid var(--lectern-accent, #1f3a5f);
        border-radius: 0.5rem;
        padding: 1.5rem;
        color: inherit;
        background: var(--lectern-surface, #fff);
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.45);
      }
      table {
        border-collapse: collapse;
        width: 100%;
        margin: 0 0 1rem;
      }
      th,
      td {
        text-align: left;
        padding: 0.375rem 0.5rem;
        border-bottom: 0.0625rem solid var(--lectern-border, #b9c0cc);
      }
      td.empty {
        color: var(--lectern-danger, #a4161a);
        font-weight: 600;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        margin-top: 1rem;
      }
    `,
  ];

  @property({ type: Boolean }) open = false;
  @property({ attribute: false }) attempt!: AttemptView;
  @property({ attribute: false }) queue!: SaveQueue;
  @property({ attribute: false }) api!: ApiClient;
  @property() connection: ConnectionState = 'offline';

  @state() private _phase: Phase = 'confirm';
  @state() private _detail = '';

  @query('dialog') private dialog!: HTMLDialogElement;

  private readonly i18n = new I18nController(this);
  private run = 0;
  private abortOffline: ((error: Error) => void) | null = null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('open') && this.open) {
      this._phase = 'confirm';
      this._detail = '';
    }
    if (changed.has('connection') && this.connection !== 'online') this.abortOffline?.(new Offline());
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('open')) return;
    if (this.open && !this.dialog.open) this.dialog.showModal();
    if (!this.open && this.dialog.open) this.dialog.close();
  }

  override render() {
    const lang = this.i18n.language;
    const busy = this._phase === 'flushing' || this._phase === 'sending';
    const sections = this.attempt?.pack.sections ?? [];
    const numbers = questionNumbers(sections);
    const rows = sections.flatMap((section) =>
      section.questions.map((question) => ({
        number: numbers.get(question.id) ?? 0,
        words: countWords(this.queue?.text(question.id) ?? ''),
        target: question.targetWords,
      })),
    );
    const unanswered = rows.filter((row) => row.words === 0).map((row) => t('question.title', { n: row.number }));
    return html`<dialog aria-labelledby="title" lang=${lang} @cancel=${this.onCancel}>
      <h2 id="title">${t('submit.title')}</h2>
      <p>${t('submit.intro')}</p>
      <p class=${unanswered.length > 0 ? 'notice' : ''}>
        ${unanswered.length > 0 ? t('submit.unanswered', { list: unanswered.join(', ') }) : t('submit.allAnswered')}
      </p>
      <table>
        <caption class="visually-hidden">${t('submit.summary')}</caption>
        <tbody>
          ${rows.map(
            (row) =>
              html`<tr>
                <th scope="row">${t('question.title', { n: row.number })}</th>
                <td class=${row.words === 0 ? 'empty' : ''}>
                  ${t('submit.wordsOf', { n: row.words, words: formatNumber(row.words, lang), target: row.target })}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
      ${this.renderPhase()}
      <div class="actions">
        <button class="primary" type="button" ?disabled=${busy} @click=${this.onConfirm}>${t('submit.confirm')}</button>
        <button type="button" ?disabled=${this._phase === 'sending'} @click=${this.close}>${t('submit.cancel')}</button>
      </div>
    </dialog>`;
  }

  private renderPhase() {
    switch (this._phase) {
      case 'confirm':
        return nothing;
      case 'flushing':
        return html`<p role="status">${t('submit.flushing')}</p>`;
      case 'sending':
        return html`<p role="status">${t('submit.sending')}</p>`;
      case 'offline':
        return html`<p class="error" role="alert">${t('submit.offline')}</p>`;
      case 'timeout':
        return html`<p class="error" role="alert">${t('submit.timeout')}</p>`;
      case 'refused':
        return html`<p class="error" role="alert">${t('submit.refused', { message: this._detail })}</p>`;
      case 'error':
        return html`<p class="error" role="alert">${t('submit.error', { code: this._detail })}</p>`;
    }
  }

  private readonly onCancel = (event: Event) => {
    event.preventDefault();
    if (this._phase !== 'sending') this.close();
  };

  private readonly close = () => {
    this.run++;
    this.abortOffline = null;
    emit(this, 'submit-closed', {});
  };

  private readonly onConfirm = async () => {
    if (this.connection !== 'online') {
      this._phase = 'offline';
      return;
    }
    const run = ++this.run;
    this._phase = 'flushing';
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await Promise.race([
        this.queue.flush(),
        new Promise<never>((_, reject) => {
          this.abortOffline = reject;
        }),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new FlushTimeout()), FLUSH_TIMEOUT_MS);
        }),
      ]);
    } catch (error) {
      if (run !== this.run) return;
      if (error instanceof Offline) this._phase = 'offline';
      else if (error instanceof FlushTimeout) this._phase = 'timeout';
      else if (error instanceof SaveRefusedError) {
        this._phase = 'refused';
        this._detail = refusalText(error.refusal.reason);
      } else {
        this._phase = 'error';
        this._detail = String(error);
      }
      return;
    } finally {
      clearTimeout(timer);
      this.abortOffline = null;
    }
    if (run !== this.run) return;

    this._phase = 'sending';
    let receipt: Receipt;
    try {
      receipt = await this.api.post<Receipt>('/api/attempt/submit', {});
    } catch (error) {
      if (run !== this.run) return;
      const already = error instanceof ApiError && error.status === 409 ? (error.details['receipt'] as Receipt | undefined) : undefined;
      if (!already) {
        this._phase = error instanceof ApiError && error.status === 0 ? 'offline' : 'error';
        this._detail = error instanceof ApiError ? error.code : String(error);
        return;
      }
      receipt = already;
    }
    if (run !== this.run) return;
    emit(this, 'script-submitted', { receipt });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-submit-dialog': LecternSubmitDialog;
  }
}
