import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { AnswerMark, MarkSaveResult, ReadingsView, ScriptMark, ScriptView, WorkspaceView } from '../../server/contract/grading.js';
import { ApiError, type ApiClient } from '../common/api.js';
import { I18nController } from '../common/i18n.js';
import { baseStyles } from '../common/styles.js';
import { gradingStyles } from './grading-styles.js';
import { gt } from './grading-strings.js';
import {
  answerRows,
  emptyAnswerMark,
  emptyScriptMark,
  isAnswered,
  itemsOf,
  levelsOf,
  missingOn,
  questionsOf,
  sameItem,
  scriptRows,
  withLevel,
  type Item,
  type Mode,
  type Row,
} from './grading-model.js';
import { MarkQueue, MarkQueueController, markKey, type MarkTarget, type PendingMark, type SendFailure } from './mark-queue.js';
import type { LevelChosenDetail } from './judgement-rows.js';
import type { CommentChangedDetail, LecternAnswerJudgement } from './lectern-answer-judgement.js';
import type { LecternScriptJudgement } from './lectern-script-judgement.js';
import './lectern-answer-judgement.js';
import './lectern-script-judgement.js';

interface Held<M> {
  mark: M;
  /** The highest revision of this mark known here (the server's or a local change's). */
  revision: number;
}

const MODE_KEY = 'lectern.grading.mode';

/**
 * The corrector's workspace. Every answer of the corrector's scripts is loaded once, so moving on
 * never waits for the network; marks go through the save queue, which keeps them on the workstation
 * until the server has committed them. Everything is done from the keyboard (see the help line).
 */
@customElement('lectern-grading-workspace')
export class LecternGradingWorkspace extends LitElement {
  static override styles = [
    baseStyles,
    gradingStyles,
    css`
      :host {
        display: block;
      }
      /* The current row carries the keyboard focus indication; the whole workspace needs no ring. */
      :host(:focus),
      :host(:focus-visible) {
        outline: none;
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1rem;
        padding: 0.5rem 0;
        border-bottom: 0.125rem solid var(--lectern-accent, #1f3a5f);
        margin-bottom: 0.75rem;
      }
      .bar h2 {
        margin: 0;
        font-size: 1.125rem;
        flex: 1 1 18rem;
      }
      .modes button {
        min-height: 2.25rem;
        padding: 0.25rem 0.75rem;
      }
      .modes button[aria-pressed='true'] {
        background: var(--lectern-accent, #1f3a5f);
        color: var(--lectern-accent-text, #fff);
      }
      .save {
        font-size: 0.875rem;
        font-weight: 600;
        padding: 0.25rem 0.625rem;
        border-radius: 0.25rem;
        border: 0.0625rem solid var(--lectern-border, #b9c0cc);
        background: var(--lectern-surface, #fff);
      }
      .save.saved {
        color: var(--lectern-ok, #1d5e2e);
      }
      .save.offline,
      .save.logged-out {
        color: var(--lectern-danger, #a4161a);
        border-color: var(--lectern-danger, #a4161a);
        background: var(--lectern-danger-bg, #fde8e8);
      }
      .where {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1rem;
        align-items: baseline;
        margin: 0 0 0.5rem;
      }
      .where strong {
        font-size: 1.0625rem;
      }
      .keys {
        position: sticky;
        bottom: 0;
        background: var(--lectern-bg, #f4f5f7);
        border-top: 0.0625rem solid var(--lectern-border, #b9c0cc);
        padding: 0.375rem 0;
        margin: 0.5rem 0 0;
        font-size: 0.8125rem;
        color: var(--lectern-muted, #4a5160);
      }
      .status-line {
        margin: 0 0 0.5rem;
        font-weight: 600;
      }
      .status-line:empty {
        margin: 0;
      }
      .dialog-backdrop {
        position: fixed;
        inset: 0;
        background: rgb(0 0 0 / 0.35);
        display: grid;
        place-items: center;
        z-index: 10;
      }
      .dialog {
        max-width: 32rem;
      }
      .dialog .buttons {
        display: flex;
        gap: 0.75rem;
        justify-content: flex-end;
      }
      .help ul {
        margin: 0;
        padding-left: 1.25rem;
      }
    `,
  ];

