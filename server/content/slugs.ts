// Heading ids for documents. Questions point at a heading by its id (`documentAnchor`) and the
// corrector's view jumps to it, so ids must be stable across loads and plain ASCII in any language.

/** Lowercase ASCII slug: accents dropped, anything else than a-z and 0-9 becomes one hyphen. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'section' : slug;
}

/** Hands out unique slugs: the second "Examples" becomes "examples-2", the third "examples-3". */
export class Slugger {
  private readonly used = new Set<string>();

  slug(text: string): string {
    const base = slugify(text);
    let candidate = base;
    for (let n = 2; this.used.has(candidate); n++) candidate = `${base}-${n}`;
    this.used.add(candidate);
    return candidate;
  }
}
