import { describe, expect, it } from 'vitest';
import { agreement } from '../../../server/grading/agreement.js';

const bands = [0, 1, 2, 3, 4, 5];

describe('agreement', () => {
  it('matches a worked example on the 0–5 writing bands, computed by hand', () => {
    // Five scripts, (first corrector, second corrector):
    const pairs = [
      [3, 3],
      [3, 4],
      [2, 4],
      [5, 5],
      [1, 2],
    ] as const;
    // Exact: (3,3) and (5,5) → 2 / 5 = 0.4.
    // Adjacent (at most one band apart): differences 0, 1, 2, 0, 1 → 4 / 5 = 0.8.
    //
    // Quadratic weights on k = 6 levels: w(i, j) = (i − j)² / (k − 1)² = (i − j)² / 25.
    // Observed, Σ w·O: (3,4) 1/25 + (2,4) 4/25 + (1,2) 1/25 + (3,3) 0 + (5,5) 0 = 6/25 = 0.24.
    // Marginals: first corrector  r1 = 1, r2 = 1, r3 = 2, r5 = 1;
    //            second corrector c2 = 1, c3 = 1, c4 = 2, c5 = 1;  N = 5.
    // Expected, E(i, j) = r_i · c_j / N, so Σ w·E = Σ r_i c_j (i − j)² / (25 · 5):
    //   i = 1: 1·[1·1 + 1·4 + 2·9 + 1·16] = 39
    //   i = 2: 1·[1·0 + 1·1 + 2·4 + 1·9]  = 18
    //   i = 3: 2·[1·1 + 1·0 + 2·1 + 1·4]  = 14
    //   i = 5: 1·[1·9 + 1·4 + 2·1 + 1·0]  = 15
    //   total 86, so Σ w·E = 86 / 125 = 0.688.
    // κ = 1 − 0.24 / 0.688 = 1 − (6/25)·(125/86) = 1 − 15/43 = 28/43 ≈ 0.6512.
    const f = agreement(bands, pairs);
    expect(f.pairs).toBe(5);
    expect(f.exact).toBeCloseTo(0.4, 12);
    expect(f.adjacent).toBeCloseTo(0.8, 12);
    expect(f.kappa).toBeCloseTo(28 / 43, 12);
  });

  it('matches a worked example on a three-level scale where every cell of chance is the same', () => {
    // found/partly/missing as 2/1/0, six key points: (0,0) (1,1) (2,2) (0,1) (1,2) (2,0).
    // Exact 3/6 = 0.5; adjacent: all but (2,0) → 5/6.
    // Every row and column total is 2, N = 6, so every E(i, j) = 2·2/6 = 2/3.
    // Weights (i − j)²/4: 1/4 between neighbours, 1 between 0 and 2; Σ over all cells of w = 4·1/4 + 2·1 = 3.
    // Σ w·O = (0,1) 1/4 + (1,2) 1/4 + (2,0) 1 = 1.5;  Σ w·E = 3 · 2/3 = 2;  κ = 1 − 1.5/2 = 0.25.
    const levels = ['missing', 'partly', 'found'] as const;
    const f = agreement(levels, [
      ['missing', 'missing'],
      ['partly', 'partly'],
      ['found', 'found'],
      ['missing', 'partly'],
      ['partly', 'found'],
      ['found', 'missing'],
    ]);
    expect(f.exact).toBeCloseTo(0.5, 12);
    expect(f.adjacent).toBeCloseTo(5 / 6, 12);
    expect(f.kappa).toBeCloseTo(0.25, 12);
  });

  it("is Cohen's plain kappa on a two-level scale (decisions)", () => {
    // 10 scripts: both "reached" 6, both "not reached" 2, first yes / second no 1, first no / second yes 1.
    // p_o = 8/10 = 0.8. Marginals: first yes 7, second yes 7 → p_e = 0.7·0.7 + 0.3·0.3 = 0.58.
    // κ = (0.8 − 0.58) / (1 − 0.58) = 0.22 / 0.42 = 11/21. With two levels the only weight is 1, so the
    // quadratic-weighted kappa is the same: 1 − Σ w·O / Σ w·E = 1 − 2 / (2·7·3/10) = 1 − 2/4.2 = 11/21.
    const pairs: [boolean, boolean][] = [
      ...Array.from({ length: 6 }, (): [boolean, boolean] => [true, true]),
      [false, false],
      [false, false],
      [true, false],
      [false, true],
    ];
    expect(agreement([false, true], pairs).kappa).toBeCloseTo(11 / 21, 12);
  });

  it('gives kappa 1 for perfect agreement spread over several levels', () => {
    expect(agreement(bands, [[1, 1], [3, 3], [5, 5]]).kappa).toBe(1);
  });

  it('leaves kappa undefined when both correctors used one single level', () => {
    const f = agreement(bands, [[3, 3], [3, 3]]);
    expect(f.exact).toBe(1);
    expect(f.kappa).toBeNull();
  });

  it('has no figures without pairs', () => {
    expect(agreement(bands, [])).toEqual({ pairs: 0, exact: null, adjacent: null, kappa: null });
  });

  it('refuses a level that is not on the scale', () => {
    expect(() => agreement(bands, [[6, 3]])).toThrow(/not on the scale/);
  });
});
