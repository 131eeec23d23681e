// Reading the questions of a section: the prompt the candidate reads, the expected length, the
// key points the corrector looks for, and the heading of the document the question is about.

import { LIMITS } from './pack-rules.js';
import type { KeyPoint, Question } from './pack-types.js';
import { renderPrompt } from './render-markdown.js';
import { UniqueIds } from './unique-ids.js';
import { peekId, type AnyNode, type Entry, type Reader } from './yaml-reader.js';

/**
 * A question's `documentAnchor`, kept to be checked once the section's document is rendered
 * and its heading ids are known.
 */
export interface AnchorRef {
  questionId: string;
  anchor: string;
  line: number;
}

/**
 * A key point's `criterion`, kept to be checked against the section's competence rubric once the
 * rubrics are read (rubric-references.ts).
 */
export interface CriterionRef {
  questionId: string;
  keyPointId: string;
  criterion: string;
  line: number;
}

/** Where a question sits, for its messages, and the ids it must not repeat. */
export interface QuestionPlace {
  sectionWhere: string;
  index: number;
  lineIfMissing: number;
  /** Question ids are unique in the whole pack: answers are stored under them. */
  questionIds: UniqueIds;
  /** Receives the question's anchor, if it has one. */
  anchors: AnchorRef[];
  /** Receives the criterion each key point names, if any. */
  criterionRefs: CriterionRef[];
}

export function readQuestion(r: Reader, node: AnyNode, place: QuestionPlace): Question | undefined {
  const line = r.line(node, place.lineIfMissing);
  const peeked = peekId(r.resolve(node));
  const at = peeked ? `question ${peeked}` : `${place.sectionWhere}, question ${place.index + 1}`;
  const m = r.map(node, at, { required: ['id', 'prompt', 'keyPoints', 'targetWords'], optional: ['documentAnchor', 'acceptedVariants', 'likelyMisreadings'] }, line);
  if (!m) return undefined;
  const id = r.id(m.get('id'), at);
  place.questionIds.add(id, line);
  const where = id ? `question ${id}` : at;
  const prompt = r.text(m.get('prompt'), where);
  const targetWords = r.integer(m.get('targetWords'), where, LIMITS.targetWords.min, LIMITS.targetWords.max);
  const documentAnchor = readDocumentAnchor(r, m.get('documentAnchor'), where, id ?? String(place.index + 1), place.anchors);
  const keyPoints = readKeyPoints(r, m.get('keyPoints'), where, (ref) => place.criterionRefs.push({ questionId: id ?? String(place.index + 1), ...ref }));
  const acceptedVariants = readTexts(r, m.get('acceptedVariants'), where);
  const likelyMisreadings = readTexts(r, m.get('likelyMisreadings'), where);

  if (!id || prompt === undefined || targetWords === undefined || !keyPoints || acceptedVariants === null || likelyMisreadings === null) return undefined;
  const question: Question = { id, prompt: prompt.trim(), promptHtml: renderPrompt(prompt), keyPoints, targetWords, line };
  if (documentAnchor !== undefined) question.documentAnchor = documentAnchor;
  if (acceptedVariants) question.acceptedVariants = acceptedVariants;
  if (likelyMisreadings) question.likelyMisreadings = likelyMisreadings;
  return question;
}

/** The heading id a question is about; a leading "#" is allowed, as in a link. */
function readDocumentAnchor(r: Reader, entry: Entry | undefined, where: string, questionId: string, anchors: AnchorRef[]): string | undefined {
  if (!entry) return undefined;
  const value = r.text(entry, where);
  if (value === undefined) return undefined;
  const anchor = value.trim().replace(/^#/, '');
  anchors.push({ questionId, anchor, line: r.entryLine(entry) });
  return anchor;
}

/**
 * A list of texts for the corrector (`acceptedVariants`, `likelyMisreadings`): undefined when the
 * key is absent, null when it is there but wrong (already reported).
 */
function readTexts(r: Reader, entry: Entry | undefined, where: string): string[] | undefined | null {
  if (!entry) return undefined;
  const items = r.list(entry, where, 'write at least one text, or leave the key out');
  if (!items || items.length === 0) return null;
  const out: string[] = [];
  for (const item of items) {
    const text = r.text({ key: entry.key, keyNode: entry.keyNode, value: item }, where);
    if (text === undefined || text.trim() === '') return null;
    out.push(text.trim());
  }
  return out;
}

type CriterionSink = (ref: Omit<CriterionRef, 'questionId'>) => void;

function readKeyPoints(r: Reader, entry: Entry | undefined, where: string, criterionRefs: CriterionSink): KeyPoint[] | undefined {
  const items = r.list(entry, where, 'a question needs at least one key point for the corrector');
  if (!entry || !items) return undefined;
  const ids = new UniqueIds(r, 'key point', `within ${where}`);
  const out: KeyPoint[] = [];
  let ok = items.length > 0;
  items.forEach((item, i) => {
    const line = r.line(item, r.entryLine(entry));
    const at = `${where}, key point ${peekId(item) ?? i + 1}`;
    const m = r.map(item, at, { required: ['id', 'text'], optional: ['criterion'] }, line);
    if (!m) return void (ok = false);
    const id = r.id(m.get('id'), at);
    ids.add(id, line);
    const text = r.text(m.get('text'), at);
    const criterionEntry = m.get('criterion');
    const criterion = criterionEntry ? r.id(criterionEntry, at) : undefined;
    if (id === undefined || text === undefined || (criterionEntry && criterion === undefined)) return void (ok = false);
    const keyPoint: KeyPoint = { id, text: text.trim() };
    if (criterion !== undefined && criterionEntry) {
      keyPoint.criterion = criterion;
      criterionRefs({ keyPointId: id, criterion, line: r.entryLine(criterionEntry) });
    }
    out.push(keyPoint);
  });
  return ok ? out : undefined;
}