  @property({ attribute: false }) api!: ApiClient;
  @property({ type: Number }) sessionId = 0;

  @state() private _view: WorkspaceView | null = null;
  @state() private _error = '';
  @state() private _mode: Mode = readMode();
  @state() private _index = 0;
  @state() private _row = 0;
  @state() private _status = '';
  @state() private _help = false;
  @state() private _confirm: { candidateId: number; code: string } | null = null;
  @state() private _others = new Map<number, ReadingsView>();

  private _answers = new Map<string, Held<AnswerMark>>();
  private _scripts = new Map<number, Held<ScriptMark>>();
  private _items: Item[] = [];
  private readonly _queue = new MarkQueueController(this);
  private readonly i18n = new I18nController(this);

  @query('lectern-answer-judgement') private _answerView?: LecternAnswerJudgement;
  @query('lectern-script-judgement') private _scriptView?: LecternScriptJudgement;

  override connectedCallback(): void {
    super.connectedCallback();
    this.tabIndex = 0;
    // The page's focus ring would frame the whole workspace; the current row shows where the keys go.
    this.style.outline = 'none';
    this.addEventListener('keydown', this._onKey);
    void this._load(true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this._onKey);
  }

  /** Loads (or reloads) the workspace and lays unacknowledged local marks over the server's. */
  private async _load(first = false) {
    const keep = this._items[this._index];
    let view: WorkspaceView;
    try {
      view = await this.api.get<WorkspaceView>(`/api/grading/sessions/${this.sessionId}/workspace`);
    } catch (err) {
      this._error = err instanceof Error ? err.message : String(err);
      return;
    }
    this._answers = new Map();
    this._scripts = new Map();
    for (const s of view.scripts) {
      for (const [questionId, m] of Object.entries(s.marks.answers)) {
        this._answers.set(answerKey(s.candidateId, questionId), { mark: { keyPoints: m.keyPoints, interpretation: m.interpretation, comment: m.comment }, revision: m.revision });
      }
      if (s.marks.script) {
        const m = s.marks.script;
        this._scripts.set(s.candidateId, { mark: { writing: m.writing, competence: m.competence, comment: m.comment }, revision: m.revision });
      }
    }
    if (!this._queue.queue) {
      this._queue.queue = new MarkQueue({
        storage: safeStorage(),
        accountId: view.corrector.accountId,
        sessionId: view.session.id,
        send: (mark) => this._send(mark),
        onChange: () => this.requestUpdate(),
        onRevision: (target, revision) => {
          const held = this._held(target);
          if (held && held.revision < revision) held.revision = revision;
        },
      });
    }
    const queue = this._queue.queue;
    for (const pending of queue.restore()) {
      const held = this._held(pending.target);
      if (held && held.revision >= pending.revision) {
        if (!queue.has(pending.target)) queue.forget(pending.target);
        continue;
      }
      if (pending.target.kind === 'answer') this._answers.set(markKey(pending.target), { mark: pending.body as AnswerMark, revision: pending.revision });
      else this._scripts.set(pending.target.candidateId, { mark: pending.body as ScriptMark, revision: pending.revision });
      if (!queue.has(pending.target)) queue.put(pending);
    }
    this._view = view;
    this._items = itemsOf(view, this._mode);
    const at = keep ? this._items.findIndex((i) => sameItem(i, keep)) : -1;
    this._index = at >= 0 ? at : 0;
    if (first || at < 0) this._row = this._firstMissingRow(this._items[this._index]);
    void this._loadOthers(view);
    if (first) {
      await this.updateComplete;
      this.focus();
    }
  }

  private async _loadOthers(view: WorkspaceView) {
    const others = new Map<number, ReadingsView>();
    for (const s of view.scripts.filter((x) => x.othersVisible)) {
      try {
        others.set(s.candidateId, await this.api.get<ReadingsView>(`/api/grading/sessions/${view.session.id}/scripts/${s.candidateId}/readings`));
      } catch {
        // Shown again on the next load.
      }
    }
    this._others = others;
  }

