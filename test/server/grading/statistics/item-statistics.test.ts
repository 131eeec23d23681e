// Item statistics against values worked out by hand on a small invented data set. Every expected
// figure below is computed in the comments with the textbook formula, not with the code under test
// (the correlations were also checked with Python's statistics.correlation).
import { describe, expect, it } from 'vitest';
import type { AnswerJudgements, CandidateEvidence, FormSection, ReadingJudgements } from '../../../../server/grading/statistics/evidence.js';
import { formStatistics, sectionStatistics } from '../../../../server/grading/statistics/item-statistics.js';
import { cronbachAlpha, pearson, sampleVariance, standardErrorOfMeasurement } from '../../../../server/grading/statistics/formulas.js';
import { flagsOfItem } from '../../../../server/grading/statistics/thresholds.js';
import type { InterpretationJudgement, KeyPointJudgement } from '../../../../server/contract/rules/rubric-scales.js';

const section: FormSection = {
  id: 's1',
  title: { fr: 'Lecture', en: 'Reading' },
  cutShare: 0.5,
  questions: [
    { id: 'q1', keyPoints: [{ id: 'kp1', text: 'Q1 point 1' }, { id: 'kp2', text: 'Q1 point 2' }] },
    { id: 'q2', keyPoints: [{ id: 'kp1', text: 'Q2 point 1' }] },
  ],
};

type Marks = Record<string, [KeyPointJudgement[], InterpretationJudgement | null]>;
function reading(marks: Marks): ReadingJudgements {
  const map = new Map<string, AnswerJudgements>();
  for (const [q, [kps, interpretation]] of Object.entries(marks)) {
    map.set(q, { keyPoints: Object.fromEntries(kps.map((j, i) => [`kp${i + 1}`, j])), interpretation });
  }
  return map;
}
function single(code: string, answered: string[], marks: Marks): CandidateEvidence {
  return { sessionId: 1, candidateCode: code, answered: new Set(answered), settling: [reading(marks)], pair: null };
}

// Scores (found 1, partly 0.5, missing 0; empty answer 0), items q1/kp1, q1/kp2, q2/kp1:
//   A: 1   1   1    total 3      (interpretations q1 correct, q2 correct)
//   B: 1   0.5 0    total 1.5    (q1 misunderstanding, q2 correct)
//   C: 0.5 0   1    total 1.5    (q1 partial, q2 correct)
//   D: -   -   0    total 0      (q1 empty; q2 misunderstanding)
const candidates = [
  single('A', ['q1', 'q2'], { q1: [['found', 'found'], 'correct'], q2: [['found'], 'correct'] }),
  single('B', ['q1', 'q2'], { q1: [['found', 'partly'], 'misunderstanding'], q2: [['missing'], 'correct'] }),
  single('C', ['q1', 'q2'], { q1: [['partly', 'missing'], 'partial'], q2: [['found'], 'correct'] }),
  // D's q1 marks are there but the answer is empty: it scores 0 and counts as an omission.
  single('D', ['q2'], { q1: [['found', 'found'], 'correct'], q2: [['missing'], 'misunderstanding'] }),
];

