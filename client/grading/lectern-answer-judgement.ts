import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { AnswerMark, AnswerView, QuestionView, ReadingView } from '../../server/contract/grading.js';
import type { ReadingRubric } from '../../server/contract/pack.js';
import { I18nController, localized } from '../common/i18n.js';
import { baseStyles } from '../common/styles.js';
import { gradingStyles } from './grading-styles.js';
import { levelIn, type Row } from './grading-model.js';
import { levelLabel, renderRow, withInlineCode, type LevelChosenDetail } from './judgement-rows.js';
import './lectern-copied-text.js';
import { t } from '../common/staff-i18n.js';

export interface CommentChangedDetail {
  text: string;
}

/**
 * One answer being judged: the question with its key points and their levels, the answer with the
 * passages copied from the document highlighted, and the document passage the question is about.
 * The prompt and the passage are pack HTML, sanitized on the server when the pack was loaded.
 */
@customElement('lectern-answer-judgement')
export class LecternAnswerJudgement extends LitElement {
  static override styles = [
    baseStyles,
    gradingStyles,
    css`
      :host {
        display: grid;
        grid-template-columns: minmax(18rem, 1.1fr) minmax(18rem, 1fr) minmax(18rem, 1fr);
        gap: 1rem;
        align-items: start;
      }
      @media (max-width: 70rem) {
        :host {
          grid-template-columns: 1fr 1fr;
        }
        .passage-col {
          grid-column: 1 / -1;
        }
      }
      ol.rows {
        padding: 0;
        margin: 0 0 0.5rem;
      }
      h2 {
        font-size: 1.25rem;
        margin-bottom: 0.5rem;
      }
      h3 {
        font-size: 1rem;
        margin: 0.75rem 0 0.375rem;
      }
      .comment label {
        font-weight: 600;
        display: block;
        margin-bottom: 0.25rem;
      }
      .author-notes {
        margin: 0 0 0.5rem;
        padding: 0.25rem 0.5rem;
        border-left: 3px solid var(--lectern-border, #c9ced8);
        font-size: 0.875rem;
      }
      .author-notes.likely-misreadings {
        border-left-color: #b45309;
      }
      .author-notes h4 {
        font-size: 0.875rem;
        margin: 0 0 0.25rem;
      }
      .author-notes ul {
        margin: 0;
        padding-left: 1.25rem;
      }
    `,
  ];

  @property({ attribute: false }) question!: QuestionView;
  @property({ attribute: false }) answer!: AnswerView;
  @property({ attribute: false }) rows: Row[] = [];
  @property({ type: Number }) currentRow = 0;
  @property({ attribute: false }) mark: AnswerMark | null = null;
  @property({ attribute: false }) rubric: ReadingRubric | null = null;
  @property({ attribute: false }) others: ReadingView[] = [];
  @property({ type: Boolean }) readOnly = false;
  @property() code = '';
  @property() language: 'en' | 'fr' = 'en';

  @query('textarea') private _comment!: HTMLTextAreaElement;
  private readonly i18n = new I18nController(this);

  focusComment(): void {
    this._comment?.focus();
  }

  protected override updated(changed: PropertyValues<this>): void {
    // Another answer: every column starts from its top. Another row: it is scrolled into sight.
    if (changed.has('question') || changed.has('answer')) {
      for (const column of this.renderRoot.querySelectorAll<HTMLElement>('.column')) column.scrollTop = 0;
    }
    if (changed.has('currentRow') || changed.has('question') || changed.has('answer')) {
      this.renderRoot.querySelector('.row.current')?.scrollIntoView({ block: 'nearest' });
    }
  }

