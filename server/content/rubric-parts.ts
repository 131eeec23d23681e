// The parts that rubrics of several kinds share: the CEFR scales they cite, the descriptors of
// each level, their criteria and the writing bands. Each reader reports what is wrong and
// returns undefined when the part cannot be used, so the rubric is left out but reading goes
// on and the author sees every problem at once.

import { isMap, isScalar } from 'yaml';
import { CEFR_LEVELS } from './pack-rules.js';
import type { CefrReference, Localized, WritingCriterion } from './pack-types.js';
import { UniqueIds } from './unique-ids.js';
import { describe, peekId, type Entry, type Reader } from './yaml-reader.js';

export function readCefr(r: Reader, entry: Entry | undefined, where: string): CefrReference[] | undefined {
  if (!entry) return undefined;
  const items = r.list(entry, where, 'cite at least one CEFR scale, for example `- { scale: "CEFR Companion Volume (2020): Overall reading comprehension", level: B2 }`');
  if (!items) return undefined;
  const out: CefrReference[] = [];
  let ok = true;
  items.forEach((item, i) => {
    const at = `${where}, CEFR reference ${i + 1}`;
    const m = r.map(item, at, { required: ['scale', 'level'] }, r.entryLine(entry));
    if (!m) return void (ok = false);
    const scale = r.text(m.get('scale'), at);
    const level = r.oneOf(m.get('level'), at, CEFR_LEVELS);
    if (scale === undefined || level === undefined) ok = false;
    else out.push({ scale, level });
  });
  return ok && out.length > 0 ? out : undefined;
}

/** A descriptor in both languages for each level, e.g. found / partly / missing. */
export function readLevels<K extends string>(r: Reader, entry: Entry | undefined, where: string, levels: readonly K[]): Record<K, Localized> | undefined {
  if (!entry) return undefined;
  const at = `${where}, \`${entry.key}\``;
  const m = r.map(entry.value, at, { required: levels }, r.line(entry.keyNode));
  if (!m) return undefined;
  const out: Partial<Record<K, Localized>> = {};
  let ok = true;
  for (const level of levels) {
    const value = r.localized(m.get(level), at);
    if (value) out[level] = value;
    else ok = false;
  }
  // Every level was read above, so the partial record is complete here.
  return ok ? (out as Record<K, Localized>) : undefined;
}

/**
 * The criteria of a rubric: each has an `id`, a `title` and `extraKey` (what differs between
 * kinds), which `readOne` reads. Criterion ids must be unique within the rubric.
 */
export function readCriteria<T>(
  r: Reader,
  entry: Entry | undefined,
  where: string,
  readOne: (m: Map<string, Entry>, at: string, line: number) => T | undefined,
  extraKey: string,
): T[] | undefined {
  if (!entry) return undefined;
  const items = r.list(entry, where, 'declare at least one criterion');
  if (!items) return undefined;
  const ids = new UniqueIds(r, 'criterion', `within ${where}`);
  const out: T[] = [];
  let ok = items.length > 0;
  items.forEach((item, i) => {
    const line = r.line(item, r.entryLine(entry));
    const at = `${where}, criterion ${peekId(item) ?? i + 1}`;
    const m = r.map(item, at, { required: ['id', 'title', extraKey] }, line);
    if (!m) return void (ok = false);
    const id = r.id(m.get('id'), at);
    ids.add(id, line);
    const value = readOne(m, at, line);
    if (value === undefined) ok = false;
    else out.push(value);
  });
  return ok ? out : undefined;
}

/** Writing descriptors are written for bands 1, 3 and 5; 2 and 4 lie between, so they have none. */
export function readBands(r: Reader, entry: Entry | undefined, where: string): WritingCriterion['bands'] | undefined {
  if (!entry) return undefined;
  const at = `${where}, \`bands\``;
  const value = entry.value;
  if (!isMap(value)) {
    r.report(r.entryLine(entry), `${at} must give descriptors for bands 1, 3 and 5 (lines \`1:\`, \`3:\`, \`5:\`), found ${describe(value)}`);
    return undefined;
  }
  const found = new Map<number, Entry>();
  let ok = true;
  for (const pair of value.items) {
    const keyNode = pair.key;
    const band = isScalar(keyNode) ? Number(keyNode.value) : NaN;
    if (!isScalar(keyNode) || (band !== 1 && band !== 3 && band !== 5)) {
      r.report(r.line(pair.key, r.line(value)), `${at}: descriptors are written for bands 1, 3 and 5 exactly (2 and 4 lie between them), found band ${describe(pair.key)}`);
      ok = false;
      continue;
    }
    found.set(band, { key: String(band), keyNode, value: r.resolve(pair.value) });
  }
  for (const band of [1, 3, 5]) {
    if (!found.has(band)) {
      r.report(r.line(value, r.entryLine(entry)), `${at}: the descriptor for band ${band} is missing (bands 1, 3 and 5 are required)`);
      ok = false;
    }
  }
  const b1 = r.localized(found.get(1), at);
  const b3 = r.localized(found.get(3), at);
  const b5 = r.localized(found.get(5), at);
  return ok && b1 && b3 && b5 ? { 1: b1, 3: b3, 5: b5 } : undefined;
}
