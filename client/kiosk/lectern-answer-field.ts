import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { AttemptQuestionView } from '../../server/contract/attempt.js';
import { formatNumber } from '../common/format.js';
import { I18nController, t } from '../common/i18n.js';
import { MAX_ANSWER_CHARS, NEAR_LIMIT_CHARS } from '../common/limits.js';
import { baseStyles } from '../common/styles.js';
import { makeScrollAreasReachable } from './document-scrollers.js';
import { emit } from './events.js';
import { IncrementalWordCount } from './word-count.js';
import { refusalText } from './refusals.js';
import type { LocalEdit } from './local-copies.js';
import type { QuestionSaveStatus } from './save-queue.js';

/**
 * The characters left as the near-limit notice says them: rounded up to the hundred. The notice is
 * a live region, so it changes once per hundred characters, not on each key: a screen reader read
 * it out on every key, and the page drew it again on every key (issue 13, item 7).
 */
function charsLeftShown(chars: number): number {
  return Math.ceil((MAX_ANSWER_CHARS - chars) / 100) * 100;
}

/** What the field shows of an answer's length: nothing, the characters left (by the hundred), or the limit reached. */
function lengthShown(chars: number): number | 'none' | 'limit' {
  if (chars < NEAR_LIMIT_CHARS) return 'none';
  return chars >= MAX_ANSWER_CHARS ? 'limit' : charsLeftShown(chars);
}

