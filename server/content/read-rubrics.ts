// Reading the `rubrics:` of pack.yaml: reading (B2, per question), writing (B1, per script on
// bands) and competence (per certification criterion) rubrics, each with its threshold.
//
// A rubric that has problems is still declared (with its kind when that was readable), so
// that the sections citing it get no second, misleading "not declared" message.

import { LIMITS, PACK_FILE, RUBRIC_KINDS } from './pack-rules.js';
import type { CompetenceCriterion, CompetenceRubric, Localized, ReadingRubric, Rubric, WritingCriterion, WritingRubric } from './pack-types.js';
import { readBands, readCefr, readCriteria, readLevels } from './rubric-parts.js';
import { UniqueIds } from './unique-ids.js';
import { peekEntry, peekId, type AnyNode, type Entry, type Reader } from './yaml-reader.js';

/** A rubric as declared under `rubrics:`, and whether a section cites it. */
export interface DeclaredRubric {
  /** Undefined when the rubric has problems. */
  rubric?: Rubric;
  kind?: Rubric['kind'];
  line: number;
  used: boolean;
}

const COMMON_KEYS = ['id', 'kind', 'title', 'threshold'];
const KEYS_OF_KIND: Record<Rubric['kind'], string[]> = {
  reading: [...COMMON_KEYS, 'cefr', 'keyPointLevels', 'interpretationLevels'],
  writing: [...COMMON_KEYS, 'cefr', 'criteria'],
  competence: [...COMMON_KEYS, 'criteria'],
};
const ALL_KEYS = [...new Set(Object.values(KEYS_OF_KIND).flat())];

/** What every kind's reader gets: the rubric's keys, its id and its title (read first, for the order of messages). */
interface RubricBlock {
  keys: Map<string, Entry>;
  id: string;
  where: string;
  title: Localized | undefined;
}

/** Reads the `rubrics:` list of the manifest; returns every declared rubric by id. */
export function readRubrics(r: Reader, manifest: Map<string, Entry>): Map<string, DeclaredRubric> {
  const declared = new Map<string, DeclaredRubric>();
  const rubricsEntry = manifest.get('rubrics');
  const items = r.list(rubricsEntry, PACK_FILE, 'declare the rubrics the sections use');
  if (!rubricsEntry || !items) return declared;
  const ids = new UniqueIds(r, 'rubric', 'in the pack');
  items.forEach((item, i) => readRubric(r, item, i, declared, ids, r.entryLine(rubricsEntry)));
  return declared;
}

function readRubric(r: Reader, node: AnyNode, index: number, declared: Map<string, DeclaredRubric>, ids: UniqueIds, lineIfMissing: number): void {
  const line = r.line(node, lineIfMissing);
  const resolved = r.resolve(node);
  const at = `rubric ${peekId(resolved) ?? index + 1}`;
  const kind = peekKind(r, resolved, at);
  const allowed = kind ? { required: KEYS_OF_KIND[kind] } : { required: ['id', 'kind'], optional: ALL_KEYS.filter((k) => k !== 'id' && k !== 'kind') };
  const keys = r.map(resolved, at, allowed, line);
  if (!keys) return;
  const id = r.id(keys.get('id'), at);
  ids.add(id, line);
  if (id === undefined) return;
  if (!declared.has(id)) declared.set(id, { kind, line, used: false });
  if (!kind) return;
  const where = `rubric ${id}`;
  const block: RubricBlock = { keys, id, where, title: r.localized(keys.get('title'), where) };
  const rubric = kind === 'reading' ? readReadingRubric(r, block) : kind === 'writing' ? readWritingRubric(r, block) : readCompetenceRubric(r, block);
  // A repeated id keeps the first declaration; the repeat was reported above.
  const first = declared.get(id);
  if (first && first.line === line) first.rubric = rubric;
}

/** `kind` is read before the other keys: it decides which of them are allowed. */
function peekKind(r: Reader, node: AnyNode, at: string): Rubric['kind'] | undefined {
  const entry = peekEntry(node, 'kind');
  return entry ? r.oneOf({ ...entry, value: r.resolve(entry.value) }, at, RUBRIC_KINDS) : undefined;
}

