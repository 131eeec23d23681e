// Item statistics of one form (a pack digest) over the candidates whose scripts are settled:
// per key point and per question facility, share of "partly", omission, misunderstanding,
// discrimination and agreement between the two readings; per section alpha and the SEM.
import { keyPointJudgements } from '../../contract/rules/rubric-scales.js';
import type { AgreementFigures } from '../../contract/grading-evidence.js';
import type { KeyPointStatistics, QuestionStatistics, SectionStatistics } from '../../contract/statistics.js';
import { agreement } from '../agreement.js';
import { judgementOf, keyPointScore, type CandidateEvidence, type Form, type FormQuestion, type FormSection } from './evidence.js';
import { cronbachAlpha, mean, pearson, sampleVariance, standardErrorOfMeasurement } from './formulas.js';
import { flagsOfItem, THRESHOLDS } from './thresholds.js';

/** Worst first, as agreement() wants its scale: missing, partly, found. */
const keyPointScale = [...keyPointJudgements].reverse();

const share = (count: number, of: number): number | null => (of === 0 ? null : count / of);
const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

interface KeyPointRef {
  questionId: string;
  keyPointId: string;
}

/** The judgements of the settling readings on the non-empty answers, for the share of "partly". */
function partlyShare(candidates: readonly CandidateEvidence[], refs: readonly KeyPointRef[]): number | null {
  let partly = 0;
  let all = 0;
  for (const c of candidates) {
    for (const { questionId, keyPointId } of refs) {
      if (!c.answered.has(questionId)) continue;
      for (const r of c.settling) {
        all++;
        if (judgementOf(r, questionId, keyPointId) === 'partly') partly++;
      }
    }
  }
  return share(partly, all);
}

/** First against second reading on the non-empty answers (an empty answer is not judged). */
function agreementOf(candidates: readonly CandidateEvidence[], refs: readonly KeyPointRef[]): AgreementFigures {
  const pairs: [string, string][] = [];
  for (const c of candidates) {
    if (!c.pair) continue;
    for (const { questionId, keyPointId } of refs) {
      if (c.answered.has(questionId)) pairs.push([judgementOf(c.pair[0], questionId, keyPointId), judgementOf(c.pair[1], questionId, keyPointId)]);
    }
  }
  return agreement(keyPointScale, pairs);
}

function misunderstandingRate(candidates: readonly CandidateEvidence[], questionId: string): number | null {
  let misread = 0;
  let judged = 0;
  for (const c of candidates) {
    if (!c.answered.has(questionId)) continue;
    for (const r of c.settling) {
      const interpretation = r.get(questionId)?.interpretation ?? null;
      if (interpretation === null) continue;
      judged++;
      if (interpretation === 'misunderstanding') misread++;
    }
  }
  return share(misread, judged);
}

/** Figures of an item made of `refs` (one key point, or a question's key points). */
function itemFigures(candidates: readonly CandidateEvidence[], refs: readonly KeyPointRef[], totals: readonly number[], questionId: string) {
  const scores = candidates.map((c) => sum(refs.map((r) => keyPointScore(c, r.questionId, r.keyPointId))));
  const m = mean(scores);
  const facility = m === null || refs.length === 0 ? null : m / refs.length;
  const discrimination = pearson(scores, scores.map((s, i) => totals[i]! - s));
  const agreed = agreementOf(candidates, refs);
  return {
    candidates: candidates.length,
    facility,
    partlyShare: partlyShare(candidates, refs),
    omissionRate: share(candidates.filter((c) => !c.answered.has(questionId)).length, candidates.length),
    discrimination,
    agreement: agreed,
    flags: flagsOfItem(facility, discrimination, agreed.kappa),
  };
}

function questionStatistics(candidates: readonly CandidateEvidence[], q: FormQuestion, totals: readonly number[]): QuestionStatistics {
  const refs = q.keyPoints.map((kp) => ({ questionId: q.id, keyPointId: kp.id }));
  const keyPoints: KeyPointStatistics[] = q.keyPoints.map((kp) => ({
    keyPointId: kp.id,
    text: kp.text,
    ...itemFigures(candidates, [{ questionId: q.id, keyPointId: kp.id }], totals, q.id),
  }));
  return {
    questionId: q.id,
    maxPoints: q.keyPoints.length,
    ...itemFigures(candidates, refs, totals, q.id),
    misunderstandingRate: misunderstandingRate(candidates, q.id),
    keyPoints,
  };
}

export function sectionStatistics(section: FormSection, candidates: readonly CandidateEvidence[]): SectionStatistics {
  const refs = section.questions.flatMap((q) => q.keyPoints.map((kp) => ({ questionId: q.id, keyPointId: kp.id })));
  // scores[candidate][key point]: the matrix alpha is computed over.
  const scores = candidates.map((c) => refs.map((r) => keyPointScore(c, r.questionId, r.keyPointId)));
  const totals = scores.map(sum);
  const variance = sampleVariance(totals);
  const sdTotal = variance === null ? null : Math.sqrt(variance);
  const alpha = cronbachAlpha(scores);
  return {
    sectionId: section.id,
    title: section.title,
    candidates: candidates.length,
    items: refs.length,
    maxPoints: refs.length,
    meanTotal: mean(totals),
    sdTotal,
    alpha,
    sem: standardErrorOfMeasurement(sdTotal, alpha),
    cutScore: section.cutShare === null ? null : section.cutShare * refs.length,
    lowReliability: alpha !== null && alpha < THRESHOLDS.minAlpha,
    questions: section.questions.map((q) => questionStatistics(candidates, q, totals)),
  };
}

/** Sections with key points only: a section judged on the whole script has no items here. */
export function formStatistics(form: Form, candidates: readonly CandidateEvidence[]): SectionStatistics[] {
  return form.sections.filter((s) => s.questions.some((q) => q.keyPoints.length > 0)).map((s) => sectionStatistics(s, candidates));
}
