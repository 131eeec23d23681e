// The shape of a content pack once it has been loaded and validated.
// A pack is one questionnaire: sections, each with an optional English (or French)
// document, its questions and the rubrics that grade it. Everything the kiosk,
// the proctor's dashboard and the grading view know about an exam comes from here.

import type { AnswerLanguage, KeyPoint, Localized, PackProblem, Rubric } from '../contract/pack.js';

// The shapes the pages see (rubrics, key points, languages) are the contract's; re-exported so
// server modules keep one import for the whole pack.
export type {
  AnswerLanguage,
  CefrReference,
  CompetenceCriterion,
  CompetenceRubric,
  KeyPoint,
  Localized,
  PackProblem,
  ReadingRubric,
  Rubric,
  WritingCriterion,
  WritingRubric,
} from '../contract/pack.js';

export interface Question {
  /** Unique within the pack, e.g. "q3". Answers are stored under this id. */
  id: string;
  /** The question as the candidate reads it (Markdown, rendered and sanitized on the server). */
  prompt: string;
  promptHtml: string;
  keyPoints: KeyPoint[];
  /**
   * Other correct answers the corrector accepts (another valid syntax, another order), shown beside
   * the key points. Absent when the author wrote none.
   */
  acceptedVariants?: string[];
  /** Wrong readings of the document that the question is built to catch, so correctors recognise them. */
  likelyMisreadings?: string[];
  /** Expected length of the answer in words (shown to the candidate as a guide). */
  targetWords: number;
  /** Heading id in the section's document that the question is about (for the corrector). */
  documentAnchor?: string;
  /** The line of the pack file where the question is declared (for error messages). */
  line: number;
}

export interface Section {
  id: string;
  title: Localized;
  /** Instructions shown above the questions. */
  instructions?: Localized;
  /** Path of the Markdown document relative to the pack folder, if the section has one. */
  documentFile?: string;
  /** The document rendered to sanitized HTML, images pointing at the pack's asset route. */
  documentHtml?: string;
  /** Table of contents of the document: heading id, text and depth (2 or 3). */
  documentToc: { id: string; text: string; depth: number }[];
  documentWords: number;
  answerLanguage: AnswerLanguage;
  /** Ids of the rubrics in `Pack.rubrics` that grade this section. */
  rubricIds: string[];
  questions: Question[];
}

export interface Pack {
  /** The folder name, e.g. "devops-title-qp". */
  id: string;
  title: Localized;
  /** Which certification and part this pack belongs to, shown to staff. */
  certification: Localized;
  /** One limit for the whole questionnaire. */
  durationMinutes: number;
  sections: Section[];
  rubrics: Record<string, Rubric>;
  /** Absolute path of the pack folder. */
  dir: string;
  /** SHA-256 over every file of the pack, so a session records exactly which content it ran. */
  digest: string;
  /**
   * Set when the pack holds parallel forms (docs/forms.md): this object is one form, `id` is its
   * registry key (the pack id for the first form, `pack~form` for the others) and `forms` lists
   * them all. A further form's digest is the folder's digest bound to the form id.
   */
  form?: PackFormRef;
  forms?: PackFormInfo[];
}

/** One form of a pack with parallel forms. */
export interface PackFormInfo {
  id: string;
  title: Localized;
  /** The form's registry key (see Pack.form). */
  key: string;
}

export interface PackFormRef extends PackFormInfo {
  /** The pack folder's id, shared by every form. */
  packId: string;
  /** The file holding the form's sections, relative to the pack folder; none for the first form (pack.yaml). */
  file?: string;
}

export interface PackLoadResult {
  packs: Map<string, Pack>;
  /** The further parallel forms of the packs (docs/forms.md), by their key (`pack~form`); a pack's first form is in `packs`. */
  forms?: Map<string, Pack>;
  /** Problems per pack folder; a pack with problems is not in `packs`. */
  problems: PackProblem[];
}
