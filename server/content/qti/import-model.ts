// What the importer builds from a QTI package before writing it out as a pack folder.

import type { AnswerLanguage, KeyPoint, Localized } from '../pack-types.js';

export interface ImportedQuestion {
  id: string;
  prompt: string;
  targetWords: number;
  documentAnchor?: string;
  keyPoints: KeyPoint[];
  acceptedVariants?: string[];
  likelyMisreadings?: string[];
}

export interface ImportedSection {
  id: string;
  title: Localized;
  instructions?: Localized;
  answerLanguage: AnswerLanguage;
  rubrics: string[];
  /** Path of the document relative to the pack folder. */
  document?: string;
  questions: ImportedQuestion[];
}

export interface ImportedPack {
  title: Localized;
  certification: Localized;
  durationMinutes: number;
  /** The rubrics in pack.yaml's shape. */
  rubrics: unknown[];
  sections: ImportedSection[];
  /** Documents and images, by their path relative to the pack folder. */
  files: Map<string, Uint8Array>;
  /** What the importer chose where the package said nothing, for the author to review. */
  notes: string[];
}

/** Lectern's extension for one item, read from the manifest (see export-manifest.ts). */
export interface LecternQuestion {
  prompt: string;
  targetWords: number;
  documentAnchor?: string;
  keyPoints: KeyPoint[];
  acceptedVariants?: string[];
  likelyMisreadings?: string[];
}