describe('item statistics on the invented data set', () => {
  const stats = sectionStatistics(section, candidates);
  const [q1, q2] = stats.questions;
  const [kp1, kp2] = q1!.keyPoints;

  it('facility: mean score / maximum', () => {
    // q1/kp1: (1 + 1 + 0.5 + 0) / 4 = 0.625; q1/kp2: (1 + 0.5 + 0 + 0) / 4 = 0.375;
    // q2/kp1: (1 + 0 + 1 + 0) / 4 = 0.5; q1: mean of (2, 1.5, 0.5, 0) = 1, over 2 points = 0.5.
    expect(kp1!.facility).toBeCloseTo(0.625, 10);
    expect(kp2!.facility).toBeCloseTo(0.375, 10);
    expect(q2!.keyPoints[0]!.facility).toBeCloseTo(0.5, 10);
    expect(q1!.facility).toBeCloseTo(0.5, 10);
    expect(q1!.maxPoints).toBe(2);
  });

  it('share of "partly", omission and misunderstanding rates', () => {
    // q1/kp1 on the 3 non-empty answers: found, found, partly -> 1/3; q1/kp2: found, partly, missing -> 1/3;
    // q1 pooled: 2 of 6; q2/kp1: no partly in 4 -> 0.
    expect(kp1!.partlyShare).toBeCloseTo(1 / 3, 10);
    expect(kp2!.partlyShare).toBeCloseTo(1 / 3, 10);
    expect(q1!.partlyShare).toBeCloseTo(2 / 6, 10);
    expect(q2!.partlyShare).toBe(0);
    // q1 empty for D: 1 of 4; q2 never empty.
    expect(q1!.omissionRate).toBe(0.25);
    expect(kp1!.omissionRate).toBe(0.25);
    expect(q2!.omissionRate).toBe(0);
    // q1: B misunderstood of the 3 non-empty answers (D's marks on an empty answer do not count); q2: D, 1 of 4.
    expect(q1!.misunderstandingRate).toBeCloseTo(1 / 3, 10);
    expect(q2!.misunderstandingRate).toBe(0.25);
  });

  it('discrimination: Pearson of the item with the section total minus the item', () => {
    // q1/kp1 x = (1, 1, 0.5, 0), rest = total - x = (2, 0.5, 1, 0). Deviations from the means
    // 0.625 and 0.875: dx = (.375, .375, -.125, -.625), dy = (1.125, -.375, .125, -.875).
    // Σdxdy = .421875 - .140625 - .015625 + .546875 = .8125; Σdx² = .6875; Σdy² = 2.1875;
    // r = .8125 / √(.6875 × 2.1875) = .8125 / 1.2263386 = 0.662541.
    expect(kp1!.discrimination).toBeCloseTo(0.662541, 5);
    // q1/kp2 x = (1, .5, 0, 0), rest = (2, 1, 1.5, 0): dx = (.625, .125, -.375, -.375),
    // dy = (.875, -.125, .375, -1.125): Σdxdy = .8125, Σdx² = .6875, Σdy² = 2.1875: the same r.
    expect(kp2!.discrimination).toBeCloseTo(0.662541, 5);
    // q1 x = (2, 1.5, .5, 0), rest = q2 = (1, 0, 1, 0): dx = (1, .5, -.5, -1), dy = (.5, -.5, .5, -.5):
    // Σdxdy = .5 - .25 - .25 + .5 = .5; Σdx² = 2.5; Σdy² = 1; r = .5 / √2.5 = 0.316228. q2 is the mirror.
    expect(q1!.discrimination).toBeCloseTo(0.316228, 5);
    expect(q2!.discrimination).toBeCloseTo(0.316228, 5);
  });

  it("alpha: Cronbach's over the key points, and the SEM at the cut score", () => {
    // Totals (3, 1.5, 1.5, 0): mean 1.5, Σd² = 2.25 + 0 + 0 + 2.25 = 4.5, variance 4.5 / 3 = 1.5.
    // Item Σd²: .6875, .6875 and 1 (q2: (±.5)² × 4): Σ variances = 2.375 / 3.
    // alpha = 3/2 × (1 - (2.375 / 3) / 1.5) = 1.5 × (1 - 2.375 / 4.5) = 17/24 = 0.708333.
    expect(stats.alpha).toBeCloseTo(17 / 24, 10);
    expect(stats.meanTotal).toBe(1.5);
    expect(stats.sdTotal).toBeCloseTo(Math.sqrt(1.5), 10);
    // SEM = SD × √(1 - alpha) = √1.5 × √(7/24) = √0.4375 = 0.661438; cut = 0.5 × 3 points = 1.5.
    expect(stats.sem).toBeCloseTo(0.661438, 5);
    expect(stats.cutScore).toBe(1.5);
    expect(stats.items).toBe(3);
    expect(stats.candidates).toBe(4);
    expect(stats.lowReliability).toBe(false); // 0.708 >= 0.7
  });

  it('no pair of readings: agreement has no pair and no kappa', () => {
    expect(kp1!.agreement).toEqual({ pairs: 0, exact: null, adjacent: null, kappa: null });
  });
});

