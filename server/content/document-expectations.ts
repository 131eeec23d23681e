// What a section's document is expected to be, for the checker's warnings: its language, the
// CEFR level of the reading task and its length. The author states them in the document's front
// matter; otherwise they follow from the pack (the reading rubric's level, the author's guide's
// lengths). Each expectation carries where it came from, so a warning can say why it applies.

import type { CefrLevel, DocumentProfile } from './document-front-matter.js';
import type { AnswerLanguage, Pack, Section } from './pack-types.js';

export interface DocumentExpectations {
  language: AnswerLanguage;
  level?: CefrLevel;
  levelSource: string;
  words: { min: number; max: number };
  wordsSource: string;
}

/**
 * Flesch-Kincaid grade bands per CEFR level of the reading task. Readability formulas do not
 * measure CEFR levels: these bands are a screening rule, not a standard. They are set around the
 * three bundled B2 documents, whose running text scores grade 8.2 to 9.3, with room on each side;
 * grade 13 and more is university-level prose (long sentences of long words) that a B2 reader
 * follows with difficulty, and below 7 the text is plainer than the documentation a B2 reader
 * must handle. Outside the band, the text deserves a second look.
 */
export const LEVEL_GRADE_BANDS: Partial<Record<CefrLevel, { min: number; max: number }>> = {
  B1: { min: 5, max: 10 },
  B2: { min: 7, max: 13 },
  C1: { min: 9, max: 16 },
};

/** The author's guide: a document with the whole time to itself, or one sharing it with another part. */
const WHOLE_TIME = { min: 1200, max: 2000 };
const SHARED_TIME = { min: 600, max: 1000 };

export function expectationsFor(pack: Pack, section: Section, profile: DocumentProfile): DocumentExpectations {
  const language = profile.language ?? section.answerLanguage;
  const rubricLevel = readingLevel(pack, section);
  const alone = pack.sections.length === 1;
  const out: DocumentExpectations = {
    language,
    levelSource: profile.level ? 'front matter `level`' : 'the level of the section\'s reading rubric',
    words: profile.words ?? (alone ? WHOLE_TIME : SHARED_TIME),
    wordsSource: profile.words
      ? 'front matter `words`'
      : alone
        ? "the author's guide for a document with the questionnaire's whole time; state another range with `words:` in the document's front matter"
        : "the author's guide for a document sharing the time with other sections; state another range with `words:` in the document's front matter",
  };
  const level = profile.level ?? rubricLevel;
  if (level) out.level = level;
  return out;
}

/** The highest CEFR level cited by the section's reading rubric, if it has one. */
function readingLevel(pack: Pack, section: Section): CefrLevel | undefined {
  const order = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
  let best: CefrLevel | undefined;
  for (const id of section.rubricIds) {
    const rubric = pack.rubrics[id];
    if (rubric?.kind !== 'reading') continue;
    for (const ref of rubric.cefr) if (!best || order.indexOf(ref.level) > order.indexOf(best)) best = ref.level;
  }
  return best;
}
