// Loads and validates content packs.
//
// A pack is a folder `content/<pack-id>/` with a `pack.yaml` manifest and Markdown documents
// with their images (see content/README.md). Every problem found names the file (relative
// to the content folder) and the 1-based line, in words meant for the author who will fix it.
// A pack with any problem is left out of the result.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type {
  AnswerLanguage,
  CefrReference,
  CompetenceCriterion,
  CompetenceRubric,
  KeyPoint,
  Localized,
  Pack,
  PackLoadResult,
  PackProblem,
  Question,
  ReadingRubric,
  Rubric,
  Section,
  WritingCriterion,
  WritingRubric,
} from './pack-types.js';
import { renderDocument, renderPrompt, resolveImageRef, type RenderedDocument } from './render-markdown.js';

export const PACK_FILE = 'pack.yaml';

export const LIMITS = {
  durationMinutes: { min: 5, max: 240 },
  targetWords: { min: 10, max: 1000 },
  writingBand: { min: 0, max: 5 },
} as const;

const PACK_ID = /^[a-z0-9][a-z0-9-]*$/;
const ITEM_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const CEFR_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
const RUBRIC_KINDS = ['reading', 'writing', 'competence'] as const;
const ANSWER_LANGUAGES: AnswerLanguage[] = ['en', 'fr'];

// ---------------------------------------------------------------------------------------
// Reading YAML nodes with line numbers

type AnyNode = Node | Pair | null | undefined | unknown;

/** One `key: value` of a mapping, with both nodes for line numbers. */
interface Entry {
  key: string;
  keyNode: Scalar;
  value: AnyNode;
}

class Reader {
  constructor(
    readonly file: string,
    private readonly doc: Document,
    private readonly lines: LineCounter,
    readonly problems: PackProblem[],
  ) {}

  line(node: AnyNode, fallback = 1): number {
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (!range) return fallback;
    return this.lines.linePos(range[0]).line;
  }

  /** Line of an entry's value, or of its key when the value is empty. */
  entryLine(entry: Entry): number {
    const keyLine = this.line(entry.keyNode);
    if (!entry.value || (isScalar(entry.value) && entry.value.value === null)) return keyLine;
    return this.line(entry.value, keyLine);
  }

  report(line: number, message: string): void {
    this.problems.push({ file: this.file, line, message });
  }

  resolve(node: AnyNode): AnyNode {
    return isAlias(node) ? node.resolve(this.doc) : node;
  }

