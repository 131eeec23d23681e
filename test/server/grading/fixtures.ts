// A small pack made in code for the grading unit tests: one English section graded for reading and
// writing, one French competence section.
import type { CompetenceRubric, Pack, ReadingRubric, WritingRubric } from '../../../server/content/pack-types.js';
import type { AnswerMark, ScriptMark } from '../../../server/grading/rubric-model.js';

const l = (text: string) => ({ fr: text, en: text });

export function smallPack(overrides: { reading?: Partial<ReadingRubric['threshold']>; writing?: Partial<WritingRubric['threshold']>; partlyCountsAsMet?: boolean } = {}): Pack {
  const reading: ReadingRubric = {
    kind: 'reading',
    id: 'reading-b2',
    title: l('Reading B2'),
    cefr: [{ scale: 'CEFR Companion Volume (2020): Reading for information and argument', level: 'B2' }],
    keyPointLevels: { found: l('found'), partly: l('partly'), missing: l('missing') },
    interpretationLevels: { correct: l('correct'), partial: l('partial'), misunderstanding: l('misunderstanding') },
    threshold: { minKeyPointShare: 0.6, maxMisunderstandings: 1, ...overrides.reading },
  };
  const writing: WritingRubric = {
    kind: 'writing',
    id: 'writing-b1',
    title: l('Writing B1'),
    cefr: [{ scale: 'CEFR Companion Volume (2020): Written assessment grid', level: 'B1' }],
    criteria: ['task', 'organisation', 'range', 'accuracy'].map((id) => ({ id, title: l(id), bands: { 1: l('1'), 3: l('3'), 5: l('5') } })),
    threshold: { minBandEach: 2, minTotal: 12, ...overrides.writing },
  };
  const competence: CompetenceRubric = {
    kind: 'competence',
    id: 'supervision',
    title: l('Supervision'),
    criteria: ['relevant', 'sla'].map((id) => ({ id, title: l(id), descriptors: { met: l('met'), partly: l('partly'), notMet: l('not met') } })),
    threshold: { partlyCountsAsMet: overrides.partlyCountsAsMet ?? false },
  };
  const question = (id: string, kps: number) => ({
    id,
    prompt: id,
    promptHtml: `<p>${id}</p>`,
    keyPoints: Array.from({ length: kps }, (_, i) => ({ id: `kp${i + 1}`, text: `${id} key point ${i + 1}` })),
    targetWords: 50,
    line: 1,
  });
  return {
    id: 'small',
    title: l('Small'),
    certification: l('Test'),
    durationMinutes: 30,
    sections: [
      { id: 's1', title: l('English'), documentToc: [], documentWords: 0, documentHtml: '<p>doc</p>', answerLanguage: 'en', rubricIds: ['reading-b2', 'writing-b1'], questions: [question('q1', 2), question('q2', 2)] },
      { id: 's2', title: l('Français'), documentToc: [], documentWords: 0, answerLanguage: 'fr', rubricIds: ['supervision'], questions: [question('q3', 1)] },
    ],
    rubrics: { 'reading-b2': reading, 'writing-b1': writing, supervision: competence },
    dir: '/nowhere',
    digest: 'x',
  };
}

export const answerMark = (keyPoints: AnswerMark['keyPoints'], interpretation: AnswerMark['interpretation'] = 'correct', comment = ''): AnswerMark => ({ keyPoints, interpretation, comment });

export const scriptMark = (bands: [number, number, number, number], competence: ScriptMark['competence'][string] = { relevant: 'met', sla: 'met' }): ScriptMark => ({
  writing: { 'writing-b1': { task: bands[0], organisation: bands[1], range: bands[2], accuracy: bands[3] } },
  competence: { supervision: competence },
  comment: '',
});