/** One question: its prompt, the answer box, the word count against the target, and its save state. */
@customElement('lectern-answer-field')
export class LecternAnswerField extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        margin-bottom: 2rem;
        /* A key lays out this field only (issue 13, item 7; docs/kiosk-start.md). Not paint:
           that would clip the answer box's focus outline at the field's edges. */
        contain: layout;
      }
      h3 {
        margin-bottom: 0.5rem;
      }
      .prompt {
        font-size: 1.0625rem;
        margin-bottom: 0.75rem;
      }
      .prompt :is(p, ul, ol) {
        margin: 0 0 0.5rem;
      }
      .prompt code {
        font-family: var(--lectern-font-mono, monospace);
      }
      .prompt pre {
        overflow-x: auto;
        padding: 0.5rem;
        background: #f0f2f5;
      }
      textarea {
        display: block;
        width: 100%;
        /* Fully contained: a key then lays out, paints and layerizes the box alone, not the whole
           answers pane. At CPU /4 that took a key's rendering from about 17 to 9 ms (issue 13,
           item 7; docs/performance.md). The box keeps its size: a textarea's own is its rows, as
           for an empty one, and dragging its corner still resizes it. */
        contain: strict;
        min-height: 12rem;
        resize: vertical;
        font: inherit;
        font-size: 1.0625rem;
        line-height: 1.6;
        padding: 0.75rem;
        border: 0.125rem solid var(--lectern-border, #b9c0cc);
        border-radius: 0.375rem;
        background: var(--lectern-surface, #fff);
        color: inherit;
      }
      textarea:focus-visible {
        border-color: var(--lectern-focus, #0b57d0);
        outline-offset: 0;
      }
      textarea[readonly] {
        background: #eceef2;
      }
      .meta {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        gap: 0.25rem 1rem;
        margin-top: 0.375rem;
        font-size: 0.9375rem;
      }
      .count.reached {
        color: var(--lectern-ok, #1d5e2e);
        font-weight: 600;
      }
      .state.refused {
        color: var(--lectern-danger, #a4161a);
        font-weight: 600;
      }
      .limit {
        margin-top: 0.5rem;
      }
      .diverged {
        margin-top: 0.75rem;
      }
      .kept {
        white-space: pre-wrap;
        font: inherit;
        max-height: 12rem;
        overflow-y: auto;
        margin: 0.25rem 0 0;
        padding: 0.5rem;
        background: var(--lectern-surface, #fff);
        border: 0.0625rem solid var(--lectern-border, #b9c0cc);
      }
    `,
  ];

  @property({ attribute: false }) question!: AttemptQuestionView;
  @property({ type: Number }) number = 1;
  @property() text = '';
  /** Language the answer (and the prompt) is written in. */
  @property() answerLang: 'en' | 'fr' = 'en';
  @property({ type: Boolean }) readonly = false;
  @property({ attribute: false }) status: QuestionSaveStatus | undefined = undefined;
  /** This workstation's versions that diverged from the server's newer text: shown, kept for the proctor. */
  @property({ attribute: false }) diverged: readonly LocalEdit[] = [];

  // Cached: the box is always in the template, and looking it up again after each redraw cost a
  // search of the field's tree per key on a modest workstation (issue 13, item 7).
  @query('textarea', true) private textarea!: HTMLTextAreaElement;

  private readonly i18n = new I18nController(this);
  private words = 0;
  private readonly wordCount = new IncrementalWordCount();
  /**
   * What the answer box holds, as last typed or set: the box is written only when \`text\` differs
   * from it. Reading a 50,000-character box's value back on each render (lit's live()) cost a
   * copy of the whole answer per key on a modest workstation (issue 13, item 7).
   */
  private shown: string | null = null;
  /** The answer's length as the last redraw showed it (lengthShown). */
  private lengthDrawn: ReturnType<typeof lengthShown> = 'none';

  focusAnswer(): void {
    this.textarea?.focus();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (this.textarea && this.text !== this.shown) {
      this.textarea.value = this.text;
      this.shown = this.text;
    }
    // A wide command line in the prompt scrolls sideways: reachable and named, as in the document.
    if (changed.has('question')) {
      const prompt = this.renderRoot.querySelector('#prompt');
      if (prompt) makeScrollAreasReachable(prompt, { codeBlock: t('screens.document.codeBlock'), table: t('screens.document.table') });
    }
  }

  /**
   * A key typed in the box changes \`text\` to what the box already shows: the field is drawn again
   * only when what it shows of the text moves (the word count, the characters left), about one key
   * in six. Drawing it on every key (the count's wording and number formatted, the template
   * compared) was most of a key's script on a modest workstation (issue 13, item 7). Any other
   * change, and a text the box does not show yet, draws as usual.
   */
  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    if (changed.size !== 1 || !changed.has('text') || this.text !== this.shown || !this.hasUpdated) return true;
    return this.wordCount.count(this.text) !== this.words || lengthShown(this.text.length) !== this.lengthDrawn;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('text')) this.words = this.wordCount.count(this.text);
    this.lengthDrawn = lengthShown(this.text.length);
  }

  override render() {
    const lang = this.i18n.language;
    const n = this.number;
    const chars = this.text.length;
    const target = this.question.targetWords;
    return html`<article aria-labelledby="title" lang=${lang}>
      <h3 id="title">${t('question.title', { n })}</h3>
      <div class="prompt" id="prompt" lang=${this.answerLang} translate="no">${unsafeHTML(this.question.promptHtml)}</div>
      <label class="visually-hidden" for="answer">${t('question.answerLabel', { n })}</label>
      <textarea
        id="answer"
        data-area="answer"
        data-question=${this.question.id}
        ?readonly=${this.readonly}
        aria-describedby="prompt count${chars >= NEAR_LIMIT_CHARS ? ' limit' : ''}"
        maxlength=${MAX_ANSWER_CHARS}
        spellcheck="false"
        autocorrect="off"
        autocapitalize="off"
        autocomplete="off"
        translate="no"
        lang=${this.answerLang}
        rows="10"
        @input=${this.onInput}
      ></textarea>
      <div class="meta">
        <span id="count" class="count ${target > 0 && this.words >= target ? 'reached' : ''}">
          ${t('question.words', { n: this.words, words: formatNumber(this.words, lang) })}${target > 0 ? html` · ${t('question.target', { target })}` : nothing}
          ${this.readonly ? html` · ${t('question.readonly')}` : nothing}
        </span>
        ${this.renderState()}
      </div>
      ${chars >= NEAR_LIMIT_CHARS
        ? html`<p id="limit" class=${chars >= MAX_ANSWER_CHARS ? 'error limit' : 'notice limit'} role="status">
            ${chars >= MAX_ANSWER_CHARS
              ? t('question.atLimit', { max: formatNumber(MAX_ANSWER_CHARS, lang) })
              : t('question.nearLimit', { left: formatNumber(charsLeftShown(chars), lang), max: formatNumber(MAX_ANSWER_CHARS, lang) })}
          </p>`
        : nothing}
      ${this.renderDiverged()}
    </article>`;
  }

  private renderDiverged() {
    const latest = this.diverged.at(-1);
    if (!latest) return nothing;
    return html`<div class="notice diverged" role="status" data-notice="diverged">
      <strong>${t('copy.diverged.title')}</strong>
      <p>${t('copy.diverged.text')}</p>
      <p class="muted">${t('copy.diverged.yourText', { n: latest.text.length })}</p>
      <pre class="kept" lang=${this.answerLang} translate="no">${latest.text}</pre>
    </div>`;
  }

  private renderState() {
    const status = this.status;
    if (!status) return nothing;
    switch (status.state) {
      case 'saved':
        return status.savedAt === null ? nothing : html`<span class="state muted">${t('question.state.saved')}</span>`;
      case 'saving':
        return html`<span class="state muted">${t('question.state.saving')}</span>`;
      case 'offline':
        return html`<span class="state">${t('question.state.offline')}</span>`;
      case 'refused': {
        const reason = status.refusal?.reason;
        // After the end the server keeps the text aside for the jury: not "refused" as if lost.
        if (reason === 'late' || reason === 'ended' || reason === 'submitted') return html`<span class="state refused">${t('screens.field.late')}</span>`;
        return html`<span class="state refused">${t('question.state.refused', { message: reason ? refusalText(reason) : '' })}</span>`;
      }
    }
  }

  private onInput(event: InputEvent): void {
    const value = (event.target as HTMLTextAreaElement).value;
    this.shown = value;
    this.text = value;
    emit(this, 'answer-input', { questionId: this.question.id, text: value });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-answer-field': LecternAnswerField;
  }
}
