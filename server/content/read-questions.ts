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

/** Where a question sits, for its messages, and the ids it must not repeat. */
export interface QuestionPlace {
  sectionWhere: string;
  index: number;
  lineIfMissing: number;
  /** Question ids are unique in the whole pack: answers are stored under them. */
  questionIds: UniqueIds;
  /** Receives the question's anchor, if it has one. */
  anchors: AnchorRef[];
}

export function readQuestion(r: Reader, node: AnyNode, place: QuestionPlace): Question | undefined {
  const line = r.line(node, place.lineIfMissing);
  const peeked = peekId(r.resolve(node));
  const at = peeked ? `question ${peeked}` : `${place.sectionWhere}, question ${place.index + 1}`;
  const m = r.map(node, at, { required: ['id', 'prompt', 'keyPoints', 'targetWords'], optional: ['documentAnchor'] }, line);
  if (!m) return undefined;
  const id = r.id(m.get('id'), at);
  place.questionIds.add(id, line);
  const where = id ? `question ${id}` : at;
  const prompt = r.text(m.get('prompt'), where);
  const targetWords = r.integer(m.get('targetWords'), where, LIMITS.targetWords.min, LIMITS.targetWords.max);
  const documentAnchor = readDocumentAnchor(r, m.get('documentAnchor'), where, id ?? String(place.index + 1), place.anchors);
  const keyPoints = readKeyPoints(r, m.get('keyPoints'), where);

  if (!id || prompt === undefined || targetWords === undefined || !keyPoints) return undefined;
  const question: Question = { id, prompt: prompt.trim(), promptHtml: renderPrompt(prompt), keyPoints, targetWords, line };
  if (documentAnchor !== undefined) question.documentAnchor = documentAnchor;
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

function readKeyPoints(r: Reader, entry: Entry | undefined, where: string): KeyPoint[] | undefined {
  const items = r.list(entry, where, 'a question needs at least one key point for the corrector');
  if (!entry || !items) return undefined;
  const ids = new UniqueIds(r, 'key point', `within ${where}`);
  const out: KeyPoint[] = [];
  let ok = items.length > 0;
  items.forEach((item, i) => {
    const line = r.line(item, r.entryLine(entry));
    const at = `${where}, key point ${peekId(item) ?? i + 1}`;
    const m = r.map(item, at, { required: ['id', 'text'] }, line);
    if (!m) return void (ok = false);
    const id = r.id(m.get('id'), at);
    ids.add(id, line);
    const text = r.text(m.get('text'), at);
    if (id === undefined || text === undefined) ok = false;
    else out.push({ id, text: text.trim() });
  });
  return ok ? out : undefined;
}
