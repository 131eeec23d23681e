// What is still to judge before a reading can be finished: each part of the paper on its own.
import { describe, expect, it } from 'vitest';
import type { AnswerMark } from '../../../../server/contract/grading.js';
import { isAnsweredText, isJudged, missingJudgements, type JudgedPaper } from '../../../../server/contract/rules/judged.js';

const paper: JudgedPaper = {
  questions: [
    { id: 'q1', keyPoints: [{ id: 'kp1' }, { id: 'kp2' }], graded: true },
    { id: 'q2', keyPoints: [{ id: 'kp1' }], graded: false },
  ],
  writing: [{ id: 'w', criteria: [{ id: 'task' }, { id: 'accuracy' }] }],
  competence: [{ id: 'c', criteria: [{ id: 'c1' }, { id: 'c2' }] }],
};

describe('missing judgements', () => {
  it('asks for every key point and the interpretation of an answered graded question without a mark', () => {
    expect(missingJudgements(paper, new Set(['q1', 'q2']), new Map(), { writing: { w: { task: 1, accuracy: 0 } }, competence: { c: { c1: 'met', c2: 'notMet' } }, comment: '' })).toEqual([
      'q1/kp1',
      'q1/kp2',
      'q1/interpretation',
      'q2/kp1',
    ]);
  });

  it('asks nothing more once everything is judged', () => {
    const answers = new Map<string, AnswerMark>([
      ['q1', { keyPoints: { kp1: 'found', kp2: 'missing' }, interpretation: 'partial', comment: '' }],
      ['q2', { keyPoints: { kp1: 'partly' }, interpretation: null, comment: '' }],
    ]);
    expect(missingJudgements(paper, new Set(['q1', 'q2']), answers, { writing: { w: { task: 0, accuracy: 5 } }, competence: { c: { c1: 'partly', c2: 'met' } }, comment: '' })).toEqual([]);
  });

  it('asks for each writing and competence criterion not judged, rubric by rubric', () => {
    expect(missingJudgements(paper, new Set(), new Map(), { writing: { w: { task: 2 } }, competence: { c: { c2: 'met' } }, comment: '' })).toEqual(['w/accuracy', 'c/c1']);
    expect(missingJudgements(paper, new Set(), new Map(), { writing: {}, competence: {}, comment: '' })).toEqual(['w/task', 'w/accuracy', 'c/c1', 'c/c2']);
  });

  it('takes a level of 0 as judged and an empty text as not answered', () => {
    expect(isJudged(0)).toBe(true);
    expect(isJudged('')).toBe(false);
    expect(isAnsweredText('')).toBe(false);
    expect(isAnsweredText('x')).toBe(true);
  });
});
