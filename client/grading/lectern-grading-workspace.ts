import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { AnswerMark, ReadingsView, ScriptMark, WorkspaceView } from '../../server/contract/grading.js';
import type { ApiClient } from '../common/api.js';
import { I18nController } from '../common/i18n.js';
import { browserStorage } from '../common/local-store.js';
import { baseStyles } from '../common/styles.js';
import { gradingStyles } from './grading-styles.js';
import { emptyAnswerMark, emptyScriptMark, itemsOf, sameItem, withLevel, type Item, type Mode } from './grading-model.js';
import { finishScript, loadOtherReadings, loadWorkspace, reopenScript, sendMark } from './grading-calls.js';
import { blockStart, confirmCommand, gradingCommand, leavesKeyAlone, type GradingCommand } from './grading-keys.js';
import { MarkQueue, MarkQueueController } from './mark-queue.js';
import type { LevelChosenDetail } from './judgement-rows.js';
import type { CommentChangedDetail, LecternAnswerJudgement } from './lectern-answer-judgement.js';
import type { LecternScriptJudgement } from './lectern-script-judgement.js';
import { renderItem } from './workspace-item.js';
import { WorkspaceMarks, targetOf } from './workspace-marks.js';
import { WorkspaceModel } from './workspace-model.js';
import { describeRow, readMode, rememberMode, renderBar, renderFinishConfirm, renderHelp } from './workspace-parts.js';
import { workspaceStyles } from './workspace-styles.js';
import { t } from '../common/staff-i18n.js';

/**
 * The corrector's workspace. Every answer of the corrector's scripts is loaded once, so moving on
 * never waits for the network; marks go through the mark queue, which numbers them and keeps them
 * on the workstation until the server has committed them. Everything is done from the keyboard
 * (grading-keys.ts; see the help line).
 */
@customElement('lectern-grading-workspace')
export class LecternGradingWorkspace extends LitElement {
  static override styles = [baseStyles, gradingStyles, workspaceStyles];

  @property({ attribute: false }) api!: ApiClient;
  @property({ type: Number }) sessionId = 0;

  @state() private _model: WorkspaceModel | null = null;
  @state() private _error = '';
  @state() private _mode: Mode = readMode();
  @state() private _index = 0;
  @state() private _row = 0;
  @state() private _status = '';
  @state() private _help = false;
  @state() private _confirm: { candidateId: number; code: string } | null = null;
  @state() private _others = new Map<number, ReadingsView>();

