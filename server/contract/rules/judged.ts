// What counts as answered and what is still to judge: the server refuses to finish a reading with
// a judgement missing, and the grading view marks the same rows as "not judged". One rule for both.
import type { AnswerMark, ScriptMark } from '../grading.js';

/** An answer of blank space is no answer: its key points count as missing, nothing to judge. */
export function isAnsweredText(text: string): boolean {
  return text.trim() !== '';
}

/** A row is judged once it holds a level: band 0 is a judgement, an empty or missing level is not. */
export function isJudged(level: string | number | null | undefined): boolean {
  return level !== undefined && level !== null && level !== '';
}

/** The parts of a paper that take a judgement. */
export interface JudgedPaper {
  /** `graded`: the question's section has a reading rubric, so its interpretation is judged too. */
  questions: readonly { id: string; keyPoints: readonly { id: string }[]; graded: boolean }[];
  writing: readonly { id: string; criteria: readonly { id: string }[] }[];
  competence: readonly { id: string; criteria: readonly { id: string }[] }[];
}

/**
 * What is still to be judged before a reading can be finished, as "q1/kp2", "q1/interpretation",
 * "<rubric>/<criterion>". An unanswered question needs nothing.
 */
export function missingJudgements(
  paper: JudgedPaper,
  answered: ReadonlySet<string>,
  answers: ReadonlyMap<string, AnswerMark>,
  script: ScriptMark | null,
): string[] {
  const missing: string[] = [];
  for (const q of paper.questions) {
    if (!answered.has(q.id)) continue;
    const mark = answers.get(q.id);
    for (const kp of q.keyPoints) if (!isJudged(mark?.keyPoints[kp.id])) missing.push(`${q.id}/${kp.id}`);
    if (q.graded && !isJudged(mark?.interpretation)) missing.push(`${q.id}/interpretation`);
  }
  for (const r of paper.writing) for (const c of r.criteria) if (!isJudged(script?.writing[r.id]?.[c.id])) missing.push(`${r.id}/${c.id}`);
  for (const r of paper.competence) for (const c of r.criteria) if (!isJudged(script?.competence[r.id]?.[c.id])) missing.push(`${r.id}/${c.id}`);
  return missing;
}