  private async _send(mark: PendingMark): Promise<MarkSaveResult> {
    const base = `/api/grading/sessions/${this.sessionId}`;
    try {
      if (mark.target.kind === 'answer') {
        return await this.api.post<MarkSaveResult>(`${base}/answer-marks`, { candidateId: mark.target.candidateId, questionId: mark.target.questionId, revision: mark.revision, ...(mark.body as AnswerMark) });
      }
      return await this.api.post<MarkSaveResult>(`${base}/script-marks`, { candidateId: mark.target.candidateId, revision: mark.revision, ...(mark.body as ScriptMark) });
    } catch (err) {
      const e = err instanceof ApiError ? err : new ApiError(0, 'network', String(err));
      const failure: SendFailure = { status: e.status, code: e.code, message: e.message };
      if (!e.transient && e.status !== 401) this._status = gt('save.refused', { message: e.message });
      throw failure;
    }
  }

  private _held(target: MarkTarget): Held<AnswerMark> | Held<ScriptMark> | undefined {
    return target.kind === 'answer' ? this._answers.get(markKey(target)) : this._scripts.get(target.candidateId);
  }

  // ---------- what is where ----------

  private _script(candidateId: number): ScriptView {
    return this._view!.scripts.find((s) => s.candidateId === candidateId)!;
  }

  private _rowsOf(item: Item | undefined): Row[] {
    if (!item || !this._view) return [];
    if (item.kind === 'script') return scriptRows(this._view);
    const q = questionsOf(this._view).find((x) => x.question.id === item.questionId)!;
    return answerRows(q.question, q.readingRubricId !== null, isAnswered(this._script(item.candidateId), item.questionId));
  }

  private _marksOf(item: Item): { answer: AnswerMark | null; script: ScriptMark | null } {
    if (item.kind === 'answer') return { answer: this._answers.get(answerKey(item.candidateId, item.questionId))?.mark ?? null, script: null };
    return { answer: null, script: this._scripts.get(item.candidateId)?.mark ?? null };
  }

  private _missing(item: Item): Row[] {
    const m = this._marksOf(item);
    return missingOn(this._rowsOf(item), m.answer, m.script);
  }

  private _firstMissingRow(item: Item | undefined): number {
    if (!item) return 0;
    const rows = this._rowsOf(item);
    const m = this._marksOf(item);
    const missing = missingOn(rows, m.answer, m.script)[0];
    return missing ? rows.indexOf(missing) : 0;
  }

  private _readOnly(item: Item): boolean {
    return this._view?.session.gradingClosedAt != null || this._script(item.candidateId).finishedAt !== null;
  }

  // ---------- keyboard ----------

  private readonly _onKey = (event: KeyboardEvent) => {
    const origin = event.composedPath()[0] as HTMLElement | undefined;
    if (origin && (origin.tagName === 'TEXTAREA' || origin.tagName === 'INPUT' || origin.tagName === 'SELECT')) return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (this._confirm) {
      if (event.key === 'Enter') void this._finish();
      else if (event.key === 'Escape') this._confirm = null;
      else return;
      event.preventDefault();
      return;
    }
    const item = this._items[this._index];
    if (!item) return;
    const rows = this._rowsOf(item);
    const row = rows[this._row];
    let handled = true;
    switch (event.key) {
      case 'ArrowDown':
        this._row = Math.min(rows.length - 1, this._row + 1);
        break;
      case 'ArrowUp':
        this._row = Math.max(0, this._row - 1);
        break;
      case 'ArrowRight':
      case 'Enter':
        this._go(this._index + 1);
        break;
      case 'ArrowLeft':
        this._go(this._index - 1);
        break;
      case 'PageDown':
        this._go(this._blockStart(1));
        break;
      case 'PageUp':
        this._go(this._blockStart(-1));
        break;
      case 'Home':
        this._go(0);
        break;
      case 'End':
        this._go(this._items.length - 1);
        break;
      case 'n':
      case 'N':
        this._goToNextMissing();
        break;
      case 'c':
      case 'C':
        this._row = rows.findIndex((r) => r.kind === 'comment');
        void this.updateComplete.then(() => (item.kind === 'answer' ? this._answerView : this._scriptView)?.focusComment());
        break;
      case 'v':
      case 'V':
        this._setMode(this._mode === 'question' ? 'script' : 'question');
        break;
      case 'f':
      case 'F':
        this._askFinish(item.candidateId);
        break;
      case 'o':
      case 'O':
        void this._reopen(item.candidateId);
        break;
      case '?':
      case 'h':
      case 'H':
        this._help = !this._help;
        break;
      case 'Escape':
        this._help = false;
        break;
      default: {
        const level = row ? levelsOf(row).find((l) => l.key === event.key) : undefined;
        if (level && row) this._choose(item, this._row, level.level);
        else handled = false;
      }
    }
    if (handled) event.preventDefault();
  };

