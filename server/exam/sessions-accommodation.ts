// Extra time as a centre's list writes it: a fraction of the exam's time ("1/3", "un tiers",
// "tiers-temps", "1/4", "un quart", "la moitié") or minutes ("20", "20 min", "20 minutes").
// A fraction becomes minutes of the session's pack: a third of 30 minutes is 10.

const words: Record<string, [number, number]> = {
  'un tiers': [1, 3],
  tiers: [1, 3],
  'tiers-temps': [1, 3],
  'tiers temps': [1, 3],
  'un tiers temps': [1, 3],
  'one third': [1, 3],
  'a third': [1, 3],
  'un quart': [1, 4],
  quart: [1, 4],
  'quart-temps': [1, 4],
  'quart temps': [1, 4],
  'one quarter': [1, 4],
  'a quarter': [1, 4],
  'la moitié': [1, 2],
  moitié: [1, 2],
  'mi-temps': [1, 2],
  'one half': [1, 2],
  half: [1, 2],
};

export type Accommodation = { kind: 'none' } | { kind: 'fraction'; numerator: number; denominator: number } | { kind: 'minutes'; minutes: number };

/** The accommodation written in a cell, or null when it is neither a known fraction nor minutes. */
export function readAccommodation(cell: string): Accommodation | null {
  const text = cell.trim().toLowerCase().replace(/\s+/g, ' ');
  if (text === '' || text === '0' || text === 'aucun' || text === 'aucune' || text === 'none') return { kind: 'none' };
  const word = words[text];
  if (word) return { kind: 'fraction', numerator: word[0], denominator: word[1] };
  const fraction = /^(\d{1,2}) ?\/ ?(\d{1,2})$/.exec(text);
  if (fraction) {
    const numerator = Number(fraction[1]);
    const denominator = Number(fraction[2]);
    return numerator > 0 && denominator > 0 && numerator <= denominator ? { kind: 'fraction', numerator, denominator } : null;
  }
  const minutes = /^(\d{1,3}) ?(min|mn|minutes?)?$/.exec(text);
  if (minutes) {
    const n = Number(minutes[1]);
    return n >= 1 && n <= 240 ? { kind: 'minutes', minutes: n } : null;
  }
  return null;
}

/** The extra minutes for an exam of `examMinutes`, rounded up to the whole minute (the candidate's benefit). */
export function accommodationMinutes(a: Accommodation, examMinutes: number): number {
  if (a.kind === 'none') return 0;
  if (a.kind === 'minutes') return a.minutes;
  return Math.ceil((examMinutes * a.numerator) / a.denominator);
}
