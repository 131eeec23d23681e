// One QTI item (3.0, or 2.1/2.2 read with 3.0 names) as a Lectern question: the prompt, the
// expected length, and the key points from the scorer's rubric block.

import { isTag } from 'domhandler';
import type { KeyPoint } from '../pack-types.js';
import { LIMITS } from '../pack-rules.js';
import { blocks } from './html-markdown.js';
import type { ImportedQuestion, LecternQuestion } from './import-model.js';
import { CHARACTERS_PER_WORD } from './qti-names.js';
import { childElements, descendants, firstChild, type Element, type QtiDocument } from './qti-dom.js';
import type { QtiProblem } from './qti-problems.js';
import { packagePath } from './read-package.js';
import { lecternId } from './import-ids.js';

export interface ReadItem {
  question: ImportedQuestion;
  /** The shared stimulus the item refers to, as a path in the package. */
  stimulusFile?: string;
  language?: string;
}

const isScorerBlock = (e: Element): boolean => e.name === 'qti-rubric-block' && (e.attribs.view ?? '').split(/\s+/).includes('scorer');

function keyPointsOf(itemId: string, body: Element): KeyPoint[] {
  const scorer = descendants(body, isScorerBlock);
  const listed = scorer.flatMap((b) => descendants(b, (e) => e.name === 'li'));
  const parts = listed.length > 0 ? listed : scorer.flatMap((b) => descendants(b, (e) => e.name === 'p'));
  return parts
    .map((el, i) => ({ id: lecternId((el.attribs.id ?? '').replace(new RegExp(`^${itemId}-`), ''), `kp${i + 1}`), text: blocks(el.children).trim() }))
    .filter((kp) => kp.text !== '');
}

function promptOf(body: Element, interaction: Element): string {
  const around = body.children.filter((n) => !(isTag(n) && (isScorerBlock(n) || n === interaction)));
  const prompt = firstChild(interaction, 'qti-prompt');
  return [blocks(around), prompt ? blocks(prompt.children) : ''].filter((s) => s.trim() !== '').join('\n\n').trim();
}

function targetWordsOf(interaction: Element): number | undefined {
  const chars = Number(interaction.attribs['expected-length']);
  if (!Number.isFinite(chars) || chars <= 0) return undefined;
  return Math.min(LIMITS.targetWords.max, Math.max(LIMITS.targetWords.min, Math.round(chars / CHARACTERS_PER_WORD)));
}

/** Reads a checked item document; `lectern` is the exporter's own record of it, when there is one. */
export function readItem(file: string, doc: QtiDocument, lectern: LecternQuestion | undefined, notes: string[]): { item?: ReadItem; problems: QtiProblem[] } {
  const root = doc.root;
  const identifier = root.attribs.identifier ?? file;
  const fail = (message: string, el: Element = root): { problems: QtiProblem[] } => ({ problems: [{ file, line: doc.lineOf(el), item: identifier, message }] });
  if (root.name !== 'qti-assessment-item') return fail(`expected an assessment item, found <${root.name}>`);
  const body = firstChild(root, 'qti-item-body');
  const interaction = body && descendants(body, (e) => e.name === 'qti-extended-text-interaction');
  if (!body || !interaction || interaction.length !== 1 || !interaction[0]) {
    return fail('a Lectern question has exactly one extended-text interaction (the candidate writes one answer)');
  }
  const id = lecternId(identifier, 'q1');
  const question: ImportedQuestion = lectern ? { id, ...lectern } : {
    id,
    prompt: promptOf(body, interaction[0]),
    targetWords: targetWordsOf(interaction[0]) ?? 100,
    keyPoints: keyPointsOf(identifier, body),
  };
  if (!lectern && targetWordsOf(interaction[0]) === undefined) notes.push(`item ${identifier}: no expected-length, the expected answer length is set to 100 words`);
  if (/!\[/.test(question.prompt)) return fail('the question shows an image; a Lectern question is text only: put the image in the shared document (a qti-assessment-stimulus)');
  if (question.prompt === '') return fail('the question has no text (no qti-prompt and nothing else in qti-item-body)', body);
  if (question.keyPoints.length === 0) {
    return fail('the item has no key points for the corrector: add a qti-rubric-block view="scorer" (rubricBlock in QTI 2) listing what a correct answer contains', body);
  }
  const ref = childElements(root, 'qti-assessment-stimulus-ref')[0];
  const stimulusFile = ref?.attribs.href !== undefined ? packagePath(file, ref.attribs.href) : undefined;
  if (ref && stimulusFile === undefined) return fail(`the stimulus reference "${ref.attribs.href ?? ''}" points outside the package`, ref);
  const language = root.attribs['xml:lang'];
  return { item: { question, ...(stimulusFile ? { stimulusFile } : {}), ...(language ? { language } : {}) }, problems: [] };
}
