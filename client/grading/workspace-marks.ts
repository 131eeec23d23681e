// The marks the grading workspace shows: the server's, with this workstation's unacknowledged
// changes laid over them. Their revisions are the mark queue's business (mark-queue.ts).
import type { AnswerMark, ScriptMark, WorkspaceView } from '../../server/contract/grading.js';
import type { Item } from './grading-model.js';
import { markKey, type HeldRevision, type MarkTarget, type PendingMark } from './mark-queue.js';

export class WorkspaceMarks {
  private answers = new Map<string, AnswerMark>();
  private scripts = new Map<number, ScriptMark>();

  /** Replaces every mark by the server's; returns the revisions the server holds, for the mark queue. */
  takeServer(view: WorkspaceView): HeldRevision[] {
    this.answers = new Map();
    this.scripts = new Map();
    const held: HeldRevision[] = [];
    for (const script of view.scripts) {
      const candidateId = script.candidateId;
      for (const [questionId, m] of Object.entries(script.marks.answers)) {
        const target: MarkTarget = { kind: 'answer', candidateId, questionId };
        this.answers.set(markKey(target), { keyPoints: m.keyPoints, interpretation: m.interpretation, comment: m.comment });
        held.push({ target, revision: m.revision });
      }
      const m = script.marks.script;
      if (m) {
        this.scripts.set(candidateId, { writing: m.writing, competence: m.competence, comment: m.comment });
        held.push({ target: { kind: 'script', candidateId }, revision: m.revision });
      }
    }
    return held;
  }

  /** A change made here and not yet acknowledged: it is what the corrector last chose. */
  overlay(mark: PendingMark): void {
    if (mark.target.kind === 'answer') this.answers.set(markKey(mark.target), mark.body as AnswerMark);
    else this.scripts.set(mark.target.candidateId, mark.body as ScriptMark);
  }

  of(item: Item): { answer: AnswerMark | null; script: ScriptMark | null } {
    if (item.kind === 'answer') return { answer: this.answers.get(markKey(item)) ?? null, script: null };
    return { answer: null, script: this.scripts.get(item.candidateId) ?? null };
  }
}

/** The mark queue's name for what an item is marked on. */
export function targetOf(item: Item): MarkTarget {
  return item.kind === 'answer' ? { kind: 'answer', candidateId: item.candidateId, questionId: item.questionId } : { kind: 'script', candidateId: item.candidateId };
}