  /** The first item of the next (or previous) block: a question in question order, a script in script order. */
  private _blockStart(direction: 1 | -1): number {
    const blockOf = (i: Item) => (this._mode === 'question' ? (i.kind === 'answer' ? `q:${i.questionId}` : 'script') : `c:${i.candidateId}`);
    const current = blockOf(this._items[this._index]!);
    if (direction === 1) {
      const next = this._items.findIndex((i, n) => n > this._index && blockOf(i) !== current);
      return next < 0 ? this._items.length - 1 : next;
    }
    let start = this._index;
    while (start > 0 && blockOf(this._items[start - 1]!) === current) start--;
    if (start === 0) return 0;
    const previous = blockOf(this._items[start - 1]!);
    let at = start - 1;
    while (at > 0 && blockOf(this._items[at - 1]!) === previous) at--;
    return at;
  }

  private _go(index: number) {
    const clamped = Math.max(0, Math.min(this._items.length - 1, index));
    if (clamped === this._index) return;
    this._index = clamped;
    this._row = this._firstMissingRow(this._items[clamped]);
    this._status = '';
  }

  private _goToNextMissing() {
    for (let step = 1; step <= this._items.length; step++) {
      const n = (this._index + step) % this._items.length;
      const item = this._items[n]!;
      if (!this._readOnly(item) && this._missing(item).length > 0) {
        this._go(n);
        return;
      }
    }
    this._status = gt('allDone');
  }

  private _setMode(mode: Mode) {
    if (!this._view || mode === this._mode) return;
    const keep = this._items[this._index];
    this._mode = mode;
    try {
      localStorage.setItem(MODE_KEY, mode);
    } catch {
      // Not remembered after a reload: harmless.
    }
    this._items = itemsOf(this._view, mode);
    this._index = Math.max(0, keep ? this._items.findIndex((i) => sameItem(i, keep)) : 0);
  }

  // ---------- changing marks ----------

  private _choose(item: Item, rowIndex: number, level: string | number) {
    if (this._readOnly(item)) {
      this._status = this._view?.session.gradingClosedAt != null ? gt('closedReadOnly') : gt('readOnly');
      return;
    }
    const rows = this._rowsOf(item);
    const row = rows[rowIndex];
    if (!row) return;
    const { answer, script } = this._marksOf(item);
    const next = withLevel(row, answer ?? emptyAnswerMark(), script ?? emptyScriptMark(), level);
    this._store(item, next.answer, next.script);
    // On to the next row; the comment row is the last stop, from which Enter moves on.
    this._row = Math.min(rows.length - 1, rowIndex + 1);
  }

  private _store(item: Item, answer: AnswerMark, script: ScriptMark) {
    const queue = this._queue.queue!;
    if (item.kind === 'answer') {
      const key = answerKey(item.candidateId, item.questionId);
      const revision = (this._answers.get(key)?.revision ?? 0) + 1;
      this._answers.set(key, { mark: answer, revision });
      queue.put({ target: { kind: 'answer', candidateId: item.candidateId, questionId: item.questionId }, revision, body: answer });
    } else {
      const revision = (this._scripts.get(item.candidateId)?.revision ?? 0) + 1;
      this._scripts.set(item.candidateId, { mark: script, revision });
      queue.put({ target: { kind: 'script', candidateId: item.candidateId }, revision, body: script });
    }
    this.requestUpdate();
  }

  private _onComment(event: CustomEvent<CommentChangedDetail>) {
    const item = this._items[this._index];
    if (!item || this._readOnly(item)) return;
    const { answer, script } = this._marksOf(item);
    if (item.kind === 'answer') this._store(item, { ...(answer ?? emptyAnswerMark()), comment: event.detail.text }, emptyScriptMark());
    else this._store(item, emptyAnswerMark(), { ...(script ?? emptyScriptMark()), comment: event.detail.text });
  }

