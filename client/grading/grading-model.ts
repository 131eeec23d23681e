// The grading view's model, without DOM: the order in which answers come (by question or by
// script), the rows a corrector judges on each, the keys for each level, and what is still missing.
import type { AnswerMark, ScriptMark, WorkspaceView, QuestionView, ScriptView } from '../../server/contract/grading.js';
import { isAnsweredText, isJudged } from '../../server/contract/rules/judged.js';
import { bandLevels, competenceLevels, interpretationLevels, keyPointLevels, type ScaleLevel } from '../../server/contract/rules/rubric-scales.js';

export type Mode = 'question' | 'script';

export type Item = { kind: 'answer'; candidateId: number; questionId: string } | { kind: 'script'; candidateId: number };

export type Row =
  | { kind: 'keyPoint'; id: string; text: string }
  | { kind: 'interpretation' }
  | { kind: 'band'; rubricId: string; criterionId: string }
  | { kind: 'competence'; rubricId: string; criterionId: string }
  | { kind: 'comment' };

/** A level of a scale and the key that sets it: the contract's scales, best first. */
export type Level<L extends string | number = string | number> = ScaleLevel<L>;
export { bandLevels, competenceLevels, interpretationLevels, keyPointLevels };

export function levelsOf(row: Row): Level[] {
  switch (row.kind) {
    case 'keyPoint':
      return keyPointLevels;
    case 'interpretation':
      return interpretationLevels;
    case 'competence':
      return competenceLevels;
    case 'band':
      return bandLevels;
    case 'comment':
      return [];
  }
}

export function questionsOf(view: WorkspaceView): { question: QuestionView; readingRubricId: string | null; language: 'en' | 'fr' }[] {
  return view.pack.sections.flatMap((s) => s.questions.map((question) => ({ question, readingRubricId: s.readingRubricId, language: s.answerLanguage })));
}

export function hasScriptItem(view: WorkspaceView): boolean {
  return view.pack.rubrics.writing.length > 0 || view.pack.rubrics.competence.length > 0;
}

/** By question: each question across every script, then each script's writing. By script: each script whole. */
export function itemsOf(view: WorkspaceView, mode: Mode): Item[] {
  const questions = questionsOf(view).map((q) => q.question.id);
  const scripts = view.scripts.map((s) => s.candidateId);
  const scriptItems = hasScriptItem(view) ? scripts.map((candidateId): Item => ({ kind: 'script', candidateId })) : [];
  if (mode === 'question') {
    return [...questions.flatMap((questionId) => scripts.map((candidateId): Item => ({ kind: 'answer', candidateId, questionId }))), ...scriptItems];
  }
  return scripts.flatMap((candidateId) => [
    ...questions.map((questionId): Item => ({ kind: 'answer', candidateId, questionId })),
    ...(hasScriptItem(view) ? [{ kind: 'script', candidateId } as Item] : []),
  ]);
}

export function sameItem(a: Item, b: Item): boolean {
  return a.kind === b.kind && a.candidateId === b.candidateId && (a.kind === 'script' || (b.kind === 'answer' && a.questionId === b.questionId));
}

export function answerRows(question: QuestionView, graded: boolean, answered: boolean): Row[] {
  if (!answered) return [{ kind: 'comment' }];
  return [
    ...question.keyPoints.map((k): Row => ({ kind: 'keyPoint', id: k.id, text: k.text })),
    ...(graded ? [{ kind: 'interpretation' } as Row] : []),
    { kind: 'comment' },
  ];
}

export function scriptRows(view: WorkspaceView): Row[] {
  return [
    ...view.pack.rubrics.writing.flatMap((r) => r.criteria.map((c): Row => ({ kind: 'band', rubricId: r.id, criterionId: c.id }))),
    ...view.pack.rubrics.competence.flatMap((r) => r.criteria.map((c): Row => ({ kind: 'competence', rubricId: r.id, criterionId: c.id }))),
    { kind: 'comment' },
  ];
}

export const emptyAnswerMark = (): AnswerMark => ({ keyPoints: {}, interpretation: null, comment: '' });
export const emptyScriptMark = (): ScriptMark => ({ writing: {}, competence: {}, comment: '' });

/** The level a row holds in a mark, or undefined when not judged yet. */
export function levelIn(row: Row, answer: AnswerMark | null, script: ScriptMark | null): string | number | undefined {
  switch (row.kind) {
    case 'keyPoint':
      return answer?.keyPoints[row.id];
    case 'interpretation':
      return answer?.interpretation ?? undefined;
    case 'band':
      return script?.writing[row.rubricId]?.[row.criterionId];
    case 'competence':
      return script?.competence[row.rubricId]?.[row.criterionId];
    case 'comment':
      return undefined;
  }
}

/** A copy of the mark with the row set to `level`. */
export function withLevel(row: Row, answer: AnswerMark, script: ScriptMark, level: string | number): { answer: AnswerMark; script: ScriptMark } {
  switch (row.kind) {
    case 'keyPoint':
      return { answer: { ...answer, keyPoints: { ...answer.keyPoints, [row.id]: level as AnswerMark['keyPoints'][string] } }, script };
    case 'interpretation':
      return { answer: { ...answer, interpretation: level as AnswerMark['interpretation'] }, script };
    case 'band':
      return { answer, script: { ...script, writing: { ...script.writing, [row.rubricId]: { ...script.writing[row.rubricId], [row.criterionId]: Number(level) } } } };
    case 'competence':
      return {
        answer,
        script: { ...script, competence: { ...script.competence, [row.rubricId]: { ...script.competence[row.rubricId], [row.criterionId]: level as ScriptMark['competence'][string][string] } } },
      };
    case 'comment':
      return { answer, script };
  }
}

export function isAnswered(script: ScriptView, questionId: string): boolean {
  return isAnsweredText(script.answers.find((a) => a.questionId === questionId)?.text ?? '');
}

/** Judgement rows of an item still empty (the comment is never required). */
export function missingOn(rows: Row[], answer: AnswerMark | null, script: ScriptMark | null): Row[] {
  return rows.filter((r) => r.kind !== 'comment' && !isJudged(levelIn(r, answer, script)));
}

/** The text of an answer cut into plain and copied segments, for highlighting. */
export function segments(text: string, runs: { start: number; end: number }[]): { text: string; copied: boolean }[] {
  const out: { text: string; copied: boolean }[] = [];
  let at = 0;
  for (const run of [...runs].sort((a, b) => a.start - b.start)) {
    if (run.start < at) continue;
    if (run.start > at) out.push({ text: text.slice(at, run.start), copied: false });
    out.push({ text: text.slice(run.start, run.end), copied: true });
    at = run.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), copied: false });
  return out;
}