  /**
   * Reads a mapping: reports unknown keys (with the allowed ones) and missing required keys.
   * Returns undefined (after reporting) when the node is not a mapping.
   */
  map(
    node: AnyNode,
    where: string,
    keys: { required: readonly string[]; optional?: readonly string[] },
    lineIfMissing: number,
  ): Map<string, Entry> | undefined {
    const resolved = this.resolve(node);
    if (!isMap(resolved)) {
      this.report(this.line(resolved, lineIfMissing), `${where} must be a set of \`key: value\` lines, found ${describe(resolved)}`);
      return undefined;
    }
    const allowed = [...keys.required, ...(keys.optional ?? [])];
    const entries = new Map<string, Entry>();
    for (const pair of (resolved as YAMLMap).items) {
      const keyNode = pair.key as Scalar;
      if (!isScalar(keyNode)) {
        this.report(this.line(pair.key, this.line(resolved)), `${where}: keys must be plain words, found ${describe(pair.key)}`);
        continue;
      }
      const key = String(keyNode.value);
      if (!allowed.includes(key)) {
        const hint = closest(key, allowed);
        this.report(
          this.line(keyNode),
          `${where}: unknown key \`${key}\`${hint ? ` (did you mean \`${hint}\`?)` : ''}; the allowed keys are ${allowed.map((k) => `\`${k}\``).join(', ')}`,
        );
        continue;
      }
      entries.set(key, { key, keyNode, value: this.resolve(pair.value) });
    }
    for (const key of keys.required) {
      if (!entries.has(key)) this.report(this.line(resolved, lineIfMissing), `${where}: \`${key}\` is missing`);
    }
    return entries;
  }

  text(entry: Entry | undefined, where: string): string | undefined {
    if (!entry) return undefined;
    const v = entry.value;
    if (isScalar(v) && typeof v.value === 'string' && v.value.trim() !== '') return v.value;
    if (isScalar(v) && (typeof v.value === 'number' || typeof v.value === 'boolean')) {
      this.report(this.entryLine(entry), `${where}: \`${entry.key}\` must be text, found ${describe(v)}; put it in quotes if you mean it as text`);
      return undefined;
    }
    this.report(this.entryLine(entry), `${where}: \`${entry.key}\` must be some text, found ${describe(v)}`);
    return undefined;
  }

  id(entry: Entry | undefined, where: string): string | undefined {
    const value = this.text(entry, where);
    if (value === undefined || !entry) return undefined;
    if (!ITEM_ID.test(value)) {
      this.report(this.entryLine(entry), `${where}: \`${entry.key}\` must be a short name made of letters, digits, "-" and "_" (for example "q1"), found ${JSON.stringify(value)}`);
      return undefined;
    }
    return value;
  }

  integer(entry: Entry | undefined, where: string, min: number, max: number): number | undefined {
    if (!entry) return undefined;
    const v = entry.value;
    if (isScalar(v) && typeof v.value === 'number' && Number.isInteger(v.value) && v.value >= min && v.value <= max) return v.value;
    this.report(this.entryLine(entry), `${where}: \`${entry.key}\` must be a whole number between ${min} and ${max}, found ${describe(v)}`);
    return undefined;
  }

  number(entry: Entry | undefined, where: string, min: number, max: number): number | undefined {
    if (!entry) return undefined;
    const v = entry.value;
    if (isScalar(v) && typeof v.value === 'number' && Number.isFinite(v.value) && v.value >= min && v.value <= max) return v.value;
    this.report(this.entryLine(entry), `${where}: \`${entry.key}\` must be a number between ${min} and ${max} (for example 0.6), found ${describe(v)}`);
    return undefined;
  }

  boolean(entry: Entry | undefined, where: string): boolean | undefined {
    if (!entry) return undefined;
    const v = entry.value;
    if (isScalar(v) && typeof v.value === 'boolean') return v.value;
    this.report(this.entryLine(entry), `${where}: \`${entry.key}\` must be true or false, found ${describe(v)}`);
    return undefined;
  }

  oneOf<T extends string>(entry: Entry | undefined, where: string, values: readonly T[]): T | undefined {
    if (!entry) return undefined;
    const v = entry.value;
    if (isScalar(v) && typeof v.value === 'string' && (values as readonly string[]).includes(v.value)) return v.value as T;
    this.report(this.entryLine(entry), `${where}: \`${entry.key}\` must be one of ${values.map((x) => `"${x}"`).join(', ')}, found ${describe(v)}`);
    return undefined;
  }

  localized(entry: Entry | undefined, where: string): Localized | undefined {
    if (!entry) return undefined;
    const inner = `${where}, \`${entry.key}\``;
    const m = this.map(entry.value, inner, { required: ['fr', 'en'] }, this.line(entry.keyNode));
    if (!m) return undefined;
    const fr = this.text(m.get('fr'), inner);
    const en = this.text(m.get('en'), inner);
    return fr !== undefined && en !== undefined ? { fr, en } : undefined;
  }

  /** A list; an empty list is reported when `nonEmpty` says what it must contain. */
  list(entry: Entry | undefined, where: string, nonEmpty?: string): AnyNode[] | undefined {
    if (!entry) return undefined;
    const v = entry.value;
    if (!isSeq(v)) {
      this.report(this.entryLine(entry), `${where}: \`${entry.key}\` must be a list (lines starting with "- "), found ${describe(v)}`);
      return undefined;
    }
    const items = (v as YAMLSeq).items.map((item) => this.resolve(item));
    if (nonEmpty && items.length === 0) {
      this.report(this.entryLine(entry), `${where}: \`${entry.key}\` is empty; ${nonEmpty}`);
    }
    return items;
  }
}

/** The `id` written in a mapping, if there is a readable one: used to name a block in messages before it is read. */
function peekId(node: AnyNode): string | undefined {
  if (!isMap(node)) return undefined;
  const pair = (node as YAMLMap).items.find((p) => isScalar(p.key) && (p.key as Scalar).value === 'id');
  const value = pair && isScalar(pair.value) ? (pair.value as Scalar).value : undefined;
  return typeof value === 'string' && ITEM_ID.test(value) ? value : undefined;
}

function describe(node: AnyNode): string {
  if (node === null || node === undefined) return 'nothing';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null || v === undefined || v === '') return 'nothing';
    if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);
    return String(v);
  }
  if (isMap(node)) return 'a set of `key: value` lines';
  if (isSeq(node)) return 'a list';
  return 'something else';
}

/** The allowed key closest to a mistyped one, if it is plausibly a typo. */
function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 4)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/** Remembers ids and their lines, and reports the second use of one. */
class IdRegistry {
  private readonly seen = new Map<string, number>();
  constructor(
    private readonly reader: Reader,
    private readonly what: string,
    private readonly scope: string,
  ) {}

