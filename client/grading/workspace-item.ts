// The item on screen in the grading workspace: where it is (script, reading, position, progress),
// then the answer's or the script's judgement. Rendered into the workspace's own shadow root.
import { html, nothing } from 'lit';
import type { ReadingsView } from '../../server/contract/grading.js';
import { questionsOf, type Item } from './grading-model.js';
import type { LevelChosenDetail } from './judgement-rows.js';
import type { CommentChangedDetail } from './lectern-answer-judgement.js';
import type { WorkspaceModel } from './workspace-model.js';
import './lectern-answer-judgement.js';
import './lectern-script-judgement.js';
import { t } from '../common/staff-i18n.js';

export interface ItemOnScreen {
  model: WorkspaceModel;
  items: readonly Item[];
  item: Item;
  currentRow: number;
  others: ReadonlyMap<number, ReadingsView>;
  onLevel: (event: CustomEvent<LevelChosenDetail>) => void;
  onComment: (event: CustomEvent<CommentChangedDetail>) => void;
  onCommentDone: () => void;
}

function renderWhere({ model, items, item }: ItemOnScreen) {
  const view = model.view;
  const script = model.script(item.candidateId);
  const questions = questionsOf(view);
  const { done, total } = model.progress(items, item.candidateId);
  const position =
    item.kind === 'answer' ? t('grading.pos.question', { q: questions.findIndex((q) => q.question.id === item.questionId) + 1, nq: questions.length }) : t('grading.writing');
  return html`<div class="where">
    <strong class="code">${t('grading.script.code', { code: script.code })}</strong>
    <span>${t('grading.script.reading', { n: script.reading })}${script.reading === 3 ? html` · ${t('grading.script.thirdReading')}` : nothing}</span>
    ${script.finishedAt !== null ? html`<span class="badge ok">${t('grading.script.finished')}</span>` : nothing}
    <span class="meta">${position}
      · ${t('grading.pos.script', { s: view.scripts.indexOf(script) + 1, ns: view.scripts.length })} · ${t('grading.progress', { done, total })}</span>
    ${model.readOnly(item) ? html`<span class="meta">${model.gradingClosed ? t('grading.closedReadOnly') : t('grading.readOnly')}</span>` : nothing}
  </div>`;
}

export function renderItem(screen: ItemOnScreen) {
  const { model, item, currentRow, others } = screen;
  const view = model.view;
  const script = model.script(item.candidateId);
  const rows = model.rowsOf(item);
  const { answer, script: scriptMark } = model.marksOf(item);
  const readOnly = model.readOnly(item);
  const where = renderWhere(screen);
  if (item.kind === 'answer') {
    const q = questionsOf(view).find((x) => x.question.id === item.questionId);
    const answered = script.answers.find((a) => a.questionId === item.questionId);
    if (!q || !answered) return where;
    const rubric = view.pack.rubrics.reading.find((r) => r.id === q.readingRubricId) ?? null;
    return html`${where}<lectern-answer-judgement
        .question=${q.question}
        .answer=${answered}
        .rows=${rows}
        .currentRow=${currentRow}
        .mark=${answer}
        .rubric=${rubric}
        .others=${others.get(item.candidateId)?.readings ?? []}
        .code=${script.code}
        .language=${q.language}
        ?readOnly=${readOnly}
        @level-chosen=${screen.onLevel}
        @comment-changed=${screen.onComment}
        @comment-done=${screen.onCommentDone}
      ></lectern-answer-judgement>`;
  }
  return html`${where}<lectern-script-judgement
      .view=${view}
      .script=${script}
      .rows=${rows}
      .currentRow=${currentRow}
      .mark=${scriptMark}
      .answerMarks=${new Map(questionsOf(view).map(({ question }) => [question.id, model.marksOf({ kind: 'answer', candidateId: item.candidateId, questionId: question.id }).answer]))}
      .others=${others.get(item.candidateId) ?? null}
      ?readOnly=${readOnly}
      @level-chosen=${screen.onLevel}
      @comment-changed=${screen.onComment}
      @comment-done=${screen.onCommentDone}
    ></lectern-script-judgement>`;
}
