import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { AnswerMark, ReadingsView, ScriptMark, ScriptView, WorkspaceView } from '../../server/contract/grading.js';
import { I18nController, localized } from '../common/i18n.js';
import { baseStyles } from '../common/styles.js';
import { gradingStyles } from './grading-styles.js';
import { isAnswered, levelIn, questionsOf, type Row } from './grading-model.js';
import { levelLabel, renderRow, type LevelChosenDetail } from './judgement-rows.js';
import type { CommentChangedDetail } from './lectern-answer-judgement.js';
import './lectern-copied-text.js';
import { t } from '../common/staff-i18n.js';

/**
 * A whole script judged once: the writing criteria (bands 0 to 5 with the descriptors at 1, 3 and
 * 5), the competence criteria, the comment on the script, and every answer of the script beside
 * them. Once both readings are finished, the other readings and their disagreements are shown.
 */
@customElement('lectern-script-judgement')
export class LecternScriptJudgement extends LitElement {
  static override styles = [
    baseStyles,
    gradingStyles,
    css`
      :host {
        display: grid;
        grid-template-columns: minmax(22rem, 1fr) minmax(22rem, 1.2fr);
        gap: 1rem;
        align-items: start;
      }
      ol.rows {
        padding: 0;
        margin: 0 0 0.5rem;
      }
      table.data {
        font-size: 0.875rem;
      }
      h2 {
        font-size: 1.25rem;
        margin-bottom: 0.25rem;
      }
      h3 {
        font-size: 1rem;
        margin: 0.75rem 0 0.25rem;
      }
      dl.descriptors {
        display: grid;
        grid-template-columns: 1.5rem 1fr;
        gap: 0.125rem 0.5rem;
        font-size: 0.8125rem;
        margin: 0.25rem 0 0.5rem;
        color: var(--lectern-muted, #4a5160);
      }
      dl.descriptors dt {
        font-weight: 700;
      }
      dl.descriptors dd {
        margin: 0;
      }
      .cefr {
        font-size: 0.8125rem;
        color: var(--lectern-muted, #4a5160);
        margin: 0 0 0.5rem;
      }
      .one-answer h3 {
        margin-top: 0.5rem;
      }
      .comment label {
        font-weight: 600;
        display: block;
        margin-bottom: 0.25rem;
      }
      .others-panel {
        border-top: 0.0625rem solid var(--lectern-border, #b9c0cc);
        margin-top: 1rem;
        padding-top: 0.5rem;
      }
    `,
  ];

  @property({ attribute: false }) view!: WorkspaceView;
  @property({ attribute: false }) script!: ScriptView;
  @property({ attribute: false }) rows: Row[] = [];
  @property({ type: Number }) currentRow = 0;
  @property({ attribute: false }) mark: ScriptMark | null = null;
  /** This reading's marks on the script's answers, by question: the evidence of the competence criteria. */
  @property({ attribute: false }) answerMarks: ReadonlyMap<string, AnswerMark | null> = new Map();
  @property({ attribute: false }) others: ReadingsView | null = null;
  @property({ type: Boolean }) readOnly = false;

  @query('textarea') private _comment!: HTMLTextAreaElement;
  private readonly i18n = new I18nController(this);

  /**
   * The key points linked to a competence criterion, at the level this reading gave them, shown with
   * the criterion so that they feed its judgement (issue 16); an unanswered question's key points are
   * missing, as in the jury's export.
   */
  private linkedEvidence(rubricId: string, criterionId: string): TemplateResult | undefined {
    const linked = this.view.pack.sections
      .filter((s) => s.competenceRubricId === rubricId)
      .flatMap((s) => s.questions.flatMap((q) => q.keyPoints.filter((k) => k.criterion === criterionId).map((k) => ({ questionId: q.id, keyPointId: k.id }))));
    if (linked.length === 0) return undefined;
    const items = linked.map(({ questionId, keyPointId }) => {
      const level = isAnswered(this.script, questionId) ? this.answerMarks.get(questionId)?.keyPoints[keyPointId] : 'missing';
      return `${questionId} ${keyPointId} ${level ? t(`jury.linkedLevel.${level}`) : '—'}`;
    });
    return html`<p class="linked meta">${t('grading.linkedKeyPoints', { items: items.join(' · ') })}</p>`;
  }

