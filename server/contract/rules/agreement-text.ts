// How agreement figures read wherever they are shown (grading admin, Statistics tab, jury
// report): kappa to 3 decimals, so a chief corrector can check it against their own sums, and
// each share with the count it comes from ("92 % (23/25)"), so a share of few pairs is not
// mistaken for a solid one (issue 13, item 5). Pure: the pages and the server's printouts share it.
import type { Language } from '../i18n/format.js';

const locale = (lang: Language) => (lang === 'fr' ? 'fr-FR' : 'en-GB');

/** Kappa with exactly 3 decimals ("0,842" in French). */
export function kappaText(kappa: number, lang: Language): string {
  return new Intl.NumberFormat(locale(lang), { minimumFractionDigits: 3, maximumFractionDigits: 3, useGrouping: false }).format(kappa);
}

/**
 * A share of `pairs` with its count: "92 % (23/25)". The count is exact (the share was count / pairs);
 * the percentage keeps one decimal when it is not whole. French puts a narrow no-break space before %, English none ("66.7% (2/3)", as the other shares on the English pages).
 */
export function shareWithCount(share: number, pairs: number, lang: Language): string {
  const count = Math.round(share * pairs);
  const pct = new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1, useGrouping: false }).format(Math.round(share * 1000) / 10);
  return `${pct}${lang === 'fr' ? '\u202f' : ''}% (${count}/${pairs})`;
}
