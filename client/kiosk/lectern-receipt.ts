import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { AttemptSectionView } from '../../server/contract/attempt.js';
import type { Receipt } from '../../server/contract/kiosk-protocol.js';
import { formatCode } from '../../server/contract/rules/code-format.js';
import { digestGroups, formatDateTime, formatNumber } from '../common/format.js';
import { I18nController, t, type StringKey } from '../common/i18n.js';
import { baseStyles } from '../common/styles.js';
import { questionNumbers } from './lectern-exam.js';
import './lectern-language-switch.js';

const kindText: Record<Receipt['kind'], StringKey> = {
  candidate: 'receipt.kind.candidate',
  deadline: 'receipt.kind.deadline',
  proctor: 'receipt.kind.proctor',
};

/** What the candidate leaves with: when and how the script was submitted, its fingerprint, the length of each answer. */
@customElement('lectern-receipt')
export class LecternReceipt extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .top {
        display: flex;
        justify-content: flex-end;
        margin-bottom: 1rem;
      }
      .digest {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 0.75rem;
        font-family: var(--lectern-font-mono, monospace);
        font-size: 1.125rem;
        margin: 0.5rem 0 0.25rem;
      }
      table {
        border-collapse: collapse;
        margin: 0.5rem 0 1.5rem;
        min-width: 16rem;
      }
      th,
      td {
        text-align: left;
        padding: 0.375rem 1rem 0.375rem 0;
        border-bottom: 0.0625rem solid var(--lectern-border, #b9c0cc);
      }
      td.number {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      .leave {
        font-size: 1.25rem;
        font-weight: 700;
        margin-top: 1.5rem;
      }
    `,
  ];

  @property({ attribute: false }) receipt!: Receipt;
  @property({ attribute: false }) sections: readonly AttemptSectionView[] = [];
  @property() candidateCode = '';

  private readonly i18n = new I18nController(this);

  override render() {
    const lang = this.i18n.language;
    const numbers = questionNumbers(this.sections);
    const receipt = this.receipt;
    return html`<div class="page" lang=${lang}>
      <div class="top"><lectern-language-switch></lectern-language-switch></div>
      <section class="panel" aria-labelledby="title">
        <h1 id="title" tabindex="-1">${t('receipt.title')}</h1>
        ${this.candidateCode ? html`<p class="code">${t('status.candidate', { code: formatCode(this.candidateCode) })}</p>` : ''}
        <p>${t('receipt.submittedAt', { date: formatDateTime(receipt.submittedAt, lang) })}<br />${t(kindText[receipt.kind])}</p>
        <h2>${t('receipt.digest')}</h2>
        <p class="digest" aria-label=${t('receipt.digest')}>${digestGroups(receipt.digest).map((group) => html`<span>${group}</span>`)}</p>
        ${receipt.answers.length > 0 ? html`<p class="muted">${t('receipt.digestHint')}</p>` : ''}
        <h2>${t('receipt.answers')}</h2>
        ${receipt.answers.every((a) => a.words === 0) ? html`<p class="empty" role="note">${t('screens.receipt.noAnswer')}</p>` : ''}
        ${receipt.answers.length === 0 ? '' : this.renderAnswers(lang, numbers)}
        <p class="leave" role="status">${t('receipt.leave')}</p>
      </section>
    </div>`;
  }

  private renderAnswers(lang: string, numbers: ReadonlyMap<string, number>) {
    return html`<table>
          <thead>
            <tr>
              <th scope="col">${t('receipt.question')}</th>
              <th scope="col">${t('receipt.words')}</th>
            </tr>
          </thead>
          <tbody>
            ${this.receipt.answers.map(
              (answer) =>
                html`<tr>
                  <th scope="row">${numbers.has(answer.questionId) ? t('question.title', { n: numbers.get(answer.questionId)! }) : answer.questionId}</th>
                  <td class="number">${formatNumber(answer.words, lang)}</td>
                </tr>`,
            )}
          </tbody>
        </table>`;
  }

  override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLElement>('#title')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-receipt': LecternReceipt;
  }
}
