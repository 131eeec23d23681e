// The shape of a content pack once it has been loaded and validated.
// A pack is one questionnaire: sections, each with an optional English (or French)
// document, its questions and the rubrics that grade it. Everything the kiosk,
// the proctor's dashboard and the grading view know about an exam comes from here.

/** Text shown in the interface, in both languages. Exam content itself is not translated. */
export interface Localized {
  fr: string;
  en: string;
}

export type AnswerLanguage = 'en' | 'fr';

export interface KeyPoint {
  /** Stable within its question, e.g. "kp1". */
  id: string;
  /** What a correct answer contains, written for the corrector. */
  text: string;
}

export interface Question {
  /** Unique within the pack, e.g. "q3". Answers are stored under this id. */
  id: string;
  /** The question as the candidate reads it (Markdown, rendered and sanitized on the server). */
  prompt: string;
  promptHtml: string;
  keyPoints: KeyPoint[];
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

/** CEFR reference a rubric follows: the scale's name and level, cited, not copied. */
export interface CefrReference {
  /** e.g. "CEFR Companion Volume (2020): Reading for information and argument". */
  scale: string;
  level: 'A1' | 'A2' | 'B1' | 'B2' | 'C1' | 'C2';
}

/** Reading, judged per question: each key point found / partly / missing, and the interpretation. */
export interface ReadingRubric {
  kind: 'reading';
  id: string;
  title: Localized;
  cefr: CefrReference[];
  /** Descriptors written for this project. */
  keyPointLevels: { found: Localized; partly: Localized; missing: Localized };
  interpretationLevels: { correct: Localized; partial: Localized; misunderstanding: Localized };
  threshold: {
    /** Share of key points judged found over all questions (partly counts half), 0..1. */
    minKeyPointShare: number;
    /** At most this many answers judged a misunderstanding. */
    maxMisunderstandings: number;
  };
}

export interface WritingCriterion {
  id: string;
  title: Localized;
  /** Descriptors at bands 1, 3 and 5; 0 means nothing to assess, 2 and 4 lie between. */
  bands: { 1: Localized; 3: Localized; 5: Localized };
}

/** Writing, judged once per script on bands 0..5 per criterion. */
export interface WritingRubric {
  kind: 'writing';
  id: string;
  title: Localized;
  cefr: CefrReference[];
  criteria: WritingCriterion[];
  threshold: {
    /** Every criterion at least this band. */
    minBandEach: number;
    /** Sum of the bands at least this. */
    minTotal: number;
  };
}

export interface CompetenceCriterion {
  id: string;
  title: Localized;
  descriptors: { met: Localized; partly: Localized; notMet: Localized };
}

/** Competence sections (in French): each certification criterion met / partly / not met. */
export interface CompetenceRubric {
  kind: 'competence';
  id: string;
  title: Localized;
  criteria: CompetenceCriterion[];
  threshold: {
    /** A criterion judged "partly" counts as met when true. */
    partlyCountsAsMet: boolean;
  };
}

export type Rubric = ReadingRubric | WritingRubric | CompetenceRubric;

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
}

/** One problem found while loading a pack: always names the file and the line. */
export interface PackProblem {
  file: string;
  line: number;
  message: string;
}

export interface PackLoadResult {
  packs: Map<string, Pack>;
  /** Problems per pack folder; a pack with problems is not in `packs`. */
  problems: PackProblem[];
}
