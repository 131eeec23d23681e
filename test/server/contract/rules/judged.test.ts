import { describe, expect, it } from 'vitest';
import { isAnsweredText, isJudged, missingJudgements, type JudgedPaper } from '../../../../server/contract/rules/judged.js';

const paper: JudgedPaper = {
  questions: [
    { id: 'q1', keyPoints: [{ id: 'kp1' }, { id: 'kp2' }], graded: true },
    { id: 'q2', keyPoints: [{ id: 'kp1' }], graded: false },
  ],
  writing: [{ id: 'w', criteria: [{ id: 'accuracy' }] }],
  competence: [{ id: 'c', criteria: [{ id: 'c1' }] }],
};

describe('what counts as answered and judged', () => {
  it('takes an answer of blank space for no answer', () => {
    expect(isAnsweredText(' \n\t')).toBe(false);
    expect(isAnsweredText(' ok ')).toBe(true);
  });

  it('counts band 0 as a judgement, and an empty or missing level as none', () => {
    expect([0, 3, 'found'].map(isJudged)).toEqual([true, true, true]);
    expect([undefined, null, ''].map(isJudged)).toEqual([false, false, false]);
  });

  it('lists what is still to judge, leaving unanswered questions out', () => {
    const answers = new Map([['q1', { keyPoints: { kp1: 'found' as const }, interpretation: null, comment: '' }]]);
    expect(missingJudgements(paper, new Set(['q1']), answers, { writing: { w: { accuracy: 0 } }, competence: {}, comment: '' })).toEqual(['q1/kp2', 'q1/interpretation', 'c/c1']);
    expect(missingJudgements(paper, new Set(), new Map(), null)).toEqual(['w/accuracy', 'c/c1']);
  });
});
