// Formatting of times and digests for display. Times of day are server times (epoch ms from the
// server); only the time zone of the workstation is used to show them.
import { whenIdle } from './when-idle.js';

/** Time left as the candidate reads it: "29:59", or "1:05:00" from one hour on. Rounded up, so 0:00 means it is over. */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${two(minutes)}:${two(seconds)}`;
}

// One formatter per language and kind, made once: building an Intl formatter costs far more than
// using one, and the kiosk formats the save time and the word count on each key (issue 13, item 7).
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function formatter<F extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => F): F {
  let made = formatters.get(key) as F | undefined;
  if (!made) {
    made = make();
    formatters.set(key, made);
  }
  return made;
}

const locale = (lang: string) => (lang === 'fr' ? 'fr-FR' : 'en-GB');

export function formatTimeOfDay(epochMs: number, lang: string): string {
  return formatter(`time.${lang}`, () => new Intl.DateTimeFormat(locale(lang), { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false })).format(
    new Date(epochMs),
  );
}

/**
 * Makes the time-of-day and number formatters of `lang` now, when the browser is idle: the first
 * "saved at 10:04:12" used to build its formatter in the middle of the typing, one frame of about
 * 50 ms on a modest PC (loading the locale's data), at the first acknowledgement of each page.
 */
export function prepareFormatters(lang: string): void {
  whenIdle(() => {
    formatTimeOfDay(0, lang);
    formatNumber(0, lang);
  }, 2000);
}

export function formatDateTime(epochMs: number, lang: string): string {
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'medium',
    hour12: false,
  }).format(new Date(epochMs));
}

/** "3f2a9c01..." -> ["3f2a", "9c01", ...]: read aloud or compared by eye, four at a time. */
export function digestGroups(digest: string): string[] {
  return digest.toLowerCase().match(/.{1,4}/g) ?? [];
}

export function formatNumber(n: number, lang: string): string {
  return formatter(`number.${lang}`, () => new Intl.NumberFormat(locale(lang))).format(n);
}
