// The time a questionnaire asks for: reading its documents and questions, and writing the answers
// at their target lengths. The checker warns when that load does not fit `durationMinutes`, since
// a speeded reading or writing test measures speed, not the level it claims to measure.
//
// The rates are floors a candidate at the level can keep up, not averages (sources in
// content/README.md, "How long a questionnaire should last"):
//  - reading English (the B2 reading task, non-native readers, technical text): 100 words a
//    minute, the low end of the 100-150 usually reported for careful second-language reading,
//    well below the ~240 of first-language silent reading of non-fiction (Brysbaert 2019);
//  - reading French (the candidates' language here): 200 words a minute;
//  - writing English at B1: 10 words a minute of composed text, the low end of 10-15; an exam
//    board allows more (Cambridge B1 Preliminary: 45 minutes for about 200 words, planning and
//    checking included);
//  - writing French: 15 words a minute, below the ~19 of first-language composition at a
//    keyboard (Karat et al. 1999), since the answers are technical.
import type { AnswerLanguage, Pack } from './pack-types.js';
import { countWords } from './markdown-text.js';

export const READING_WORDS_PER_MINUTE: Record<AnswerLanguage, number> = { en: 100, fr: 200 };
export const WRITING_WORDS_PER_MINUTE: Record<AnswerLanguage, number> = { en: 10, fr: 15 };

export interface ExamLoad {
  /** Words of the documents and the prompts, per language. */
  readingWords: Record<AnswerLanguage, number>;
  /** Target words of the answers, per answer language. */
  writingWords: Record<AnswerLanguage, number>;
  readingMinutes: number;
  writingMinutes: number;
  /** Reading plus writing, rounded up to the minute. */
  minutes: number;
}

/**
 * The load of a pack. A document is read in its own language (`documentLanguage`, from its front
 * matter or the section's answer language); prompts in the section's answer language.
 */
export function examLoad(pack: Pack, documentLanguage: (sectionId: string) => AnswerLanguage): ExamLoad {
  const readingWords = { en: 0, fr: 0 };
  const writingWords = { en: 0, fr: 0 };
  for (const s of pack.sections) {
    if (s.documentFile !== undefined) readingWords[documentLanguage(s.id)] += s.documentWords;
    for (const q of s.questions) {
      readingWords[s.answerLanguage] += countWords(q.prompt);
      writingWords[s.answerLanguage] += q.targetWords;
    }
  }
  const per = (words: Record<AnswerLanguage, number>, rate: Record<AnswerLanguage, number>) => words.en / rate.en + words.fr / rate.fr;
  const readingMinutes = per(readingWords, READING_WORDS_PER_MINUTE);
  const writingMinutes = per(writingWords, WRITING_WORDS_PER_MINUTE);
  return { readingWords, writingWords, readingMinutes, writingMinutes, minutes: Math.ceil(readingMinutes + writingMinutes) };
}
