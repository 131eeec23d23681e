// QTI identifiers are XML names; Lectern ids allow letters, digits, "-" and "_" and start with a
// letter or digit. An identifier that does not fit is made to fit, or replaced by the fallback.

import { ITEM_ID } from '../pack-rules.js';

export function lecternId(identifier: string, fallback: string): string {
  if (ITEM_ID.test(identifier)) return identifier;
  const cleaned = identifier.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^[-_]+/, '');
  return ITEM_ID.test(cleaned) ? cleaned : fallback;
}

/** Makes ids unique by adding -2, -3... to the later ones. */
export function uniqueIds<T extends { id: string }>(entries: T[]): T[] {
  const seen = new Set<string>();
  return entries.map((e) => {
    let id = e.id;
    for (let n = 2; seen.has(id); n += 1) id = `${e.id}-${n}`;
    seen.add(id);
    return { ...e, id };
  });
}