/** The `threshold:` block's keys, or undefined when it is missing or not a mapping. */
function thresholdKeys(r: Reader, block: RubricBlock, required: readonly string[]): { keys: Map<string, Entry>; at: string } | undefined {
  const entry = block.keys.get('threshold');
  if (!entry) return undefined;
  const at = `${block.where}, \`threshold\``;
  const keys = r.map(entry.value, at, { required }, r.line(entry.keyNode));
  return keys ? { keys, at } : undefined;
}

function readReadingRubric(r: Reader, block: RubricBlock): ReadingRubric | undefined {
  const { keys, id, where, title } = block;
  const cefr = readCefr(r, keys.get('cefr'), where);
  const keyPointLevels = readLevels(r, keys.get('keyPointLevels'), where, ['found', 'partly', 'missing'] as const);
  const interpretationLevels = readLevels(r, keys.get('interpretationLevels'), where, ['correct', 'partial', 'misunderstanding'] as const);
  let threshold: ReadingRubric['threshold'] | undefined;
  const t = thresholdKeys(r, block, ['minKeyPointShare', 'maxMisunderstandings']);
  if (t) {
    const minKeyPointShare = r.number(t.keys.get('minKeyPointShare'), t.at, 0, 1);
    const maxMisunderstandings = r.integer(t.keys.get('maxMisunderstandings'), t.at, 0, 100);
    if (minKeyPointShare !== undefined && maxMisunderstandings !== undefined) threshold = { minKeyPointShare, maxMisunderstandings };
  }
  if (!title || !cefr || !keyPointLevels || !interpretationLevels || !threshold) return undefined;
  return { kind: 'reading', id, title, cefr, keyPointLevels, interpretationLevels, threshold };
}

function readWritingRubric(r: Reader, block: RubricBlock): WritingRubric | undefined {
  const { keys, id, where, title } = block;
  const cefr = readCefr(r, keys.get('cefr'), where);
  const criteria = readCriteria<WritingCriterion>(r, keys.get('criteria'), where, (cm, at) => {
    const cid = r.id(cm.get('id'), at);
    const ctitle = r.localized(cm.get('title'), at);
    const bands = readBands(r, cm.get('bands'), at);
    return cid && ctitle && bands ? { id: cid, title: ctitle, bands } : undefined;
  }, 'bands');
  let threshold: WritingRubric['threshold'] | undefined;
  const t = thresholdKeys(r, block, ['minBandEach', 'minTotal']);
  if (t) {
    const minBandEach = r.integer(t.keys.get('minBandEach'), t.at, LIMITS.writingBand.min, LIMITS.writingBand.max);
    // The total's upper bound depends on how many criteria there are, so it is checked only once they are known.
    const maxTotal = LIMITS.writingBand.max * (criteria?.length ?? 0);
    const minTotal = criteria ? r.integer(t.keys.get('minTotal'), `${t.at} (${criteria.length} criteria, 5 bands each)`, 0, maxTotal) : undefined;
    if (minBandEach !== undefined && minTotal !== undefined) threshold = { minBandEach, minTotal };
  }
  if (!title || !cefr || !criteria || !threshold) return undefined;
  return { kind: 'writing', id, title, cefr, criteria, threshold };
}

function readCompetenceRubric(r: Reader, block: RubricBlock): CompetenceRubric | undefined {
  const { keys, id, where, title } = block;
  const criteria = readCriteria<CompetenceCriterion>(r, keys.get('criteria'), where, (cm, at) => {
    const cid = r.id(cm.get('id'), at);
    const ctitle = r.localized(cm.get('title'), at);
    const descriptors = readLevels(r, cm.get('descriptors'), at, ['met', 'partly', 'notMet'] as const);
    return cid && ctitle && descriptors ? { id: cid, title: ctitle, descriptors } : undefined;
  }, 'descriptors');
  let threshold: CompetenceRubric['threshold'] | undefined;
  const t = thresholdKeys(r, block, ['partlyCountsAsMet']);
  const partlyCountsAsMet = t ? r.boolean(t.keys.get('partlyCountsAsMet'), t.at) : undefined;
  if (partlyCountsAsMet !== undefined) threshold = { partlyCountsAsMet };
  if (!title || !criteria || !threshold) return undefined;
  return { kind: 'competence', id, title, criteria, threshold };
}
