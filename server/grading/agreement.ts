// Agreement between two correctors on one criterion, over the scripts both have finished.
//
// - exact: the share of pairs where both gave the same level;
// - adjacent: the share of pairs at most one level apart (exact agreement included);
// - quadratic-weighted Cohen's kappa: 1 - Σ w·O / Σ w·E, where O is the observed table of
//   (first level, second level) counts, E the table expected by chance (row total × column total / N)
//   and w(i, j) = (i - j)² / (k - 1)² for a scale of k ordered levels. 1 is perfect agreement, 0 what
//   chance gives, below 0 worse than chance. It is not defined (null) when chance alone would give
//   perfect agreement, i.e. when both correctors used a single level between them (Σ w·E = 0).
import type { AgreementFigures } from '../contract/grading-evidence.js';

export type { AgreementFigures } from '../contract/grading-evidence.js';

/**
 * `levels` is the ordered scale (worst first), `pairs` the two correctors' levels on the same items.
 * Levels are compared by their position in the scale.
 */
export function agreement<L>(levels: readonly L[], pairs: readonly (readonly [L, L])[]): AgreementFigures {
  const k = levels.length;
  const n = pairs.length;
  if (n === 0) return { pairs: 0, exact: null, adjacent: null, kappa: null };
  const index = (level: L) => {
    const i = levels.indexOf(level);
    if (i < 0) throw new Error(`level ${String(level)} is not on the scale ${levels.join(', ')}`);
    return i;
  };
  const observed = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  let exact = 0;
  let adjacent = 0;
  for (const [a, b] of pairs) {
    const i = index(a);
    const j = index(b);
    observed[i]![j]!++;
    if (i === j) exact++;
    if (Math.abs(i - j) <= 1) adjacent++;
  }
  const rows = observed.map((row) => row.reduce((s, x) => s + x, 0));
  const cols = levels.map((_, j) => observed.reduce((s, row) => s + row[j]!, 0));
  let weightedObserved = 0;
  let weightedExpected = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const w = k > 1 ? (i - j) ** 2 / (k - 1) ** 2 : 0;
      weightedObserved += w * observed[i]![j]!;
      weightedExpected += (w * rows[i]! * cols[j]!) / n;
    }
  }
  const kappa = weightedExpected === 0 ? null : 1 - weightedObserved / weightedExpected;
  return { pairs: n, exact: exact / n, adjacent: adjacent / n, kappa };
}
