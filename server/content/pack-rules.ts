// The fixed rules a content pack follows: its manifest's name, the ranges of its numbers and
// the words its fields may take. The readers of each part of a pack share them, so a limit
// changes in one place and every message that quotes it follows.

import type { AnswerLanguage } from './pack-types.js';

export const PACK_FILE = 'pack.yaml';

export const LIMITS = {
  durationMinutes: { min: 5, max: 240 },
  targetWords: { min: 10, max: 1000 },
  writingBand: { min: 0, max: 5 },
} as const;

/** A pack id is its folder name, used in web addresses. */
export const PACK_ID = /^[a-z0-9][a-z0-9-]*$/;
/** Ids of sections, questions, key points, rubrics and criteria. */
export const ITEM_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
export const CEFR_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export const RUBRIC_KINDS = ['reading', 'writing', 'competence'] as const;
export const ANSWER_LANGUAGES: readonly AnswerLanguage[] = ['en', 'fr'];
