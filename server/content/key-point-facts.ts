// "One fact per key point" (content/README.md): a key point that bundles two facts makes two
// correctors split on "partly" when a candidate gives one of them. The checker warns when a key
// point looks like several facts:
//  - a ";" outside inline code and brackets, or
//  - two parts joined by "and", "et", "then", "puis", "as well as", "ainsi que" (outside code and
//    brackets) that each hold at least three words, i.e. two clauses rather than two nouns
//    ("enable and start the timer" is one fact; "the rule predicts X and the alert goes to Y" is two).
// A heuristic: it may warn on one fact written as two clauses; then reword it or split it.

const JOINERS_CAPTURED = /(\s(?:and|et|then|puis|as well as|ainsi que)\s)/i;
const MIN_WORDS_EACH_SIDE = 3;

/** Why the key point looks like several facts, or undefined when it looks like one. */
export function severalFacts(text: string): string | undefined {
  // Code and brackets are details of one fact, not facts of their own: set them aside.
  const prose = text
    .replace(/`[^`]*`/g, 'CODE')
    .replace(/\([^()]*\)/g, ' ')
    .replace(/"[^"]*"|“[^”]*”|«[^»]*»/g, 'QUOTE');
  if (prose.includes(';')) return 'two parts separated by ";"';
  // Split keeping the joiners: [part, joiner, part, joiner, part...].
  const pieces = prose.split(JOINERS_CAPTURED);
  const words = (t: string) => t.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  for (let i = 1; i < pieces.length; i += 2) {
    // The clause right before the joiner, and the one right after (up to a comma or colon).
    const before = pieces[i - 1]!.split(/[,:]/).pop() ?? '';
    const after = pieces[i + 1]!.split(/[,:]/)[0] ?? '';
    if (words(before) >= MIN_WORDS_EACH_SIDE && words(after) >= MIN_WORDS_EACH_SIDE) return `two clauses joined by "${pieces[i]!.trim()}"`;
  }
  return undefined;
}
