// What a corrector judges in a pack, taken from the pack's rubrics, and the check of every grade
// against it: a grade for a criterion the rubric does not have, or outside its scale, is refused.
import type { CompetenceRubric, Pack, Question, ReadingRubric, WritingRubric } from '../content/pack-types.js';
import { competenceJudgements, interpretationJudgements, keyPointJudgements } from '../db/schema/grading.js';
import { userError } from '../errors.js';
import type { AnswerMark, ScriptMark } from '../contract/grading.js';
import { MAX_BAND, MIN_BAND } from '../contract/rules/rubric-scales.js';
import { MAX_COMMENT_CHARS } from '../contract/rules/limits.js';
import { missingJudgements as missingOnPaper } from '../contract/rules/judged.js';

export type { AnswerMark, ScriptMark } from '../contract/grading.js';
export { MAX_BAND, MAX_COMMENT_CHARS, MIN_BAND };

export interface GradedQuestion {
  sectionId: string;
  question: Question;
  /** The reading rubric of the question's section: key points and interpretation count towards it. */
  reading: ReadingRubric | null;
}

export interface GradingModel {
  pack: Pack;
  questions: GradedQuestion[];
  questionById: Map<string, GradedQuestion>;
  reading: ReadingRubric[];
  writing: WritingRubric[];
  competence: CompetenceRubric[];
}

export function gradingModel(pack: Pack): GradingModel {
  const questions: GradedQuestion[] = [];
  const used = new Set<string>();
  for (const section of pack.sections) {
    const rubrics = section.rubricIds.map((id) => pack.rubrics[id]).filter((r) => r !== undefined);
    rubrics.forEach((r) => used.add(r.id));
    const reading = rubrics.find((r): r is ReadingRubric => r.kind === 'reading') ?? null;
    for (const question of section.questions) questions.push({ sectionId: section.id, question, reading });
  }
  // In the order the pack declares them, so reports list criteria as the author wrote them.
  const all = Object.values(pack.rubrics).filter((r) => used.has(r.id));
  return {
    pack,
    questions,
    questionById: new Map(questions.map((q) => [q.question.id, q])),
    reading: all.filter((r): r is ReadingRubric => r.kind === 'reading'),
    writing: all.filter((r): r is WritingRubric => r.kind === 'writing'),
    competence: all.filter((r): r is CompetenceRubric => r.kind === 'competence'),
  };
}

const list = (items: readonly string[]) => items.map((i) => `"${i}"`).join(', ');

/** Refuses (400, nothing stored) a mark that does not fit the question's rubric. */
export function validateAnswerMark(model: GradingModel, questionId: string, mark: AnswerMark): GradedQuestion {
  const graded = model.questionById.get(questionId);
  if (!graded) {
    throw userError(400, 'unknown-question', `There is no question "${questionId}" in this exam; its questions are ${list([...model.questionById.keys()])}.`);
  }
  const kpIds = graded.question.keyPoints.map((k) => k.id);
  for (const [id, level] of Object.entries(mark.keyPoints)) {
    if (!kpIds.includes(id)) {
      throw userError(400, 'unknown-criterion', `Question ${questionId} has no key point "${id}"; its key points are ${list(kpIds)}.`);
    }
    if (!(keyPointJudgements as readonly string[]).includes(level)) {
      throw userError(400, 'out-of-scale', `Key point ${questionId}/${id}: "${String(level)}" is not a level of the scale (${list(keyPointJudgements)}).`);
    }
  }
  if (mark.interpretation !== null) {
    if (!graded.reading) {
      throw userError(400, 'unknown-criterion', `Question ${questionId} is not graded for reading: it takes no interpretation judgement.`);
    }
    if (!(interpretationJudgements as readonly string[]).includes(mark.interpretation)) {
      throw userError(400, 'out-of-scale', `Interpretation of ${questionId}: "${String(mark.interpretation)}" is not a level of the scale (${list(interpretationJudgements)}).`);
    }
  }
  if (mark.comment.length > MAX_COMMENT_CHARS) throw userError(400, 'comment-too-long', `A comment holds at most ${MAX_COMMENT_CHARS} characters.`);
  return graded;
}

/** Refuses (400, nothing stored) script marks that do not fit the pack's writing and competence rubrics. */
export function validateScriptMark(model: GradingModel, mark: ScriptMark): void {
  for (const [rubricId, bands] of Object.entries(mark.writing)) {
    const rubric = model.writing.find((r) => r.id === rubricId);
    if (!rubric) {
      throw userError(400, 'unknown-criterion', `There is no writing rubric "${rubricId}" in this exam${model.writing.length ? `; it has ${list(model.writing.map((r) => r.id))}` : ''}.`);
    }
    const ids = rubric.criteria.map((c) => c.id);
    for (const [criterionId, band] of Object.entries(bands)) {
      if (!ids.includes(criterionId)) {
        throw userError(400, 'unknown-criterion', `The writing rubric "${rubricId}" has no criterion "${criterionId}"; its criteria are ${list(ids)}.`);
      }
      if (!Number.isInteger(band) || band < MIN_BAND || band > MAX_BAND) {
        throw userError(400, 'out-of-scale', `Writing criterion ${rubricId}/${criterionId}: the band must be a whole number from ${MIN_BAND} to ${MAX_BAND}, not ${String(band)}.`);
      }
    }
  }
  for (const [rubricId, judgements] of Object.entries(mark.competence)) {
    const rubric = model.competence.find((r) => r.id === rubricId);
    if (!rubric) {
      throw userError(400, 'unknown-criterion', `There is no competence rubric "${rubricId}" in this exam${model.competence.length ? `; it has ${list(model.competence.map((r) => r.id))}` : ''}.`);
    }
    const ids = rubric.criteria.map((c) => c.id);
    for (const [criterionId, level] of Object.entries(judgements)) {
      if (!ids.includes(criterionId)) {
        throw userError(400, 'unknown-criterion', `The competence rubric "${rubricId}" has no criterion "${criterionId}"; its criteria are ${list(ids)}.`);
      }
      if (!(competenceJudgements as readonly string[]).includes(level)) {
        throw userError(400, 'out-of-scale', `Competence criterion ${rubricId}/${criterionId}: "${String(level)}" is not a level of the scale (${list(competenceJudgements)}).`);
      }
    }
  }
  if (mark.comment.length > MAX_COMMENT_CHARS) throw userError(400, 'comment-too-long', `A comment holds at most ${MAX_COMMENT_CHARS} characters.`);
}

/**
 * What is still to be judged before a reading can be finished. An unanswered question needs
 * nothing: its key points count as missing.
 */
export function missingJudgements(
  model: GradingModel,
  answered: ReadonlySet<string>,
  answers: ReadonlyMap<string, AnswerMark>,
  script: ScriptMark | null,
): string[] {
  // The rule itself is the contract's, so the grading view marks exactly what the server asks for.
  const paper = {
    questions: model.questions.map((g) => ({ id: g.question.id, keyPoints: g.question.keyPoints, graded: g.reading !== null })),
    writing: model.writing,
    competence: model.competence,
  };
  return missingOnPaper(paper, answered, answers, script);
}
