// Reading the `sections:` of pack.yaml: each section's title, instructions, document, answer
// language, the rubrics that grade it and its questions.
//
// What can only be checked against other parts of the pack (the rubrics a section cites, its
// document and the headings its questions point at) is kept in a draft and checked afterwards.

import { isScalar } from 'yaml';
import { ANSWER_LANGUAGES, ITEM_ID, PACK_FILE } from './pack-rules.js';
import type { Question, Section } from './pack-types.js';
import { readQuestion, type AnchorRef, type CriterionRef } from './read-questions.js';
import { UniqueIds } from './unique-ids.js';
import { describe, peekId, type AnyNode, type Entry, type Reader } from './yaml-reader.js';

/** A rubric id cited by a section, with its line. */
export interface RubricRef {
  id: string;
  line: number;
}

export interface SectionDraft {
  section: Section;
  line: number;
  documentEntryLine?: number;
  rubricRefs: RubricRef[];
  anchors: AnchorRef[];
  /** The criteria the key points name, checked against the section's competence rubric. */
  criterionRefs: CriterionRef[];
}

export interface ReadSections {
  /** The sections that could be read, in order. */
  drafts: SectionDraft[];
  /** True when every listed section could be read. */
  complete: boolean;
}

export function readSections(r: Reader, manifest: Map<string, Entry>): ReadSections {
  const sectionsEntry = manifest.get('sections');
  const items = r.list(sectionsEntry, PACK_FILE, 'a pack needs at least one section');
  if (!sectionsEntry || !items) return { drafts: [], complete: false };
  const sectionIds = new UniqueIds(r, 'section', 'in the pack');
  const questionIds = new UniqueIds(r, 'question', 'in the whole pack (answers are stored under them)');
  const drafts: SectionDraft[] = [];
  items.forEach((item, i) => {
    const draft = readSection(r, item, i, sectionIds, questionIds, r.entryLine(sectionsEntry));
    if (draft) drafts.push(draft);
  });
  return { drafts, complete: drafts.length === items.length };
}

function readSection(r: Reader, node: AnyNode, index: number, sectionIds: UniqueIds, questionIds: UniqueIds, lineIfMissing: number): SectionDraft | undefined {
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
  const document = readDocumentPath(r, m.get('document'), where);
  const rubrics = readRubricRefs(r, m.get('rubrics'), where);
  const anchors: AnchorRef[] = [];
  const criterionRefs: CriterionRef[] = [];
  const questions = readQuestions(r, m.get('questions'), where, questionIds, { anchors, criterionRefs });

  if (!id || !title || (m.has('instructions') && !instructions) || !answerLanguage || !rubrics.ok || !questions) return undefined;
  const section: Section = {
    id,
    title,
    documentToc: [],
    documentWords: 0,
    answerLanguage,
    rubricIds: rubrics.refs.map((ref) => ref.id),
    questions,
  };
  if (instructions) section.instructions = instructions;
  const draft: SectionDraft = { section, line, rubricRefs: rubrics.refs, anchors, criterionRefs };
  if (document) {
    section.documentFile = document.file;
    draft.documentEntryLine = document.line;
  }
  return draft;
}

/** The `document:` path as written; whether the file is there is checked with the other files. */
function readDocumentPath(r: Reader, entry: Entry | undefined, where: string): { file: string; line: number } | undefined {
  if (!entry) return undefined;
  const value = r.text(entry, where);
  return value === undefined ? undefined : { file: value.trim(), line: r.entryLine(entry) };
}

/** The rubric ids a section cites; whether they are declared is checked once all rubrics are read. */
function readRubricRefs(r: Reader, entry: Entry | undefined, where: string): { refs: RubricRef[]; ok: boolean } {
  const items = r.list(entry, where, 'name the rubric(s) that grade this section, for example `rubrics: [reading-b2, writing-b1]`');
  const refs: RubricRef[] = [];
  if (!entry || !items) return { refs, ok: false };
  let ok = items.length > 0;
  for (const item of items) {
    const itemLine = r.line(item, r.entryLine(entry));
    if (isScalar(item) && typeof item.value === 'string' && ITEM_ID.test(item.value)) {
      const rubricId = item.value;
      if (refs.some((ref) => ref.id === rubricId)) r.report(itemLine, `${where}: rubric \`${rubricId}\` is listed twice`);
      else refs.push({ id: rubricId, line: itemLine });
    } else {
      r.report(itemLine, `${where}: each entry of \`rubrics\` must be the id of a rubric declared under \`rubrics:\` at the top of the file, found ${describe(item)}`);
      ok = false;
    }
  }
  return { refs, ok };
}

function readQuestions(r: Reader, entry: Entry | undefined, where: string, questionIds: UniqueIds, refs: { anchors: AnchorRef[]; criterionRefs: CriterionRef[] }): Question[] | undefined {
  const items = r.list(entry, where, 'a section needs at least one question');
  if (!entry || !items) return undefined;
  const questions: Question[] = [];
  let ok = items.length > 0;
  items.forEach((item, index) => {
    const question = readQuestion(r, item, { sectionWhere: where, index, lineIfMissing: r.entryLine(entry), questionIds, ...refs });
    if (question) questions.push(question);
    else ok = false;
  });
  return ok ? questions : undefined;
}