  add(id: string | undefined, line: number): void {
    if (id === undefined) return;
    const first = this.seen.get(id);
    if (first !== undefined) {
      this.reader.report(line, `${this.what} id \`${id}\` is used twice (first on line ${first}); ${this.what} ids must be unique ${this.scope}`);
    } else {
      this.seen.set(id, line);
    }
  }
}

// ---------------------------------------------------------------------------------------
// Rubrics

interface DeclaredRubric {
  rubric?: Rubric;
  kind?: Rubric['kind'];
  line: number;
  used: boolean;
}

function readCefr(r: Reader, entry: Entry | undefined, where: string): CefrReference[] | undefined {
  const items = r.list(entry, where, 'cite at least one CEFR scale, for example `- { scale: "CEFR Companion Volume (2020): Overall reading comprehension", level: B2 }`');
  if (!items) return undefined;
  const out: CefrReference[] = [];
  let ok = true;
  items.forEach((item, i) => {
    const at = `${where}, CEFR reference ${i + 1}`;
    const m = r.map(item, at, { required: ['scale', 'level'] }, r.entryLine(entry!));
    if (!m) return void (ok = false);
    const scale = r.text(m.get('scale'), at);
    const level = r.oneOf(m.get('level'), at, CEFR_LEVELS);
    if (scale === undefined || level === undefined) ok = false;
    else out.push({ scale, level });
  });
  return ok && out.length > 0 ? out : undefined;
}

function readLevels<K extends string>(r: Reader, entry: Entry | undefined, where: string, levels: readonly K[]): Record<K, Localized> | undefined {
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
  return ok ? (out as Record<K, Localized>) : undefined;
}

