// The key points a pack links to a competence criterion (`criterion:`), given to the jury as the
// evidence the criterion's judgement rests on: which key points, at which level, with what share.
// Pure unit tests of decide() on the small pack (the API test, competence-evidence.test.ts, runs
// them on the bundled pack through a server, which the mutation run cannot afford per mutant).
import { describe, expect, it } from 'vitest';
import { decide, type Decision } from '../../../server/grading/decisions.js';
import { gradingModel, type AnswerMark } from '../../../server/grading/rubric-model.js';
import { answerMark, scriptMark, smallPack } from './fixtures.js';

/** The small pack, with the French section's key points linked to criteria, and one English key
 * point naming a criterion too (its section is not graded by the competence rubric). */
function linkedPack() {
  const pack = smallPack();
  const [english, french] = pack.sections;
  english!.questions[0]!.keyPoints[0]!.criterion = 'sla';
  french!.questions[0]!.keyPoints[0]!.criterion = 'sla';
  french!.questions.push({
    ...french!.questions[0]!,
    id: 'q4',
    keyPoints: [
      { id: 'kp1', text: 'q4 key point 1', criterion: 'sla' },
      { id: 'kp2', text: 'q4 key point 2', criterion: 'sla' },
      { id: 'kp3', text: 'q4 key point 3', criterion: 'relevant' },
      { id: 'kp4', text: 'q4 key point 4' },
    ],
  });
  return gradingModel(pack);
}

const model = linkedPack();
const marks: Record<string, AnswerMark> = {
  q1: answerMark({ kp1: 'found', kp2: 'found' }),
  q3: answerMark({ kp1: 'found' }),
  // kp3 not judged: it counts as missing.
  q4: answerMark({ kp1: 'found', kp2: 'partly', kp4: 'found' }),
};
function evidenceOf(answered: string[], key: string) {
  const ds: Decision[] = decide(model, { answers: new Map(Object.entries(marks)), script: scriptMark([3, 3, 3, 3]), answered: new Set(answered) });
  const d = ds.find((x) => x.key === key)!;
  return d.evidence.kind === 'competence' ? d.evidence.linkedKeyPoints : 'not a competence decision';
}

describe('key points linked to a competence criterion', () => {
  it('gives a criterion its linked key points from the rubric’s sections only, with each level and the share', () => {
    expect(evidenceOf(['q1', 'q2', 'q3', 'q4'], 'supervision/sla')).toEqual({
      found: 2,
      partly: 1,
      missing: 0,
      total: 3,
      share: 2.5 / 3,
      items: [
        { questionId: 'q3', keyPointId: 'kp1', text: 'q3 key point 1', level: 'found' },
        { questionId: 'q4', keyPointId: 'kp1', text: 'q4 key point 1', level: 'found' },
        { questionId: 'q4', keyPointId: 'kp2', text: 'q4 key point 2', level: 'partly' },
      ],
    });
  });

  it('counts a linked key point the corrector did not judge as missing', () => {
    expect(evidenceOf(['q1', 'q2', 'q3', 'q4'], 'supervision/relevant')).toEqual({
      found: 0,
      partly: 0,
      missing: 1,
      total: 1,
      share: 0,
      items: [{ questionId: 'q4', keyPointId: 'kp3', text: 'q4 key point 3', level: 'missing' }],
    });
  });

  it('counts the key points of a question the candidate did not answer as missing, whatever mark is stored', () => {
    expect(evidenceOf(['q1', 'q2', 'q3'], 'supervision/sla')).toMatchObject({
      found: 1,
      partly: 0,
      missing: 2,
      total: 3,
      share: 1 / 3,
    });
  });

  it('gives no linked key points to a criterion no key point names', () => {
    const unlinked = gradingModel(smallPack());
    const ds = decide(unlinked, { answers: new Map(Object.entries(marks)), script: scriptMark([3, 3, 3, 3]), answered: new Set(['q1', 'q2', 'q3']) });
    const sla = ds.find((x) => x.key === 'supervision/sla')!;
    expect(sla.evidence).toEqual({ kind: 'competence', judgement: 'met', partlyCountsAsMet: false });
  });
});