  private _onLevel(event: CustomEvent<LevelChosenDetail>) {
    const item = this._items[this._index];
    if (item) this._choose(item, event.detail.rowIndex, event.detail.level);
    this.focus();
  }

  // ---------- finishing ----------

  private _askFinish(candidateId: number) {
    const script = this._script(candidateId);
    if (script.finishedAt !== null) {
      this._status = gt('readOnly');
      return;
    }
    const missing = this._items.filter((i) => i.candidateId === candidateId).flatMap((i) => this._missing(i).map((r) => describeRow(i, r)));
    if (missing.length > 0) {
      this._status = gt('finishIncomplete', { n: missing.length, list: missing.slice(0, 8).join(', ') + (missing.length > 8 ? '…' : '') });
      return;
    }
    this._confirm = { candidateId, code: script.code };
  }

  private async _finish() {
    const confirm = this._confirm;
    if (!confirm) return;
    this._confirm = null;
    this._status = gt('finishWaiting');
    const queue = this._queue.queue!;
    const saved = await queue.settled((t) => t.candidateId === confirm.candidateId);
    if (!saved) {
      this._status = gt('save.offline', { n: queue.size });
      return;
    }
    try {
      await this.api.post(`/api/grading/sessions/${this.sessionId}/scripts/${confirm.candidateId}/finish`, {});
      await this._load();
      this._status = gt('finished', { code: confirm.code });
    } catch (err) {
      this._status = err instanceof Error ? err.message : String(err);
    }
    this.focus();
  }

  private async _reopen(candidateId: number) {
    const script = this._script(candidateId);
    if (script.finishedAt === null) return;
    try {
      await this.api.post(`/api/grading/sessions/${this.sessionId}/scripts/${candidateId}/reopen`, {});
      await this._load();
      this._status = gt('reopened', { code: script.code });
    } catch (err) {
      this._status = err instanceof Error ? err.message : String(err);
    }
  }

  // ---------- rendering ----------

  override render() {
    void this.i18n;
    if (this._error) return html`<p class="error" role="alert">${this._error}</p>`;
    const view = this._view;
    if (!view) return html`<p>${gt('title')}…</p>`;
    const notice = view.notice === 'session-not-ended' ? gt('session.notEnded') : view.notice === 'not-distributed' ? gt('session.notDistributed') : null;
    const item = this._items[this._index];
    return html`
      <div class="bar">
        <h2>${view.session.title}</h2>
        <div class="modes" role="group" aria-label=${gt('mode.label')}>
          <button type="button" aria-pressed=${this._mode === 'question' ? 'true' : 'false'} @click=${() => this._setMode('question')}>${gt('mode.question')}</button>
          <button type="button" aria-pressed=${this._mode === 'script' ? 'true' : 'false'} @click=${() => this._setMode('script')}>${gt('mode.script')}</button>
        </div>
        ${this._renderSave()}
      </div>
      ${notice ? html`<p class="notice">${notice}</p>` : nothing}
      ${view.session.gradingClosedAt != null ? html`<p class="notice">${gt('closedReadOnly')}</p>` : nothing}
      <p class="status-line" role="status" aria-live="polite">${this._status}</p>
      ${item ? this._renderItem(view, item) : nothing}
      ${this._help ? this._renderHelp() : nothing}
      <p class="keys">${gt('helpShort')}</p>
      ${this._confirm
        ? html`<div class="dialog-backdrop">
            <div class="dialog panel" role="alertdialog" aria-modal="true" aria-labelledby="confirm-text">
              <p id="confirm-text">${gt('finishConfirm', { code: this._confirm.code })}</p>
              <div class="buttons">
                <button type="button" @click=${() => (this._confirm = null)}>${gt('cancel')}</button>
                <button type="button" class="primary" @click=${() => void this._finish()}>${gt('confirm')}</button>
              </div>
            </div>
          </div>`
        : nothing}
    `;
  }

  private _renderSave() {
    const queue = this._queue.queue;
    const state = queue?.state ?? 'saved';
    const n = queue?.size ?? 0;
    const text = state === 'saved' ? gt('save.saved') : state === 'saving' ? gt('save.saving', { n }) : state === 'offline' ? gt('save.offline', { n }) : gt('save.loggedOut', { n });
    return html`<span class="save ${state}" data-state=${state} role="status">${text}</span>`;
  }

