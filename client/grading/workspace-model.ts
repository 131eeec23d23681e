// What is where in a loaded grading workspace, without DOM: the rows of each item, the marks on
// them, what is still missing, and whether the corrector may still change them.
import type { AnswerMark, ScriptMark, ScriptView, WorkspaceView } from '../../server/contract/grading.js';
import { answerRows, isAnswered, missingOn, questionsOf, scriptRows, type Item, type Row } from './grading-model.js';
import type { WorkspaceMarks } from './workspace-marks.js';

export class WorkspaceModel {
  constructor(
    readonly view: WorkspaceView,
    private readonly marks: WorkspaceMarks,
  ) {}

  get gradingClosed(): boolean {
    return this.view.session.gradingClosedAt != null;
  }

  script(candidateId: number): ScriptView {
    const script = this.view.scripts.find((s) => s.candidateId === candidateId);
    if (!script) throw new RangeError(`No script of candidate ${candidateId} in this workspace`);
    return script;
  }

  rowsOf(item: Item | undefined): Row[] {
    if (!item) return [];
    if (item.kind === 'script') return scriptRows(this.view);
    const q = questionsOf(this.view).find((x) => x.question.id === item.questionId);
    if (!q) return [];
    return answerRows(q.question, q.readingRubricId !== null, isAnswered(this.script(item.candidateId), item.questionId));
  }

  marksOf(item: Item): { answer: AnswerMark | null; script: ScriptMark | null } {
    return this.marks.of(item);
  }

  missing(item: Item): Row[] {
    const m = this.marksOf(item);
    return missingOn(this.rowsOf(item), m.answer, m.script);
  }

  /** Where the keys start on an item: its first judgement still missing, else its first row. */
  firstMissingRow(item: Item | undefined): number {
    if (!item) return 0;
    const rows = this.rowsOf(item);
    const m = this.marksOf(item);
    const missing = missingOn(rows, m.answer, m.script)[0];
    return missing ? rows.indexOf(missing) : 0;
  }

  readOnly(item: Item): boolean {
    return this.gradingClosed || this.script(item.candidateId).finishedAt !== null;
  }

  /** Judgements made and to make on one candidate's script, over all its items (comments not counted). */
  progress(items: readonly Item[], candidateId: number): { done: number; total: number } {
    const own = items.filter((i) => i.candidateId === candidateId);
    const total = own.reduce((n, i) => n + this.rowsOf(i).filter((r) => r.kind !== 'comment').length, 0);
    const missing = own.reduce((n, i) => n + this.missing(i).length, 0);
    return { done: total - missing, total };
  }
}
