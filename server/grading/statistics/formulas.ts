// The classical test theory formulas the item statistics use, each on plain numbers.
//
// Variances and standard deviations are sample ones (divided by n - 1), as SPSS, R's var()/sd() and
// the psychometric texts below use them; Pearson's r and alpha do not depend on that choice (the
// factor cancels), the SEM does slightly. A figure that is not defined (too few candidates, or no
// spread at all) is null rather than NaN, so pages and CSV can say "not defined".

export const mean = (xs: readonly number[]): number | null => (xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length);

/** Sample variance Σ(x - x̄)² / (n - 1); null under two values. */
export function sampleVariance(xs: readonly number[]): number | null {
  const m = mean(xs);
  if (m === null || xs.length < 2) return null;
  return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
}

/** Pearson's r = Σ(x - x̄)(y - ȳ) / √(Σ(x - x̄)² Σ(y - ȳ)²); null when either side has no spread. */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  if (xs.length !== ys.length) throw new Error(`pearson: ${xs.length} values against ${ys.length}`);
  const mx = mean(xs);
  const my = mean(ys);
  if (mx === null || my === null || xs.length < 2) return null;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

/**
 * Cronbach's alpha (Cronbach 1951, "Coefficient alpha and the internal structure of tests"):
 * α = k / (k - 1) × (1 - Σ var(item) / var(total)), `scores[candidate][item]`. Null with fewer than
 * two items or two candidates, or when the totals do not vary. For items scored 0 / 0.5 / 1 it is the
 * usual choice for ordinal items with few levels (ordinal alpha needs polychoric correlations,
 * which a few dozen candidates cannot estimate).
 */
export function cronbachAlpha(scores: readonly (readonly number[])[]): number | null {
  const k = scores[0]?.length ?? 0;
  if (k < 2 || scores.length < 2) return null;
  const totals = scores.map((row) => row.reduce((s, x) => s + x, 0));
  const totalVariance = sampleVariance(totals);
  if (totalVariance === null || totalVariance === 0) return null;
  let itemVariances = 0;
  for (let j = 0; j < k; j++) itemVariances += sampleVariance(scores.map((row) => row[j]!)) ?? 0;
  return (k / (k - 1)) * (1 - itemVariances / totalVariance);
}

/**
 * Standard error of measurement, classical: SEM = SD(total) × √(1 - α) (Harvill 1991, "Standard
 * error of measurement", NCME Instructional Module, Educational Measurement: Issues and Practice
 * 10(2)). Classical theory gives one SEM for every score, so the SEM "at the cut score" is this one,
 * reported beside the cut score in points. A negative alpha gives no SEM (null).
 */
export function standardErrorOfMeasurement(sd: number | null, alpha: number | null): number | null {
  if (sd === null || alpha === null || alpha < 0) return null;
  return sd * Math.sqrt(1 - alpha);
}
