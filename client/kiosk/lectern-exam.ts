import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, queryAll, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { AttemptSectionView, AttemptView, DocumentView } from '../../server/contract/attempt.js';
import { I18nController, localized, t } from '../common/i18n.js';
import { baseStyles } from '../common/styles.js';
import { emit } from './events.js';
import type { LecternAnswerField } from './lectern-answer-field.js';
import type { SaveQueue, SaveSnapshot } from './save-queue.js';
import './lectern-answer-field.js';
import './lectern-document-pane.js';

/** Question numbers across the whole paper: 1, 2, 3… whatever the section. */
export function questionNumbers(sections: readonly AttemptSectionView[]): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const section of sections) for (const question of section.questions) numbers.set(question.id, numbers.size + 1);
  return numbers;
}

/** The exam itself: the document on the left, the questions and answers on the right; stacked when narrow. */
@customElement('lectern-exam')
export class LecternExam extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        position: relative;
        min-height: 0;
      }
      .split {
        display: flex;
        flex-wrap: wrap;
        align-items: stretch;
      }
      .pane {
        flex: 1 1 30rem;
        min-width: 0;
        /* The containing block of what is positioned inside (the fields' screen-reader labels):
           without it they hung below the exam, outside the scrolling pane, and stretched the page. */
        position: relative;
        background: var(--lectern-surface, #fff);
      }
      .document {
        border-right: 0.0625rem solid var(--lectern-border, #b9c0cc);
      }
      .answers {
        padding: 1rem 1.5rem 3rem;
        background: var(--lectern-bg, #f4f5f7);
      }
      @media (min-width: 64rem) {
        :host {
          height: 100%;
        }
        .split {
          height: 100%;
          flex-wrap: nowrap;
        }
        .pane {
          height: 100%;
          overflow-y: auto;
          /* Sized by the split, not by its content: a key in one pane never lays out or paints
             the other (at CPU /4 the frame after a key went from 32-40 to 24 ms). */
          contain: strict;
        }
      }
      .sections ul {
        list-style: none;
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin: 0 0 1.25rem;
        padding: 0;
      }
      .sections button[aria-current='true'] {
        background: var(--lectern-accent, #1f3a5f);
        color: var(--lectern-accent-text, #fff);
      }
      .instructions {
        margin-bottom: 1.25rem;
      }
      .language {
        font-weight: 600;
      }
      .no-document {
        padding: 1.5rem;
      }
      .end {
        border-top: 0.0625rem solid var(--lectern-border, #b9c0cc);
        padding-top: 1.25rem;
        display: flex;
        flex-direction: column;
        align-items: flex-start;
        gap: 0.75rem;
      }
      .paused {
        position: absolute;
        inset: 0;
        z-index: 5;
        background: var(--lectern-bg, #f4f5f7);
        display: flex;
        align-items: flex-start;
        justify-content: center;
        padding: 3rem 1rem;
      }
      .paused .panel {
        max-width: 36rem;
      }
    `,
  ];

  @property({ attribute: false }) attempt!: AttemptView;
  @property({ attribute: false }) documents: ReadonlyMap<string, DocumentView> = new Map();
  @property({ attribute: false }) documentFailures: ReadonlySet<string> = new Set();
  @property({ attribute: false }) queue!: SaveQueue;
  /** A new object whenever a save state or an answer changes: re-renders the fields. */
  @property({ attribute: false }) saves: SaveSnapshot | null = null;
  @property({ type: Boolean }) readonly = false;
  @property({ type: Boolean }) paused = false;
  @property({ type: Boolean }) canSubmit = true;

  @state() private _sectionIndex = 0;

  @queryAll('lectern-answer-field') private fields!: NodeListOf<LecternAnswerField>;

  private readonly i18n = new I18nController(this);

  /** For the skip link: straight to the first answer of the part on screen. */
  focusAnswers(): void {
    this.fields[0]?.focusAnswer();
  }

  override render() {
    const sections = this.attempt.pack.sections;
    const section = sections[Math.min(this._sectionIndex, sections.length - 1)];
    if (!section) return nothing;
    const numbers = questionNumbers(sections);
    return html`<div class="split" lang=${this.i18n.language} ?inert=${this.paused} aria-hidden=${this.paused ? 'true' : 'false'}>
        ${section.hasDocument
          ? html`<section class="pane document" data-area="document" aria-label=${t('exam.document')}>
              <lectern-document-pane
                .doc=${this.documents.get(section.id) ?? null}
                .failed=${this.documentFailures.has(section.id)}
              ></lectern-document-pane>
            </section>`
          : nothing}
        <section class="pane answers" id="answers" aria-labelledby="questions-title">
          ${sections.length > 1 ? this.renderSectionNav(sections) : nothing}
          <h2 id="questions-title">${sections.length > 1 ? localized(section.title) : t('exam.questions')}</h2>
          <div class="instructions">
            ${section.instructions ? html`<p>${localized(section.instructions)}</p>` : nothing}
            <p class="language">${t(section.answerLanguage === 'fr' ? 'exam.answerIn.fr' : 'exam.answerIn.en')}</p>
            ${section.hasDocument ? nothing : html`<p class="muted">${t('exam.noDocument')}</p>`}
          </div>
          ${section.questions.map(
            // live(): compared with what the field holds, not with what was last passed. A key
            // draws neither the kiosk nor this view (save-queue.ts, edit), so the value last
            // passed can be older than the field's; a text the queue takes back must still reach it.
            (question) =>
              html`<lectern-answer-field
                .question=${question}
                .number=${numbers.get(question.id) ?? 0}
                .text=${live(this.queue.text(question.id))}
                .answerLang=${section.answerLanguage}
                .readonly=${this.readonly}
                .status=${this.saves?.questions.get(question.id)}
                .diverged=${this.queue.asideOf(question.id)}
              ></lectern-answer-field>`,
          )}
          ${this._sectionIndex < sections.length - 1
            ? html`<p>
                <button type="button" @click=${() => this.selectSection(this._sectionIndex + 1)}>
                  ${t('exam.section', { n: this._sectionIndex + 2 })} · ${localized(sections[this._sectionIndex + 1]!.title)} →
                </button>
              </p>`
            : nothing}
          <div class="end">
            <p class="muted">${t('exam.submitHint')}</p>
            <button class="primary" type="button" ?disabled=${!this.canSubmit} @click=${() => emit(this, 'submit-requested', {})}>
              ${t('status.submit')}
            </button>
          </div>
        </section>
      </div>
      ${this.paused
        ? html`<div class="paused" role="alert">
            <div class="panel">
              <h2>${t('exam.pausedTitle')}</h2>
              <p>${t('exam.pausedText')}</p>
            </div>
          </div>`
        : nothing}`;
  }

  private renderSectionNav(sections: readonly AttemptSectionView[]) {
    return html`<nav class="sections" aria-label=${t('exam.sections')}>
      <ul>
        ${sections.map(
          (section, index) =>
            html`<li>
              <button type="button" aria-current=${index === this._sectionIndex ? 'true' : 'false'} @click=${() => this.selectSection(index)}>
                ${t('exam.section', { n: index + 1 })} · ${localized(section.title)}
              </button>
            </li>`,
        )}
      </ul>
    </nav>`;
  }

  private async selectSection(index: number): Promise<void> {
    this._sectionIndex = index;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#answers')?.scrollTo?.({ top: 0 });
    this.renderRoot.querySelector<HTMLElement>('#questions-title')?.setAttribute('tabindex', '-1');
    this.renderRoot.querySelector<HTMLElement>('#questions-title')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-exam': LecternExam;
  }
}