  override render() {
    void this.i18n;
    const q = this.question;
    const answered = this.answer.text.trim() !== '';
    const describe = (row: Row) => (level: string | number) => {
      if (!this.rubric) return undefined;
      if (row.kind === 'keyPoint') return localized(this.rubric.keyPointLevels[level as 'found'])?.toString();
      if (row.kind === 'interpretation') return localized(this.rubric.interpretationLevels[level as 'correct'])?.toString();
      return undefined;
    };
    const othersFor = (row: Row) =>
      this.others.map((r) => {
        const v = levelIn(row, r.answers[q.id] ?? null, null);
        return t('grading.others.level', { n: r.reading, level: v === undefined ? '—' : levelLabel(row, v) });
      });
    const judgementRows = this.rows
      .map((row, index) => ({ row, index }))
      .filter(({ row }) => row.kind !== 'comment')
      .map(({ row, index }) =>
        renderRow({
          row,
          index,
          current: index === this.currentRow,
          value: levelIn(row, this.mark, null),
          title: row.kind === 'keyPoint' ? row.id : t('grading.interpretation'),
          text: row.kind === 'keyPoint' ? html`${withInlineCode(row.text)}` : undefined,
          inline: row.kind === 'keyPoint',
          others: othersFor(row),
          readOnly: this.readOnly,
          describe: describe(row),
          onChoose: (detail) => this.dispatchEvent(new CustomEvent<LevelChosenDetail>('level-chosen', { detail, bubbles: true, composed: true })),
        }),
      );
    const commentIndex = this.rows.findIndex((r) => r.kind === 'comment');
    return html`
      <section class="question-col column" aria-labelledby="q-title">
        <h2 id="q-title">${t('grading.question', { id: q.id })}</h2>
        <div class="prompt">${unsafeHTML(q.promptHtml)}</div>
        ${answered ? html`<h3>${t('grading.keyPoints')}</h3><ol class="rows">${judgementRows}</ol>` : html`<p class="notice">${t('grading.noAnswer')}</p>`}
        ${this.authorNotes('accepted-variants', t('grading.acceptedVariants'), q.acceptedVariants)}
        ${this.authorNotes('likely-misreadings', t('grading.likelyMisreadings'), q.likelyMisreadings)}
        <div class="comment row ${commentIndex === this.currentRow ? 'current' : ''}">
          <label for="comment">${t('grading.commentAnswer')}</label>
          <textarea id="comment" .value=${this.mark?.comment ?? ''} ?readonly=${this.readOnly} spellcheck="false" @input=${this._onInput} @keydown=${this._onKey}></textarea>
          <p class="meta">${t('grading.commentHint')}</p>
          ${this.others
            .filter((r) => r.answers[q.id]?.comment)
            .map((r) => html`<p class="others">${t('grading.others.level', { n: r.reading, level: `« ${r.answers[q.id]!.comment} »` })}</p>`)}
        </div>
      </section>
      <section class="answer-col column" aria-labelledby="a-title">
        <h3 id="a-title">${t('grading.answer')} — <span class="code">${this.code}</span></h3>
        <p class="meta">${t('grading.words', { n: this.answer.words, target: q.targetWords })}</p>
        ${answered ? html`<lectern-copied-text .text=${this.answer.text} .overlap=${this.answer.overlap} .language=${this.language}></lectern-copied-text>` : html`<p class="answer-text muted">—</p>`}
      </section>
      <section class="passage-col column" aria-labelledby="p-title" tabindex="0">
        <h3 id="p-title">${t('grading.passage')}${q.passage ? html` — ${q.passage.heading}` : nothing}</h3>
        ${q.passage ? html`<div class="passage" lang="en">${unsafeHTML(q.passage.html)}</div>` : html`<p class="muted">${t('grading.noPassage')}</p>`}
      </section>
    `;
  }

  /** What the pack's author wrote beside the key points: accepted variants, likely misreadings. */
  private authorNotes(kind: string, heading: string, items: readonly string[] | undefined) {
    if (!items?.length) return nothing;
    return html`<div class="author-notes ${kind}"><h4>${heading}</h4><ul>${items.map((i) => html`<li>${withInlineCode(i)}</li>`)}</ul></div>`;
  }

  private _onInput(event: InputEvent) {
    const text = (event.target as HTMLTextAreaElement).value;
    this.dispatchEvent(new CustomEvent<CommentChangedDetail>('comment-changed', { detail: { text }, bubbles: true, composed: true }));
  }

  private _onKey(event: KeyboardEvent) {
    if (event.key === 'Escape' || (event.key === 'Enter' && (event.ctrlKey || event.metaKey))) {
      event.preventDefault();
      event.stopPropagation();
      this._comment.blur();
      this.dispatchEvent(new CustomEvent('comment-done', { bubbles: true, composed: true }));
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-answer-judgement': LecternAnswerJudgement;
  }
  interface HTMLElementEventMap {
    'level-chosen': CustomEvent<LevelChosenDetail>;
    'comment-changed': CustomEvent<CommentChangedDetail>;
    'comment-done': CustomEvent<void>;
  }
}