  focusComment(): void {
    this._comment?.focus();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('script')) {
      for (const column of this.renderRoot.querySelectorAll<HTMLElement>('.column')) column.scrollTop = 0;
    }
    if (changed.has('currentRow') || changed.has('script')) this.renderRoot.querySelector('.row.current')?.scrollIntoView({ block: 'nearest' });
  }

  override render() {
    void this.i18n;
    const choose = (detail: LevelChosenDetail) => this.dispatchEvent(new CustomEvent<LevelChosenDetail>('level-chosen', { detail, bubbles: true, composed: true }));
    const othersFor = (row: Row) =>
      (this.others?.readings ?? []).map((r) => {
        const v = levelIn(row, null, r.script);
        return t('grading.others.level', { n: r.reading, level: v === undefined ? '—' : levelLabel(row, v) });
      });
    const rowFor = (row: Row, index: number, title: string, descriptors?: { 1: string; 3: string; 5: string }, describe?: (l: string | number) => string | undefined, evidence?: TemplateResult) =>
      renderRow({
        row,
        index,
        current: index === this.currentRow,
        value: levelIn(row, null, this.mark),
        title,
        text:
          descriptors && index === this.currentRow
            ? html`<dl class="descriptors"><dt>5</dt><dd>${descriptors[5]}</dd><dt>3</dt><dd>${descriptors[3]}</dd><dt>1</dt><dd>${descriptors[1]}</dd></dl>`
            : evidence,
        others: othersFor(row),
        readOnly: this.readOnly,
        describe,
        onChoose: choose,
      });
    const indexed = this.rows.map((row, index) => ({ row, index }));
    const writing = this.view.pack.rubrics.writing.map(
      (rubric) => html`<h2>${localized(rubric.title)}</h2>
        <p class="cefr">${rubric.cefr.map((c) => `${c.scale} — ${c.level}`).join(' · ')}</p>
        <p class="meta">${t('grading.bandsHint')}</p>
        <ol class="rows">
          ${indexed
            .filter(({ row }) => row.kind === 'band' && row.rubricId === rubric.id)
            .map(({ row, index }) => {
              const criterion = rubric.criteria.find((c) => row.kind === 'band' && c.id === row.criterionId)!;
              return rowFor(row, index, localized(criterion.title), { 1: localized(criterion.bands[1]), 3: localized(criterion.bands[3]), 5: localized(criterion.bands[5]) }, (level) => {
                const b = Number(level) as 1 | 3 | 5;
                return criterion.bands[b] ? localized(criterion.bands[b]) : undefined;
              });
            })}
        </ol>`,
    );
    const competence = this.view.pack.rubrics.competence.map(
      (rubric) => html`<h2>${localized(rubric.title)}</h2>
        <ol class="rows">
          ${indexed
            .filter(({ row }) => row.kind === 'competence' && row.rubricId === rubric.id)
            .map(({ row, index }) => {
              const criterion = rubric.criteria.find((c) => row.kind === 'competence' && c.id === row.criterionId)!;
              return rowFor(row, index, localized(criterion.title), undefined, (level) => localized(criterion.descriptors[level as 'met']), this.linkedEvidence(rubric.id, criterion.id));
            })}
        </ol>`,
    );
    const commentIndex = this.rows.findIndex((r) => r.kind === 'comment');
    return html`
      <section class="column" aria-label=${t('grading.writing')}>
        ${writing} ${competence}
        <div class="comment row ${commentIndex === this.currentRow ? 'current' : ''}">
          <label for="comment">${t('grading.commentScript')}</label>
          <textarea id="comment" .value=${this.mark?.comment ?? ''} ?readonly=${this.readOnly} spellcheck="false" @input=${this._onInput} @keydown=${this._onKey}></textarea>
          <p class="meta">${t('grading.commentHint')}</p>
        </div>
        ${this._renderOthers()}
      </section>
      <section class="column" aria-label=${t('grading.allAnswers')}>
        <h2>${t('grading.allAnswers')}</h2>
        ${questionsOf(this.view).map(({ question, language }) => {
          const a = this.script.answers.find((x) => x.questionId === question.id);
          return html`<div class="one-answer">
            <h3>${t('grading.question', { id: question.id })} <span class="meta">· ${t('grading.words', { n: a?.words ?? 0, target: question.targetWords })}</span></h3>
            ${a && a.text.trim() ? html`<lectern-copied-text compact .text=${a.text} .overlap=${a.overlap} .language=${language}></lectern-copied-text>` : html`<p class="muted">—</p>`}
          </div>`;
        })}
      </section>
    `;
  }

  private _renderOthers() {
    const o = this.others;
    if (!o) return this.script.reading < 3 && this.view.session.doubleMarking ? html`<p class="others-panel meta">${t('grading.othersHidden')}</p>` : nothing;
    const heads = o.readings[0]?.decisions ?? [];
    return html`<div class="others-panel">
      <h3>${t('grading.others')}</h3>
      <table class="data">
        <thead>
          <tr><th scope="col"></th>${heads.map((d) => html`<th scope="col">${localized(d.title)}</th>`)}</tr>
        </thead>
        <tbody>
          ${o.readings.map(
            (r) => html`<tr>
              <th scope="row">${t('grading.others.reader', { n: r.reading, corrector: r.corrector })}</th>
              ${r.decisions.map((d) => html`<td><strong>${d.reached ? t('grading.decisionReached') : t('grading.decisionNotReached')}</strong></td>`)}
            </tr>
            ${r.script?.comment ? html`<tr><td colspan=${heads.length + 1} class="others">« ${r.script.comment} »</td></tr>` : nothing}`,
          )}
        </tbody>
      </table>
      <h3>${t('grading.disagreements')}</h3>
      ${o.disagreements.length === 0
        ? html`<p class="meta">${t('grading.noDisagreement')}</p>`
        : html`<ul>
            ${o.disagreements.map(
              (d) => html`<li>${d.kind === 'decision' ? t('grading.disagreement.decision', { title: localized(d.title) }) : t('grading.disagreement.band', { title: localized(d.title), a: d.values[0], b: d.values[1] })}</li>`,
            )}
          </ul>`}
    </div>`;
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
    'lectern-script-judgement': LecternScriptJudgement;
  }
}
