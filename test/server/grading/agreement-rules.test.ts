// Agreement figures at their edges: a one-level scale, the limit of "adjacent", the message that
// names a level off the scale, and the pair counts behind each figure.
import { describe, expect, it } from 'vitest';
import { agreement } from '../../../server/grading/agreement.js';

describe('agreement at the edges', () => {
  it('leaves kappa undefined on a scale of a single level, where exact and adjacent agreement are whole', () => {
    expect(agreement(['only'], [['only', 'only']])).toEqual({ pairs: 1, exact: 1, adjacent: 1, kappa: null });
  });

  it('counts levels one apart as adjacent and two apart as not', () => {
    const f = agreement([0, 1, 2, 3], [
      [0, 1],
      [3, 1],
      [2, 2],
      [1, 0],
    ]);
    expect(f.exact).toBe(0.25);
    expect(f.adjacent).toBe(0.75);
  });

  it('gives a negative kappa when the correctors disagree more than chance', () => {
    const f = agreement([false, true], [
      [true, false],
      [false, true],
    ]);
    // Σ w·O = 2, Σ w·E = (1·1 + 1·1) / 2 = 1: κ = 1 − 2 = −1.
    expect(f).toEqual({ pairs: 2, exact: 0, adjacent: 1, kappa: -1 });
  });

  it('weights a disagreement by the square of its distance over the scale', () => {
    // Three levels, pairs (0,2) and (2,0) and (1,1): Σ w·O = 1 + 1 = 2; rows and columns 1 each, N = 3,
    // Σ w·E = Σ w / 3 = (4·1/4 + 2·1) / 3 = 1: κ = 1 − 2 = −1.
    expect(agreement(['a', 'b', 'c'], [['a', 'c'], ['c', 'a'], ['b', 'b']]).kappa).toBeCloseTo(-1, 12);
  });

  it('names the level and the scale when a level is off the scale, for either corrector', () => {
    expect(() => agreement(['low', 'high'], [['low', 'mid']])).toThrow('level mid is not on the scale low, high');
    expect(() => agreement(['low', 'high'], [['top', 'low']])).toThrow('level top is not on the scale low, high');
  });
});
