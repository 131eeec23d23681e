// The timing rules on a small invented data set, every figure worked out by hand below.
import { describe, expect, it } from 'vitest';
import { attributeTime, lastGrowth, median, timingFigures, type TimedSave, type TimingInput } from '../../../../server/grading/statistics/timing-figures.js';

const s = (candidateId: number, questionId: string, savedAt: number, words: number): TimedSave => ({ candidateId, questionId, savedAt, words });

// Session started at 0. Question qa (target 10 words), then qb (target 20), the last one.
// Candidate 1: qa 60 s (3 words), qa 90 s (8), qb 150 s (5), qa 200 s (12), qb 260 s (25), qb 300 s (25).
//   Gaps to the later save's question: qa 30 + 50 = 80 s; qb 60 + 60 + 40 = 160 s.
//   Last growth: qa at 200 s (8 -> 12), qb at 260 s (the 300 s save adds nothing). Final: qa 12, qb 25.
// Candidate 2: qa 120 s (4), qa 180 s (10), qa 240 s (6: words deleted). Never reaches qb.
//   qa: 60 + 60 = 120 s; last growth at 180 s. Final: qa 6.
// Candidate 3 came and wrote nothing. Candidate 4 was absent: not among the candidates who came,
// and its stray save must be ignored.
const saves = [
  s(1, 'qa', 60_000, 3), s(1, 'qa', 90_000, 8), s(1, 'qb', 150_000, 5), s(1, 'qa', 200_000, 12), s(1, 'qb', 260_000, 25), s(1, 'qb', 300_000, 25),
  s(2, 'qa', 120_000, 4), s(2, 'qa', 180_000, 10), s(2, 'qa', 240_000, 6),
  s(4, 'qa', 10_000, 50),
];
const input = (): TimingInput => ({
  startedAt: new Map([[1, 0], [2, 0], [3, 0], [4, 0]]),
  candidateIds: [1, 2, 3],
  questions: [{ questionId: 'qa', targetWords: 10 }, { questionId: 'qb', targetWords: 20 }],
  saves,
  finalWords: new Map([[1, new Map([['qa', 12], ['qb', 25]])], [2, new Map([['qa', 6]])], [4, new Map([['qa', 50]])]]),
});

describe('timing figures', () => {
  it('median of odd and even counts, none for nothing', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('give the gap between two saves to the later save’s question, and nothing before the first save', () => {
    expect(Object.fromEntries(attributeTime(saves.filter((x) => x.candidateId === 1)))).toEqual({ qa: 80_000, qb: 160_000 });
    expect(Object.fromEntries(attributeTime(saves.filter((x) => x.candidateId === 2)))).toEqual({ qa: 120_000 });
  });

  it('find the last save that added words', () => {
    expect(lastGrowth(saves.filter((x) => x.candidateId === 2))).toBe(180_000);
    expect(lastGrowth(saves.filter((x) => x.candidateId === 1 && x.questionId === 'qb'))).toBe(260_000);
    expect(lastGrowth([s(9, 'qa', 5, 0)])).toBeNull();
  });

  it('per question: reached, first save, time spent, words against the target, last growth', () => {
    const f = timingFigures(input());
    expect(f.candidates).toBe(3);
    const [qa, qb] = f.questions;
    // qa: finals 12, 6, 0 -> reached 2/3; first saves 60 and 120 s -> 90 s; spent 80 and 120 s -> 100 s;
    // words / target 1.2, 0.6, 0 -> 0.6; at the target (10) only candidate 1 -> 1/3; growth 200 and 180 s -> 190 s.
    expect(qa).toEqual({ questionId: 'qa', targetWords: 10, candidates: 3, reachedShare: 2 / 3, medianFirstSaveMs: 90_000, medianTimeSpentMs: 100_000, medianWordsToTarget: 0.6, reachedTargetShare: 1 / 3, medianLastGrowthMs: 190_000 });
    // qb: only candidate 1 wrote: 150 s, 160 s, 260 s; words / target 1.25, 0, 0 -> 0; 1/3 at the target.
    expect(qb).toEqual({ questionId: 'qb', targetWords: 20, candidates: 3, reachedShare: 1 / 3, medianFirstSaveMs: 150_000, medianTimeSpentMs: 160_000, medianWordsToTarget: 0, reachedTargetShare: 1 / 3, medianLastGrowthMs: 260_000 });
    // The last question is qb: 1 of 3. Last growth over all answers: 260 s and 180 s -> 220 s.
    expect(f.reachedLastShare).toBeCloseTo(1 / 3, 12);
    expect(f.medianLastGrowthMs).toBe(220_000);
  });

  it('pool sessions candidate by candidate, each counted from its own start', () => {
    const pooled = input();
    // A fifth candidate in a session started at 1,000 s, first save of qa 30 s after its start.
    pooled.startedAt.set(5, 1_000_000);
    pooled.candidateIds.push(5);
    pooled.saves = [...saves, s(5, 'qa', 1_030_000, 10)];
    pooled.finalWords.set(5, new Map([['qa', 10]]));
    const qa = timingFigures(pooled).questions[0]!;
    expect(qa.medianFirstSaveMs).toBe(60_000); // 60, 120 and 30 s
    expect(qa.reachedShare).toBe(3 / 4);
    expect(qa.medianTimeSpentMs).toBe(80_000); // 80, 120 and 0 s (a single save spends nothing)
  });

  it('say nothing rather than zero when nobody came', () => {
    const f = timingFigures({ startedAt: new Map(), candidateIds: [], questions: [{ questionId: 'qa', targetWords: 10 }], saves: [], finalWords: new Map() });
    expect(f.reachedLastShare).toBeNull();
    expect(f.questions[0]!.medianWordsToTarget).toBeNull();
    expect(f.medianLastGrowthMs).toBeNull();
  });
});