  private readonly _marks = new WorkspaceMarks();
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
      view = await loadWorkspace(this.api, this.sessionId);
    } catch (err) {
      this._error = err instanceof Error ? err.message : String(err);
      return;
    }
    const held = this._marks.takeServer(view);
    this._queue.queue ??= new MarkQueue({
      storage: browserStorage(),
      accountId: view.corrector.accountId,
      sessionId: view.session.id,
      send: (mark) => sendMark(this.api, this.sessionId, mark, (message) => (this._status = t('grading.save.refused', { message }))),
      onChange: () => this.requestUpdate(),
    });
    for (const newer of this._queue.queue.load(held)) this._marks.overlay(newer);
    const model = new WorkspaceModel(view, this._marks);
    this._model = model;
    this._items = itemsOf(view, this._mode);
    const at = keep ? this._items.findIndex((i) => sameItem(i, keep)) : -1;
    this._index = at >= 0 ? at : 0;
    if (first || at < 0) this._row = model.firstMissingRow(this._items[this._index]);
    void loadOtherReadings(this.api, view).then((others) => (this._others = others));
    if (first) {
      await this.updateComplete;
      this.focus();
    }
  }

  // ---------- keyboard ----------

  private readonly _onKey = (event: KeyboardEvent) => {
    const origin = event.composedPath()[0] as HTMLElement | undefined;
    if (leavesKeyAlone(event, origin?.tagName)) return;
    if (this._confirm) {
      const answer = confirmCommand(event.key);
      if (!answer) return;
      if (answer === 'confirm') void this._finish();
      else this._confirm = null;
      event.preventDefault();
      return;
    }
    const item = this._items[this._index];
    if (!item || !this._model) return;
    const command = gradingCommand(event.key, this._model.rowsOf(item)[this._row]);
    if (!command) return;
    this._run(command, item, this._model);
    event.preventDefault();
  };

  private _run(command: GradingCommand, item: Item, model: WorkspaceModel) {
    switch (command.kind) {
      case 'row':
        this._row = command.step === 1 ? Math.min(model.rowsOf(item).length - 1, this._row + 1) : Math.max(0, this._row - 1);
        break;
      case 'item':
        return this._go(this._index + command.step);
      case 'block':
        return this._go(blockStart(this._items, this._index, this._mode, command.step));
      case 'first':
        return this._go(0);
      case 'last':
        return this._go(this._items.length - 1);
      case 'next-missing':
        return this._goToNextMissing(model);
      case 'comment':
        this._row = model.rowsOf(item).findIndex((r) => r.kind === 'comment');
        void this.updateComplete.then(() => (item.kind === 'answer' ? this._answerView : this._scriptView)?.focusComment());
        break;
      case 'switch-mode':
        return this._setMode(this._mode === 'question' ? 'script' : 'question');
      case 'finish':
        return this._askFinish(item.candidateId, model);
      case 'reopen':
        return void this._reopen(item.candidateId, model);
      case 'toggle-help':
        this._help = !this._help;
        break;
      case 'close-help':
        this._help = false;
        break;
      case 'level':
        return this._choose(item, this._row, command.level);
    }
  }

  private _go(index: number) {
    const clamped = Math.max(0, Math.min(this._items.length - 1, index));
    if (clamped === this._index) return;
    this._index = clamped;
    this._row = this._model?.firstMissingRow(this._items[clamped]) ?? 0;
    this._status = '';
  }

  private _goToNextMissing(model: WorkspaceModel) {
    for (let step = 1; step <= this._items.length; step++) {
      const n = (this._index + step) % this._items.length;
      const item = this._items[n];
      if (item && !model.readOnly(item) && model.missing(item).length > 0) {
        this._go(n);
        return;
      }
    }
    this._status = t('grading.allDone');
  }

  private readonly _setModeTo = (mode: Mode) => this._setMode(mode);

  private _setMode(mode: Mode) {
    if (!this._model || mode === this._mode) return;
    const keep = this._items[this._index];
    this._mode = mode;
    rememberMode(mode);
    this._items = itemsOf(this._model.view, mode);
    this._index = Math.max(0, keep ? this._items.findIndex((i) => sameItem(i, keep)) : 0);
  }

  // ---------- changing marks ----------

  private _choose(item: Item, rowIndex: number, level: string | number) {
    const model = this._model;
    if (!model) return;
    if (model.readOnly(item)) {
      this._status = model.gradingClosed ? t('grading.closedReadOnly') : t('grading.readOnly');
      return;
    }
    const rows = model.rowsOf(item);
    const row = rows[rowIndex];
    if (!row) return;
    const { answer, script } = model.marksOf(item);
    const next = withLevel(row, answer ?? emptyAnswerMark(), script ?? emptyScriptMark(), level);
    this._store(item, next.answer, next.script);
    // On to the next row; the comment row is the last stop, from which Enter moves on.
    this._row = Math.min(rows.length - 1, rowIndex + 1);
  }

  /** The mark queue numbers the change and keeps it until the server has it; the view shows it at once. */
  private _store(item: Item, answer: AnswerMark, script: ScriptMark) {
    const mark = this._queue.queue!.change(targetOf(item), item.kind === 'answer' ? answer : script);
    this._marks.overlay(mark);
    this.requestUpdate();
  }

  private readonly _onComment = (event: CustomEvent<CommentChangedDetail>) => {
    const item = this._items[this._index];
    if (!item || !this._model || this._model.readOnly(item)) return;
    const { answer, script } = this._model.marksOf(item);
    if (item.kind === 'answer') this._store(item, { ...(answer ?? emptyAnswerMark()), comment: event.detail.text }, emptyScriptMark());
    else this._store(item, emptyAnswerMark(), { ...(script ?? emptyScriptMark()), comment: event.detail.text });
  };

  private readonly _onLevel = (event: CustomEvent<LevelChosenDetail>) => {
    const item = this._items[this._index];
    if (item) this._choose(item, event.detail.rowIndex, event.detail.level);
    this.focus();
  };

  private readonly _onCommentDone = () => this.focus();

  // ---------- finishing ----------

  private _askFinish(candidateId: number, model: WorkspaceModel) {
    const script = model.script(candidateId);
    if (script.finishedAt !== null) {
      this._status = t('grading.readOnly');
      return;
    }
    const missing = this._items.filter((i) => i.candidateId === candidateId).flatMap((i) => model.missing(i).map((r) => describeRow(i, r)));
    if (missing.length > 0) {
      this._status = t('grading.finishIncomplete', { n: missing.length, list: missing.slice(0, 8).join(', ') + (missing.length > 8 ? '…' : '') });
      return;
    }
    this._confirm = { candidateId, code: script.code };
  }

  private async _finish() {
    const confirm = this._confirm;
    if (!confirm) return;
    this._confirm = null;
    this._status = t('grading.finishWaiting');
    const queue = this._queue.queue!;
    const saved = await queue.settled((t) => t.candidateId === confirm.candidateId);
    if (!saved) {
      this._status = t('grading.save.offline', { n: queue.size });
      return;
    }
    try {
      await finishScript(this.api, this.sessionId, confirm.candidateId);
      await this._load();
      this._status = t('grading.finished', { code: confirm.code });
    } catch (err) {
      this._status = err instanceof Error ? err.message : String(err);
    }
    this.focus();
  }

  private async _reopen(candidateId: number, model: WorkspaceModel) {
    const script = model.script(candidateId);
    if (script.finishedAt === null) return;
    try {
      await reopenScript(this.api, this.sessionId, candidateId);
      await this._load();
      this._status = t('grading.reopened', { code: script.code });
    } catch (err) {
      this._status = err instanceof Error ? err.message : String(err);
    }
  }

  // ---------- rendering ----------

  override render() {
    void this.i18n;
    if (this._error) return html`<p class="error" role="alert">${this._error}</p>`;
    const model = this._model;
    if (!model) return html`<p>${t('grading.title')}…</p>`;
    const view = model.view;
    const notice = view.notice === 'session-not-ended' ? t('grading.session.notEnded') : view.notice === 'not-distributed' ? t('grading.session.notDistributed') : null;
    const item = this._items[this._index];
    const onScreen = { model, items: this._items, currentRow: this._row, others: this._others, onLevel: this._onLevel, onComment: this._onComment, onCommentDone: this._onCommentDone };
    return html`
      ${renderBar(view.session.title, this._mode, this._setModeTo, this._queue.queue)}
      ${notice ? html`<p class="notice">${notice}</p>` : nothing}
      ${model.gradingClosed ? html`<p class="notice">${t('grading.closedReadOnly')}</p>` : nothing}
      <p class="status-line" role="status" aria-live="polite">${this._status}</p>
      ${item ? renderItem({ ...onScreen, item }) : nothing}
      ${this._help ? renderHelp() : nothing}
      <p class="keys">${t('grading.helpShort')}</p>
      ${this._confirm ? renderFinishConfirm(this._confirm.code, () => (this._confirm = null), () => void this._finish()) : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-grading-workspace': LecternGradingWorkspace;
  }
}
