// When an item or a section is flagged for the exam board's review. Usual classical test theory
// rules of thumb (Ebel & Frisbie 1991, Essentials of Educational Measurement, for facility and
// discrimination; Landis & Koch 1977 call kappa 0.61 "substantial"; Nunnally 1978 asks alpha 0.7 for
// a scale used in decisions). They flag for review, they decide nothing.
import type { ItemFlag } from '../../contract/statistics.js';

export const THRESHOLDS = {
  /** Facility (mean score / max) below this: almost nobody gets it. */
  minFacility: 0.2,
  /** Facility above this: almost everybody gets it, it separates nobody. */
  maxFacility: 0.9,
  /** Corrected item-total correlation below this: the item does not go with the rest. */
  minDiscrimination: 0.2,
  /** Weighted kappa between the two readings below this: correctors read the item differently. */
  minKappa: 0.6,
  /** Cronbach's alpha of a section below this. */
  minAlpha: 0.7,
} as const;

export { itemFlags, type ItemFlag } from '../../contract/statistics.js';

export function flagsOfItem(facility: number | null, discrimination: number | null, kappa: number | null): ItemFlag[] {
  const flags: ItemFlag[] = [];
  if (facility !== null && facility < THRESHOLDS.minFacility) flags.push('too-hard');
  if (facility !== null && facility > THRESHOLDS.maxFacility) flags.push('too-easy');
  if (discrimination !== null && discrimination < THRESHOLDS.minDiscrimination) flags.push('low-discrimination');
  if (kappa !== null && kappa < THRESHOLDS.minKappa) flags.push('low-agreement');
  return flags;
}
