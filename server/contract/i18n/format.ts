// How one catalogue entry becomes the text a person reads: the plural form chosen by `{n}` through
// Intl.PluralRules (French says "0 connecté", "1 connecté", "2 connectés"; English "0 connected"
// only through the plural form), then `{name}` placeholders filled. Pure: the server's printouts
// and every page of the client share it.

export type Language = 'fr' | 'en';
export const languages: readonly Language[] = ['fr', 'en'];

/** A text whose wording depends on a count: `{n}` in the parameters chooses the form. */
export interface PluralEntry {
  one: string;
  other: string;
}
export type Entry = string | PluralEntry;
export type Params = Record<string, string | number>;

/** The English (or any other) catalogue of an area is typed from the French one: same keys, same kinds of entry. */
export type Translation<Source extends Record<string, Entry>> = { [K in keyof Source]: Source[K] extends string ? string : PluralEntry };

// Building an Intl.PluralRules costs more than using one, and the dashboard formats often.
const pluralRules = new Map<Language, Intl.PluralRules>();

function pluralForm(language: Language, n: number): keyof PluralEntry {
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language);
    pluralRules.set(language, rules);
  }
  // Only "one" and "other" exist in French and English (Intl gives "many" for French millions).
  return rules.select(n) === 'one' ? 'one' : 'other';
}

/** `{name}` placeholders filled from `params`; one left unfilled stays visible rather than vanishing. */
export function fillPlaceholders(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The text of one entry in `language`: its plural form chosen by `params.n`, placeholders filled. */
export function formatEntry(entry: Entry, language: Language, params?: Params): string {
  if (typeof entry === 'string') return fillPlaceholders(entry, params);
  const n = Number(params?.['n'] ?? 0);
  return fillPlaceholders(entry[pluralForm(language, n)], params);
}

/** The placeholders an entry uses, every form together: the catalogue test compares them across languages. */
export function placeholdersOf(entry: Entry): string[] {
  const texts = typeof entry === 'string' ? [entry] : [entry.one, entry.other];
  const names = new Set<string>();
  for (const text of texts) for (const m of text.matchAll(/\{(\w+)\}/g)) names.add(m[1]!);
  return [...names].sort();
}