  private _renderItem(view: WorkspaceView, item: Item) {
    const script = this._script(item.candidateId);
    const scripts = view.scripts.length;
    const sIndex = view.scripts.indexOf(script) + 1;
    const questions = questionsOf(view);
    const rows = this._rowsOf(item);
    const { answer, script: scriptMark } = this._marksOf(item);
    const readOnly = this._readOnly(item);
    const total = this._items.filter((i) => i.candidateId === item.candidateId).reduce((n, i) => n + this._rowsOf(i).filter((r) => r.kind !== 'comment').length, 0);
    const missing = this._items.filter((i) => i.candidateId === item.candidateId).reduce((n, i) => n + this._missing(i).length, 0);
    const where = html`<div class="where">
      <strong class="code">${gt('script.code', { code: script.code })}</strong>
      <span>${gt('script.reading', { n: script.reading })}${script.reading === 3 ? html` · ${gt('script.thirdReading')}` : nothing}</span>
      ${script.finishedAt !== null ? html`<span class="badge ok">${gt('script.finished')}</span>` : nothing}
      <span class="meta">${item.kind === 'answer' ? gt('pos.question', { q: questions.findIndex((q) => q.question.id === item.questionId) + 1, nq: questions.length }) : gt('writing')}
        · ${gt('pos.script', { s: sIndex, ns: scripts })} · ${gt('progress', { done: total - missing, total })}</span>
      ${readOnly ? html`<span class="meta">${view.session.gradingClosedAt != null ? gt('closedReadOnly') : gt('readOnly')}</span>` : nothing}
    </div>`;
    if (item.kind === 'answer') {
      const q = questions.find((x) => x.question.id === item.questionId)!;
      const rubric = view.pack.rubrics.reading.find((r) => r.id === q.readingRubricId) ?? null;
      const others = this._others.get(item.candidateId)?.readings ?? [];
      return html`${where}<lectern-answer-judgement
          .question=${q.question}
          .answer=${script.answers.find((a) => a.questionId === item.questionId)!}
          .rows=${rows}
          .currentRow=${this._row}
          .mark=${answer}
          .rubric=${rubric}
          .others=${others}
          .code=${script.code}
          .language=${q.language}
          ?readOnly=${readOnly}
          @level-chosen=${this._onLevel}
          @comment-changed=${this._onComment}
          @comment-done=${() => this.focus()}
        ></lectern-answer-judgement>`;
    }
    return html`${where}<lectern-script-judgement
        .view=${view}
        .script=${script}
        .rows=${rows}
        .currentRow=${this._row}
        .mark=${scriptMark}
        .others=${this._others.get(item.candidateId) ?? null}
        ?readOnly=${readOnly}
        @level-chosen=${this._onLevel}
        @comment-changed=${this._onComment}
        @comment-done=${() => this.focus()}
      ></lectern-script-judgement>`;
  }

  private _renderHelp() {
    return html`<div class="help panel" role="region" aria-label=${gt('help.title')}>
      <h3>${gt('help.title')}</h3>
      <ul>
        <li>${gt('help.levels')}</li>
        <li>${gt('help.rows')}</li>
        <li>${gt('help.items')}</li>
        <li>${gt('help.other')}</li>
      </ul>
    </div>`;
  }
}

function answerKey(candidateId: number, questionId: string): string {
  return markKey({ kind: 'answer', candidateId, questionId });
}

function describeRow(item: Item, row: Row): string {
  const where = item.kind === 'answer' ? item.questionId : '';
  switch (row.kind) {
    case 'keyPoint':
      return `${where}/${row.id}`;
    case 'interpretation':
      return `${where}/${gt('interpretation').toLowerCase()}`;
    case 'band':
    case 'competence':
      return `${row.rubricId}/${row.criterionId}`;
    case 'comment':
      return '';
  }
}

function readMode(): Mode {
  try {
    return localStorage.getItem(MODE_KEY) === 'script' ? 'script' : 'question';
  } catch {
    return 'question';
  }
}

function safeStorage() {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-grading-workspace': LecternGradingWorkspace;
  }
}