function readCriteria<T>(
  r: Reader,
  entry: Entry | undefined,
  where: string,
  readOne: (m: Map<string, Entry>, at: string, line: number) => T | undefined,
  extraKey: string,
): T[] | undefined {
  const items = r.list(entry, where, 'declare at least one criterion');
  if (!items) return undefined;
  const ids = new IdRegistry(r, 'criterion', `within ${where}`);
  const out: T[] = [];
  let ok = items.length > 0;
  items.forEach((item, i) => {
    const line = r.line(item, r.entryLine(entry!));
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

function readBands(r: Reader, entry: Entry | undefined, where: string): WritingCriterion['bands'] | undefined {
  if (!entry) return undefined;
  const at = `${where}, \`bands\``;
  const value = entry.value;
  if (!isMap(value)) {
    r.report(r.entryLine(entry), `${at} must give descriptors for bands 1, 3 and 5 (lines \`1:\`, \`3:\`, \`5:\`), found ${describe(value)}`);
    return undefined;
  }
  const found = new Map<number, Entry>();
  let ok = true;
  for (const pair of (value as YAMLMap).items) {
    const keyNode = pair.key as Scalar;
    const band = isScalar(keyNode) ? Number(keyNode.value) : NaN;
    if (band !== 1 && band !== 3 && band !== 5) {
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

function readRubric(r: Reader, node: AnyNode, index: number, declared: Map<string, DeclaredRubric>, ids: IdRegistry, lineIfMissing: number): void {
  const line = r.line(node, lineIfMissing);
  const common = ['id', 'kind', 'title', 'threshold'];
  const keysFor: Record<Rubric['kind'], string[]> = {
    reading: [...common, 'cefr', 'keyPointLevels', 'interpretationLevels'],
    writing: [...common, 'cefr', 'criteria'],
    competence: [...common, 'criteria'],
  };
  const resolved = r.resolve(node);
  const at = `rubric ${peekId(resolved) ?? index + 1}`;
  // Read `kind` first: it decides which other keys are allowed.
  let kind: Rubric['kind'] | undefined;
  if (isMap(resolved)) {
    const kindPair = (resolved as YAMLMap).items.find((p) => isScalar(p.key) && (p.key as Scalar).value === 'kind');
    if (kindPair) kind = r.oneOf({ key: 'kind', keyNode: kindPair.key as Scalar, value: r.resolve(kindPair.value) }, at, RUBRIC_KINDS);
  }
  const allKeys = [...new Set(Object.values(keysFor).flat())];
  const m = r.map(resolved, at, kind ? { required: keysFor[kind] } : { required: ['id', 'kind'], optional: allKeys.filter((k) => k !== 'id' && k !== 'kind') }, line);
  if (!m) return;
  const id = r.id(m.get('id'), at);
  ids.add(id, line);
  if (id === undefined) return;
  if (!declared.has(id)) declared.set(id, { kind, line, used: false });
  if (!kind) return;
  const where = `rubric ${id}`;
  const title = r.localized(m.get('title'), where);
  const thresholdEntry = m.get('threshold');
  let rubric: Rubric | undefined;

  if (kind === 'reading') {
    const cefr = readCefr(r, m.get('cefr'), where);
    const keyPointLevels = readLevels(r, m.get('keyPointLevels'), where, ['found', 'partly', 'missing'] as const);
    const interpretationLevels = readLevels(r, m.get('interpretationLevels'), where, ['correct', 'partial', 'misunderstanding'] as const);
    let threshold: ReadingRubric['threshold'] | undefined;
    if (thresholdEntry) {
      const at = `${where}, \`threshold\``;
      const t = r.map(thresholdEntry.value, at, { required: ['minKeyPointShare', 'maxMisunderstandings'] }, r.line(thresholdEntry.keyNode));
      if (t) {
        const minKeyPointShare = r.number(t.get('minKeyPointShare'), at, 0, 1);
        const maxMisunderstandings = r.integer(t.get('maxMisunderstandings'), at, 0, 100);
        if (minKeyPointShare !== undefined && maxMisunderstandings !== undefined) threshold = { minKeyPointShare, maxMisunderstandings };
      }
    }
    if (title && cefr && keyPointLevels && interpretationLevels && threshold) {
      rubric = { kind, id, title, cefr, keyPointLevels, interpretationLevels, threshold } satisfies ReadingRubric;
    }
  } else if (kind === 'writing') {
    const cefr = readCefr(r, m.get('cefr'), where);
    const criteria = readCriteria<WritingCriterion>(r, m.get('criteria'), where, (cm, at) => {
      const cid = r.id(cm.get('id'), at);
      const ctitle = r.localized(cm.get('title'), at);
      const bands = readBands(r, cm.get('bands'), at);
      return cid && ctitle && bands ? { id: cid, title: ctitle, bands } : undefined;
    }, 'bands');
    let threshold: WritingRubric['threshold'] | undefined;
    if (thresholdEntry) {
      const at = `${where}, \`threshold\``;
      const t = r.map(thresholdEntry.value, at, { required: ['minBandEach', 'minTotal'] }, r.line(thresholdEntry.keyNode));
      if (t) {
        const minBandEach = r.integer(t.get('minBandEach'), at, LIMITS.writingBand.min, LIMITS.writingBand.max);
        const maxTotal = LIMITS.writingBand.max * (criteria?.length ?? 0);
        const minTotal = criteria ? r.integer(t.get('minTotal'), `${at} (${criteria.length} criteria, 5 bands each)`, 0, maxTotal) : undefined;
        if (minBandEach !== undefined && minTotal !== undefined) threshold = { minBandEach, minTotal };
      }
    }
    if (title && cefr && criteria && threshold) rubric = { kind, id, title, cefr, criteria, threshold } satisfies WritingRubric;
  } else {
    const criteria = readCriteria<CompetenceCriterion>(r, m.get('criteria'), where, (cm, at) => {
      const cid = r.id(cm.get('id'), at);
      const ctitle = r.localized(cm.get('title'), at);
      const descriptors = readLevels(r, cm.get('descriptors'), at, ['met', 'partly', 'notMet'] as const);
      return cid && ctitle && descriptors ? { id: cid, title: ctitle, descriptors } : undefined;
    }, 'descriptors');
    let threshold: CompetenceRubric['threshold'] | undefined;
    if (thresholdEntry) {
      const at = `${where}, \`threshold\``;
      const t = r.map(thresholdEntry.value, at, { required: ['partlyCountsAsMet'] }, r.line(thresholdEntry.keyNode));
      const partlyCountsAsMet = t ? r.boolean(t.get('partlyCountsAsMet'), at) : undefined;
      if (partlyCountsAsMet !== undefined) threshold = { partlyCountsAsMet };
    }
    if (title && criteria && threshold) rubric = { kind, id, title, criteria, threshold } satisfies CompetenceRubric;
  }
  const entry = declared.get(id);
  if (entry && entry.line === line) entry.rubric = rubric;
}

// ---------------------------------------------------------------------------------------
// Sections and questions

interface SectionDraft {
  section: Section;
  line: number;
  documentEntryLine?: number;
  rubricRefs: { id: string; line: number }[];
  anchors: { questionId: string; anchor: string; line: number }[];
}

function readQuestion(r: Reader, node: AnyNode, sectionWhere: string, index: number, questionIds: IdRegistry, lineIfMissing: number, draft: SectionDraft): Question | undefined {
  const line = r.line(node, lineIfMissing);
  const peeked = peekId(r.resolve(node));
  const at = peeked ? `question ${peeked}` : `${sectionWhere}, question ${index + 1}`;
  const m = r.map(node, at, { required: ['id', 'prompt', 'keyPoints', 'targetWords'], optional: ['documentAnchor'] }, line);
  if (!m) return undefined;
  const id = r.id(m.get('id'), at);
  questionIds.add(id, line);
  const where = id ? `question ${id}` : at;
  const prompt = r.text(m.get('prompt'), where);
  const targetWords = r.integer(m.get('targetWords'), where, LIMITS.targetWords.min, LIMITS.targetWords.max);

  let documentAnchor: string | undefined;
  const anchorEntry = m.get('documentAnchor');
  if (anchorEntry) {
    const value = r.text(anchorEntry, where);
    if (value !== undefined) {
      documentAnchor = value.trim().replace(/^#/, '');
      draft.anchors.push({ questionId: id ?? String(index + 1), anchor: documentAnchor, line: r.entryLine(anchorEntry) });
    }
  }

  const kpEntry = m.get('keyPoints');
  const items = r.list(kpEntry, where, 'a question needs at least one key point for the corrector');
  let keyPoints: KeyPoint[] | undefined;
  if (items) {
    const kpIds = new IdRegistry(r, 'key point', `within ${where}`);
    const out: KeyPoint[] = [];
    let ok = items.length > 0;
    items.forEach((item, i) => {
      const kpLine = r.line(item, r.entryLine(kpEntry!));
      const peekedKp = peekId(item);
      const kpAt = `${where}, key point ${peekedKp ?? i + 1}`;
      const km = r.map(item, kpAt, { required: ['id', 'text'] }, kpLine);
      if (!km) return void (ok = false);
      const kpId = r.id(km.get('id'), kpAt);
      kpIds.add(kpId, kpLine);
      const text = r.text(km.get('text'), kpAt);
      if (kpId === undefined || text === undefined) ok = false;
      else out.push({ id: kpId, text: text.trim() });
    });
    if (ok) keyPoints = out;
  }

  if (!id || prompt === undefined || targetWords === undefined || !keyPoints) return undefined;
  const question: Question = { id, prompt: prompt.trim(), promptHtml: renderPrompt(prompt), keyPoints, targetWords, line };
  if (documentAnchor !== undefined) question.documentAnchor = documentAnchor;
  return question;
}

function readSection(r: Reader, node: AnyNode, index: number, sectionIds: IdRegistry, questionIds: IdRegistry, lineIfMissing: number): SectionDraft | undefined {
  const line = r.line(node, lineIfMissing);
  const at = `section ${peekId(r.resolve(node)) ?? index + 1}`;
  const m = r.map(node, at, { required: ['id', 'title', 'answerLanguage', 'rubrics', 'questions'], optional: ['instructions', 'document'] }, line);
  if (!m) return undefined;
  const id = r.id(m.get('id'), at);
  sectionIds.add(id, line);
  const where = id ? `section ${id}` : at;
  const title = r.localized(m.get('title'), where);
  const instructions = m.has('instructions') ? r.localized(m.get('instructions'), where) : undefined;
  const answerLanguage = r.oneOf(m.get('answerLanguage'), where, ANSWER_LANGUAGES);

  const draft: SectionDraft = {
    section: undefined as unknown as Section,
    line,
    rubricRefs: [],
    anchors: [],
  };

  let documentFile: string | undefined;
  const docEntry = m.get('document');
  if (docEntry) {
    const value = r.text(docEntry, where);
    if (value !== undefined) {
      documentFile = value.trim();
      draft.documentEntryLine = r.entryLine(docEntry);
    }
  }

  const rubricsEntry = m.get('rubrics');
  const rubricItems = r.list(rubricsEntry, where, 'name the rubric(s) that grade this section, for example `rubrics: [reading-b2, writing-b1]`');
  const rubricIds: string[] = [];
  let rubricsOk = rubricItems !== undefined && rubricItems.length > 0;
  rubricItems?.forEach((item) => {
    const itemLine = r.line(item, r.entryLine(rubricsEntry!));
    if (isScalar(item) && typeof item.value === 'string' && ITEM_ID.test(item.value)) {
      if (rubricIds.includes(item.value)) r.report(itemLine, `${where}: rubric \`${item.value}\` is listed twice`);
      else {
        rubricIds.push(item.value);
        draft.rubricRefs.push({ id: item.value, line: itemLine });
      }
    } else {
      r.report(itemLine, `${where}: each entry of \`rubrics\` must be the id of a rubric declared under \`rubrics:\` at the top of the file, found ${describe(item)}`);
      rubricsOk = false;
    }
  });

  const questionsEntry = m.get('questions');
  const questionItems = r.list(questionsEntry, where, 'a section needs at least one question');
  const questions: Question[] = [];
  let questionsOk = questionItems !== undefined && questionItems.length > 0;
  questionItems?.forEach((item, i) => {
    const q = readQuestion(r, item, where, i, questionIds, r.entryLine(questionsEntry!), draft);
    if (q) questions.push(q);
    else questionsOk = false;
  });

  if (!id || !title || (m.has('instructions') && !instructions) || !answerLanguage || !rubricsOk || !questionsOk) return undefined;
  const section: Section = {
    id,
    title,
    documentToc: [],
    documentWords: 0,
    answerLanguage,
    rubricIds,
    questions,
  };
  if (instructions) section.instructions = instructions;
  if (documentFile !== undefined) section.documentFile = documentFile;
  draft.section = section;
  return draft;
}

// ---------------------------------------------------------------------------------------
// Files

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Every regular file under `dir`, as sorted paths relative to it (forward slashes). */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (sub: string): void => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else if (entry.isFile() || (entry.isSymbolicLink() && fs.statSync(path.join(dir, rel), { throwIfNoEntry: false })?.isFile())) out.push(rel);
    }
  };
  walk('');
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** SHA-256 over the sorted relative paths and contents of every file of the pack. */
export function packDigest(packDir: string): string {
  const hash = crypto.createHash('sha256');
  for (const rel of listFiles(packDir)) {
    const content = fs.readFileSync(path.join(packDir, rel));
    hash.update(`${rel}\0${content.length}\0`);
    hash.update(content);
  }
  return hash.digest('hex');
}

/** Checks a path written in pack.yaml or a document: relative, inside the pack, an existing file. */
function checkPackFile(packDir: string, relPath: string): { ok: true; abs: string } | { ok: false; reason: string } {
  if (relPath.includes('\\') || relPath.includes('\0')) return { ok: false, reason: `write paths with forward slashes (/), found "${relPath}"` };
  if (path.isAbsolute(relPath) || relPath.startsWith('/')) return { ok: false, reason: `paths are relative to the pack folder, found "${relPath}"` };
  const abs = path.resolve(packDir, relPath);
  if (!isInside(packDir, abs) || abs === packDir) return { ok: false, reason: `"${relPath}" is outside the pack folder; keep every file of the pack inside it` };
  const stat = fs.statSync(abs, { throwIfNoEntry: false });
  if (!stat) return { ok: false, reason: `the file "${relPath}" does not exist in the pack folder` };
  if (!stat.isFile()) return { ok: false, reason: `"${relPath}" is not a file` };
  const real = fs.realpathSync(abs);
  if (!isInside(fs.realpathSync(packDir), real)) return { ok: false, reason: `"${relPath}" is a link to a file outside the pack folder` };
  return { ok: true, abs };
}

const SVG_DANGERS: { pattern: RegExp; what: string }[] = [
  { pattern: /<script\b/i, what: 'a <script> element' },
  { pattern: /<foreignObject\b/i, what: 'a <foreignObject> element' },
  { pattern: /\son[a-z]+\s*=/i, what: 'an event handler attribute (on...=)' },
  { pattern: /javascript:/i, what: 'a javascript: link' },
  { pattern: /(?:href|src)\s*=\s*["']\s*(?:https?:)?\/\//i, what: 'a reference to a file on the internet' },
  { pattern: /@import\b|url\(\s*["']?\s*(?:https?:)?\/\//i, what: 'a stylesheet import from the internet' },
  { pattern: /<!ENTITY\b/i, what: 'an XML entity declaration' },
];

/** Looks at an image file: real content of its type, and no script or external resource in SVG. */
function checkImageContent(abs: string): { line: number; message: string } | undefined {
  const data = fs.readFileSync(abs);
  const ext = path.extname(abs).toLowerCase();
  if (ext === '.svg') {
    const text = data.toString('utf8');
    if (!/<svg\b/i.test(text)) return { line: 1, message: 'this .svg file holds no <svg> element' };
    for (const danger of SVG_DANGERS) {
      const m = danger.pattern.exec(text);
      if (m) {
        const line = text.slice(0, m.index).split('\n').length;
        return { line, message: `SVG images must be plain drawings; this one contains ${danger.what}, which is not allowed` };
      }
    }
    return undefined;
  }
  const isPng = data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const isJpeg = data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff;
  const isWebp = data.subarray(0, 4).toString('latin1') === 'RIFF' && data.subarray(8, 12).toString('latin1') === 'WEBP';
  const expected = ext === '.png' ? isPng : ext === '.webp' ? isWebp : isJpeg;
  if (!expected) return { line: 1, message: `this file is named ${ext} but its content is not a ${ext === '.png' ? 'PNG' : ext === '.webp' ? 'WebP' : 'JPEG'} image` };
  return undefined;
}

// ---------------------------------------------------------------------------------------
// Packs

/** Loads one pack folder. Problems name files relative to the folder's parent (the content folder). */
export function loadPack(packDir: string): { pack?: Pack; problems: PackProblem[] } {
  const dir = path.resolve(packDir);
  const id = path.basename(dir);
  const contentDir = path.dirname(dir);
  const rel = (abs: string): string => toPosix(path.relative(contentDir, abs));
  const manifestPath = path.join(dir, PACK_FILE);
  const manifestRel = rel(manifestPath);
  const problems: PackProblem[] = [];

  if (!PACK_ID.test(id)) {
    problems.push({ file: manifestRel, line: 1, message: `the pack folder name "${id}" must use only lowercase letters, digits and hyphens (it is used in web addresses), for example "devops-title-qp"` });
  }
  if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    problems.push({ file: rel(dir), line: 1, message: `the pack folder ${dir} does not exist` });
    return { problems };
  }
  let source: string;
  try {
    source = fs.readFileSync(manifestPath, 'utf8');
  } catch {
    const near = ['pack.yml', 'Pack.yaml', 'pack.YAML', 'pack.yaml.txt'].find((n) => fs.existsSync(path.join(dir, n)));
    problems.push({
      file: manifestRel,
      line: 1,
      message: `the pack has no ${PACK_FILE}${near ? `; rename "${near}" to "${PACK_FILE}"` : ''} (every folder of the content folder is a pack; start a folder name with "_" to have it ignored)`,
    });
    return { problems };
  }

  const lines = new LineCounter();
  const doc = parseDocument(source.replace(/^\uFEFF/, ''), { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  const yamlIssues = [...doc.errors, ...doc.warnings];
  if (yamlIssues.length > 0) {
    for (const e of yamlIssues) {
      const line = e.linePos?.[0]?.line ?? 1;
      const first = (e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
      const hint = e.code === 'DUPLICATE_KEY' ? ' (a key appears twice in the same block)' : e.code === 'TAB_AS_INDENT' ? ' (indent with spaces, not tabs)' : '';
      problems.push({ file: manifestRel, line, message: `YAML syntax: ${first}${hint}` });
    }
    return { problems };
  }

  const r = new Reader(manifestRel, doc, lines, problems);
  const root = r.map(doc.contents, PACK_FILE, { required: ['title', 'certification', 'durationMinutes', 'rubrics', 'sections'] }, 1);
  if (!root) return { problems };

  const title = r.localized(root.get('title'), PACK_FILE);
  const certification = r.localized(root.get('certification'), PACK_FILE);
  const durationMinutes = r.integer(root.get('durationMinutes'), PACK_FILE, LIMITS.durationMinutes.min, LIMITS.durationMinutes.max);

  // Rubrics
  const declared = new Map<string, DeclaredRubric>();
  const rubricsEntry = root.get('rubrics');
  const rubricItems = r.list(rubricsEntry, PACK_FILE, 'declare the rubrics the sections use');
  const rubricIds = new IdRegistry(r, 'rubric', 'in the pack');
  rubricItems?.forEach((item, i) => readRubric(r, item, i, declared, rubricIds, r.entryLine(rubricsEntry!)));

  // Sections
  const sectionsEntry = root.get('sections');
  const sectionItems = r.list(sectionsEntry, PACK_FILE, 'a pack needs at least one section');
  const sectionIds = new IdRegistry(r, 'section', 'in the pack');
  const questionIds = new IdRegistry(r, 'question', 'in the whole pack (answers are stored under them)');
  const drafts: SectionDraft[] = [];
  sectionItems?.forEach((item, i) => {
    const draft = readSection(r, item, i, sectionIds, questionIds, r.entryLine(sectionsEntry!));
    if (draft) drafts.push(draft);
  });

  // Rubric references
  for (const draft of drafts) {
    const where = `section ${draft.section.id}`;
    const kinds = new Map<string, string>();
    for (const ref of draft.rubricRefs) {
      const d = declared.get(ref.id);
      if (!d) {
        const known = [...declared.keys()];
        r.report(ref.line, `${where}: rubric \`${ref.id}\` is not declared under \`rubrics:\`${known.length ? `; the declared rubrics are ${known.map((k) => `\`${k}\``).join(', ')}` : ''}`);
        continue;
      }
      d.used = true;
      if (!d.kind) continue;
      const other = kinds.get(d.kind);
      if (other) r.report(ref.line, `${where}: rubrics \`${other}\` and \`${ref.id}\` are both ${d.kind} rubrics; a section is graded by at most one rubric of each kind`);
      else kinds.set(d.kind, ref.id);
      if (d.kind === 'reading' && draft.section.documentFile === undefined) {
        r.report(ref.line, `${where}: rubric \`${ref.id}\` is a reading rubric but the section has no \`document\` to read`);
      }
    }
  }
  for (const [rid, d] of declared) {
    if (!d.used && drafts.length === (sectionItems?.length ?? -1)) {
      r.report(d.line, `rubric \`${rid}\` is declared but no section uses it; list it in a section's \`rubrics\` or remove it`);
    }
  }

  // Documents, images and anchors
  for (const draft of drafts) {
    const section = draft.section;
    const where = `section ${section.id}`;
    let rendered: RenderedDocument | undefined;
    if (section.documentFile !== undefined) {
      const docLine = draft.documentEntryLine ?? draft.line;
      const file = section.documentFile;
      if (!/\.md$/i.test(file)) {
        r.report(docLine, `${where}: \`document\` must be a Markdown file ending in .md, found "${file}"`);
      } else {
        const checked = checkPackFile(dir, file);
        if (!checked.ok) {
          r.report(docLine, `${where}: \`document\`: ${checked.reason}`);
        } else {
          const docRel = rel(checked.abs);
          const relToPack = toPosix(path.relative(dir, checked.abs));
          section.documentFile = relToPack;
          rendered = renderDocument(fs.readFileSync(checked.abs, 'utf8'), { packId: id, documentFile: relToPack });
          section.documentHtml = rendered.html;
          section.documentToc = rendered.toc;
          section.documentWords = rendered.words;
          for (const image of rendered.images) {
            const ref = resolveImageRef(relToPack, image.src);
            if (!ref.ok) {
              problems.push({ file: docRel, line: image.line, message: ref.reason });
              continue;
            }
            const imageFile = checkPackFile(dir, ref.relPath);
            if (!imageFile.ok) {
              problems.push({ file: docRel, line: image.line, message: `image "${image.src}": ${imageFile.reason}` });
              continue;
            }
            const content = checkImageContent(imageFile.abs);
            if (content) problems.push({ file: rel(imageFile.abs), line: content.line, message: content.message });
          }
          if (rendered.words === 0) problems.push({ file: docRel, line: 1, message: 'the document has no text' });
        }
      }
    }
    for (const a of draft.anchors) {
      if (section.documentFile === undefined) {
        r.report(a.line, `question ${a.questionId}: \`documentAnchor\` is set but ${where} has no \`document\``);
      } else if (rendered && !rendered.toc.some((h) => h.id === a.anchor)) {
        const ids = rendered.toc.map((h) => h.id);
        const hint = closest(a.anchor, ids);
        r.report(
          a.line,
          `question ${a.questionId}: \`documentAnchor\` "${a.anchor}" matches no ## or ### heading of ${section.documentFile}${hint ? ` (did you mean "${hint}"?)` : ''}; its heading ids are ${ids.length ? ids.join(', ') : '(none)'}`,
        );
      }
    }
  }

  if (problems.length > 0 || !title || !certification || durationMinutes === undefined || drafts.length !== sectionItems?.length) {
    return { problems };
  }
  const rubrics: Record<string, Rubric> = {};
  for (const [rid, d] of declared) if (d.rubric) rubrics[rid] = d.rubric;
  const pack: Pack = {
    id,
    title,
    certification,
    durationMinutes,
    sections: drafts.map((d) => d.section),
    rubrics,
    dir,
    digest: packDigest(dir),
  };
  return { pack, problems };
}

/**
 * Loads every pack of the content folder: each sub-folder is a pack, except those whose name
 * starts with "." or "_". Files at the top (such as README.md) are ignored.
 */
export function loadPacks(contentDir: string): PackLoadResult {
  const dir = path.resolve(contentDir);
  const packs = new Map<string, Pack>();
  const problems: PackProblem[] = [];
  const stat = fs.statSync(dir, { throwIfNoEntry: false });
  if (!stat?.isDirectory()) {
    problems.push({ file: '.', line: 1, message: `the content folder ${dir} does not exist or is not a folder` });
    return { packs, problems };
  }
  const folders = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => (e.isDirectory() || (e.isSymbolicLink() && fs.statSync(path.join(dir, e.name), { throwIfNoEntry: false })?.isDirectory())) && !e.name.startsWith('.') && !e.name.startsWith('_'))
    .map((e) => e.name)
    .sort();
  for (const name of folders) {
    const result = loadPack(path.join(dir, name));
    problems.push(...result.problems);
    if (result.pack && result.problems.length === 0) packs.set(result.pack.id, result.pack);
  }
  return { packs, problems };
}