describe('agreement per key point between the two readings', () => {
  // Six non-empty answers judged twice on q2/kp1 (missing 0, partly 1, found 2):
  // (2,2) (1,2) (0,0) (2,1) (0,0) (1,1); a seventh candidate left q2 empty: not a pair.
  // Exact: 4 of 6. Quadratic weights w = (i - j)² / (3 - 1)²: Σ w·O = 1/4 + 1/4 = 0.5.
  // Margins: first (2, 2, 2), second (2, 2, 2), so every expected cell is 2 × 2 / 6 = 2/3 and
  // Σ w·E = 2/3 × (1/4 + 1 + 1/4 + 1/4 + 1 + 1/4) = 2/3 × 3 = 2. Kappa = 1 - 0.5 / 2 = 0.75.
  const levels: KeyPointJudgement[] = ['missing', 'partly', 'found'];
  const pairs: [number, number][] = [[2, 2], [1, 2], [0, 0], [2, 1], [0, 0], [1, 1]];
  const twice = pairs.map(([a, b], i): CandidateEvidence => {
    const first = reading({ q1: [['found', 'found'], 'correct'], q2: [[levels[a]!], 'correct'] });
    const second = reading({ q1: [['found', 'found'], 'correct'], q2: [[levels[b]!], 'correct'] });
    return { sessionId: 1, candidateCode: `P${i}`, answered: new Set(['q1', 'q2']), settling: [first, second], pair: [first, second] };
  });
  const empty = reading({ q1: [['found', 'found'], 'correct'], q2: [['found'], 'correct'] });
  const other = reading({ q1: [['found', 'found'], 'correct'], q2: [['missing'], 'correct'] });
  twice.push({ sessionId: 2, candidateCode: 'E', answered: new Set(['q1']), settling: [empty, other], pair: [empty, other] });

  it('exact share, weighted kappa and the number of pairs', () => {
    const stats = sectionStatistics(section, twice);
    const kp = stats.questions[1]!.keyPoints[0]!;
    expect(kp.agreement.pairs).toBe(6);
    expect(kp.agreement.exact).toBeCloseTo(4 / 6, 10);
    expect(kp.agreement.kappa).toBeCloseTo(0.75, 10);
    expect(kp.flags).not.toContain('low-agreement');
    // A settled script read twice scores the mean of its readings: P1 (partly, found) scores 0.75.
    // Facility of q2/kp1: scores (1, .75, 0, .75, 0, .5, 0 for E's empty answer) / 7 = 3 / 7.
    expect(kp.facility).toBeCloseTo(3 / 7, 10);
    // q1/kp1 always found by both: all the same level, kappa not defined; the item is too easy.
    const easy = stats.questions[0]!.keyPoints[0]!;
    expect(easy.agreement.kappa).toBeNull();
    expect(easy.agreement.exact).toBe(1);
    expect(easy.flags).toContain('too-easy');
  });
});

describe('formulas and flags', () => {
  it('match textbook values', () => {
    // (2, 4, 4, 4, 5, 5, 7, 9): mean 5, Σd² = 32, sample variance 32 / 7.
    expect(sampleVariance([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(32 / 7, 10);
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(cronbachAlpha([[1], [0]])).toBeNull(); // one item
    // Two identical items 0/1 over (1, 0): variances 0.5 each, total (2, 0) variance 2: 2 × (1 - 1/2) = 1.
    expect(cronbachAlpha([[1, 1], [0, 0]])).toBeCloseTo(1, 12);
    expect(standardErrorOfMeasurement(2, 0.75)).toBeCloseTo(1, 12);
    expect(standardErrorOfMeasurement(2, -0.1)).toBeNull();
  });

  it('flag items at the stated thresholds', () => {
    expect(flagsOfItem(0.19, 0.5, 0.8)).toEqual(['too-hard']);
    expect(flagsOfItem(0.2, 0.2, 0.6)).toEqual([]);
    expect(flagsOfItem(0.91, 0.19, 0.59)).toEqual(['too-easy', 'low-discrimination', 'low-agreement']);
    expect(flagsOfItem(null, null, null)).toEqual([]);
  });

  it('leave out a section without key points', () => {
    const none: FormSection = { id: 's2', title: { fr: 'Écrit', en: 'Writing' }, cutShare: null, questions: [{ id: 'w1', keyPoints: [] }] };
    expect(formStatistics({ packDigest: 'd', sections: [section, none] }, candidates).map((s) => s.sectionId)).toEqual(['s1']);
  });
});
