// From judgements to decisions: the pack's thresholds turn one reading of a script into a decision
// per criterion (B2 reading reached or not, B1 writing reached or not, each competence criterion met
// or not), each with the evidence behind it. Two readings disagree when a decision differs or a
// writing band differs by more than one; then a third reading settles the script.
import type { CompetenceRubric, ReadingRubric, WritingRubric } from '../content/pack-types.js';
import type { AnswerMark, GradingModel, ScriptMark } from './rubric-model.js';
import type { CompetenceEvidence, Decision, Disagreement, LinkedKeyPoint, QuestionEvidence } from '../contract/grading-evidence.js';

export type { CompetenceEvidence, Decision, Disagreement, QuestionEvidence, ReadingEvidence, WritingEvidence } from '../contract/grading-evidence.js';

/** Largest difference between two readers' bands that still counts as agreement. */
export const MAX_BAND_GAP = 1;

export interface ReadingMarks {
  answers: ReadonlyMap<string, AnswerMark>;
  script: ScriptMark | null;
  /** Questions with a non-empty answer. */
  answered: ReadonlySet<string>;
}

const keyPointValue = { found: 1, partly: 0.5, missing: 0 } as const;

export function decide(model: GradingModel, marks: ReadingMarks): Decision[] {
  return [
    ...model.reading.map((rubric) => readingDecision(model, rubric, marks)),
    ...model.writing.map((rubric) => writingDecision(rubric, marks)),
    ...model.competence.flatMap((rubric) => competenceDecisions(model, rubric, marks)),
  ];
}

/** B2 reading: the share of key points found over the rubric's questions, and the misunderstandings. */
function readingDecision(model: GradingModel, rubric: ReadingRubric, marks: ReadingMarks): Decision {
  const questions: QuestionEvidence[] = [];
  let found = 0;
  let partly = 0;
  let missing = 0;
  let misunderstandings = 0;
  let points = 0;
  for (const g of model.questions) {
    if (g.reading?.id !== rubric.id) continue;
    const answered = marks.answered.has(g.question.id);
    const mark = answered ? marks.answers.get(g.question.id) : undefined;
    const q: QuestionEvidence = { questionId: g.question.id, answered, found: 0, partly: 0, missing: 0, interpretation: mark?.interpretation ?? null, comment: mark?.comment ?? '' };
    for (const kp of g.question.keyPoints) {
      const level = mark?.keyPoints[kp.id] ?? 'missing';
      q[level]++;
      points += keyPointValue[level];
    }
    found += q.found;
    partly += q.partly;
    missing += q.missing;
    if (q.interpretation === 'misunderstanding') misunderstandings++;
    questions.push(q);
  }
  const total = found + partly + missing;
  const share = total === 0 ? 0 : points / total;
  return {
    key: rubric.id,
    rubricId: rubric.id,
    kind: 'reading',
    title: rubric.title,
    // A float share is compared with a small tolerance: 0.6 stored as 0.6000000001 must still pass.
    reached: share + 1e-9 >= rubric.threshold.minKeyPointShare && misunderstandings <= rubric.threshold.maxMisunderstandings,
    evidence: { kind: 'reading', keyPoints: { found, partly, missing, total }, share, misunderstandings, questions, threshold: rubric.threshold },
  };
}

/** B1 writing: every criterion's band at least the minimum, and their total too. */
function writingDecision(rubric: WritingRubric, marks: ReadingMarks): Decision {
  const bands: Record<string, number> = {};
  for (const c of rubric.criteria) bands[c.id] = marks.script?.writing[rubric.id]?.[c.id] ?? 0;
  const values = Object.values(bands);
  const total = values.reduce((s, b) => s + b, 0);
  return {
    key: rubric.id,
    rubricId: rubric.id,
    kind: 'writing',
    title: rubric.title,
    reached: values.every((b) => b >= rubric.threshold.minBandEach) && total >= rubric.threshold.minTotal,
    evidence: { kind: 'writing', bands, total, threshold: rubric.threshold },
  };
}

/**
 * One decision per competence criterion: met, or partly met where the rubric counts that. The
 * criterion is judged as a whole by the corrector; the key points the pack links to it
 * (`criterion:`) are its evidence, carried with the decision to the jury.
 */
function competenceDecisions(model: GradingModel, rubric: CompetenceRubric, marks: ReadingMarks): Decision[] {
  return rubric.criteria.map((c) => {
    const judgement = marks.script?.competence[rubric.id]?.[c.id] ?? null;
    const evidence: CompetenceEvidence = { kind: 'competence', judgement, partlyCountsAsMet: rubric.threshold.partlyCountsAsMet };
    const linked = linkedKeyPoints(model, rubric.id, c.id, marks);
    if (linked.length) evidence.linkedKeyPoints = summarise(linked);
    return {
      key: `${rubric.id}/${c.id}`,
      rubricId: rubric.id,
      kind: 'competence',
      title: c.title,
      reached: judgement === 'met' || (judgement === 'partly' && rubric.threshold.partlyCountsAsMet),
      evidence,
    };
  });
}

/** The key points of the rubric's sections linked to one criterion, with this reading's levels. */
function linkedKeyPoints(model: GradingModel, rubricId: string, criterionId: string, marks: ReadingMarks): LinkedKeyPoint[] {
  const sections = new Set(model.pack.sections.filter((s) => s.rubricIds.includes(rubricId)).map((s) => s.id));
  const out: LinkedKeyPoint[] = [];
  for (const g of model.questions) {
    if (!sections.has(g.sectionId)) continue;
    const mark = marks.answered.has(g.question.id) ? marks.answers.get(g.question.id) : undefined;
    for (const kp of g.question.keyPoints) {
      if (kp.criterion !== criterionId) continue;
      out.push({ questionId: g.question.id, keyPointId: kp.id, text: kp.text, level: mark?.keyPoints[kp.id] ?? 'missing' });
    }
  }
  return out;
}

function summarise(items: LinkedKeyPoint[]): NonNullable<CompetenceEvidence['linkedKeyPoints']> {
  const count = (level: LinkedKeyPoint['level']) => items.filter((i) => i.level === level).length;
  const points = items.reduce((sum, i) => sum + keyPointValue[i.level], 0);
  return { found: count('found'), partly: count('partly'), missing: count('missing'), total: items.length, share: points / items.length, items };
}

/** Why two readings of a script disagree; empty when they agree. */
export function disagreements(model: GradingModel, first: Decision[], second: Decision[]): Disagreement[] {
  const out: Disagreement[] = [];
  for (const a of first) {
    const b = second.find((d) => d.key === a.key);
    if (!b) continue;
    if (a.reached !== b.reached) out.push({ key: a.key, kind: 'decision', title: a.title, values: [String(a.reached), String(b.reached)] });
    if (a.evidence.kind === 'writing' && b.evidence.kind === 'writing') {
      const rubric = model.writing.find((r) => r.id === a.rubricId);
      for (const [criterionId, band] of Object.entries(a.evidence.bands)) {
        const other = b.evidence.bands[criterionId] ?? 0;
        const title = rubric?.criteria.find((c) => c.id === criterionId)?.title ?? { fr: criterionId, en: criterionId };
        if (Math.abs(band - other) > MAX_BAND_GAP) out.push({ key: a.key, kind: 'band-gap', title, criterionId, values: [band, other] });
      }
    }
  }
  return out;
}
