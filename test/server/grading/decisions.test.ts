import { describe, expect, it } from 'vitest';
import { decide, disagreements, type Decision } from '../../../server/grading/decisions.js';
import { gradingModel, missingJudgements, validateAnswerMark, validateScriptMark, type AnswerMark, type ScriptMark } from '../../../server/grading/rubric-model.js';
import { UserError } from '../../../server/errors.js';
import { answerMark, scriptMark, smallPack } from './fixtures.js';

const model = gradingModel(smallPack());
const all = new Set(['q1', 'q2', 'q3']);

function decisions(answers: Record<string, AnswerMark>, script: ScriptMark | null, answered: Set<string> = all, m = model): Decision[] {
  return decide(m, { answers: new Map(Object.entries(answers)), script, answered });
}
const find = (ds: Decision[], key: string) => ds.find((d) => d.key === key)!;

const goodScript = scriptMark([3, 3, 3, 3]);

describe('reading decision (B2)', () => {
  it('is reached when the key-point share reaches the threshold and misunderstandings stay within it', () => {
    // q1: found + partly, q2: found + missing → (1 + 0.5 + 1 + 0) / 4 = 0.625 ≥ 0.6; one misunderstanding ≤ 1.
    const ds = decisions({ q1: answerMark({ kp1: 'found', kp2: 'partly' }), q2: answerMark({ kp1: 'found', kp2: 'missing' }, 'misunderstanding') }, goodScript);
    const reading = find(ds, 'reading-b2');
    expect(reading.reached).toBe(true);
    expect(reading.evidence).toMatchObject({ kind: 'reading', keyPoints: { found: 2, partly: 1, missing: 1, total: 4 }, share: 0.625, misunderstandings: 1 });
  });

  it('is not reached below the share', () => {
    // (1 + 0.5 + 0.5 + 0) / 4 = 0.5 < 0.6.
    const ds = decisions({ q1: answerMark({ kp1: 'found', kp2: 'partly' }), q2: answerMark({ kp1: 'partly', kp2: 'missing' }) }, goodScript);
    expect(find(ds, 'reading-b2').reached).toBe(false);
  });

  it('is reached exactly at the share', () => {
    const m = gradingModel(smallPack({ reading: { minKeyPointShare: 0.5 } }));
    const ds = decisions({ q1: answerMark({ kp1: 'found', kp2: 'partly' }), q2: answerMark({ kp1: 'partly', kp2: 'missing' }) }, goodScript, all, m);
    expect(find(ds, 'reading-b2').reached).toBe(true);
  });

  it('is not reached with more misunderstandings than allowed, even with every key point found', () => {
    const ds = decisions({ q1: answerMark({ kp1: 'found', kp2: 'found' }, 'misunderstanding'), q2: answerMark({ kp1: 'found', kp2: 'found' }, 'misunderstanding') }, goodScript);
    expect(find(ds, 'reading-b2').reached).toBe(false);
  });

  it('counts an unanswered question as all key points missing, and not as a misunderstanding', () => {
    const ds = decisions({ q1: answerMark({ kp1: 'found', kp2: 'found' }) }, goodScript, new Set(['q1', 'q3']));
    const ev = find(ds, 'reading-b2').evidence;
    expect(ev).toMatchObject({ keyPoints: { found: 2, partly: 0, missing: 2, total: 4 }, share: 0.5, misunderstandings: 0 });
    expect(ev.kind === 'reading' && ev.questions[1]).toMatchObject({ questionId: 'q2', answered: false });
  });

  it('leaves out questions of sections without a reading rubric', () => {
    const ds = decisions({ q1: answerMark({ kp1: 'found', kp2: 'found' }), q2: answerMark({ kp1: 'found', kp2: 'found' }), q3: answerMark({ kp1: 'missing' }, null) }, goodScript);
    expect(find(ds, 'reading-b2').evidence).toMatchObject({ share: 1, keyPoints: { total: 4 } });
  });
});

describe('writing decision (B1)', () => {
  it.each([
    [[3, 3, 3, 3], true, 'every band ≥ 2 and total 12 ≥ 12'],
    [[2, 3, 3, 4], true, 'a band at the minimum, total 12'],
    [[1, 4, 4, 4], false, 'one band below 2, though the total is 13'],
    [[2, 3, 3, 3], false, 'total 11 below 12'],
    [[5, 5, 5, 5], true, 'beyond B1'],
    [[0, 0, 0, 0], false, 'nothing to assess'],
  ] as [[number, number, number, number], boolean, string][])('bands %j → %s (%s)', (bands, reached) => {
    expect(find(decisions({}, scriptMark(bands)), 'writing-b1').reached).toBe(reached);
  });

  it('gives the bands and their total as evidence', () => {
    expect(find(decisions({}, scriptMark([2, 3, 4, 5])), 'writing-b1').evidence).toEqual({
      kind: 'writing',
      bands: { task: 2, organisation: 3, range: 4, accuracy: 5 },
      total: 14,
      threshold: { minBandEach: 2, minTotal: 12 },
    });
  });
});

describe('competence decisions', () => {
  it('meets a criterion judged met, not one judged partly met unless the pack says partly counts', () => {
    const script = scriptMark([3, 3, 3, 3], { relevant: 'met', sla: 'partly' });
    const strict = decisions({}, script);
    expect(find(strict, 'supervision/relevant').reached).toBe(true);
    expect(find(strict, 'supervision/sla').reached).toBe(false);
    const lenient = decisions({}, script, all, gradingModel(smallPack({ partlyCountsAsMet: true })));
    expect(find(lenient, 'supervision/sla').reached).toBe(true);
  });

  it('does not meet a criterion judged not met', () => {
    expect(find(decisions({}, scriptMark([3, 3, 3, 3], { relevant: 'notMet', sla: 'met' })), 'supervision/relevant').reached).toBe(false);
  });
});

describe('disagreements', () => {
  const reading = { q1: answerMark({ kp1: 'found', kp2: 'found' }), q2: answerMark({ kp1: 'found', kp2: 'partly' }) };

  it('finds none when decisions agree and bands are at most one apart', () => {
    expect(disagreements(model, decisions(reading, scriptMark([3, 3, 3, 3])), decisions(reading, scriptMark([4, 3, 2, 4])))).toEqual([]);
  });

  it('flags a band two apart even when the decisions agree', () => {
    const found = disagreements(model, decisions(reading, scriptMark([3, 3, 3, 3])), decisions(reading, scriptMark([5, 3, 3, 3])));
    expect(found).toEqual([{ key: 'writing-b1', kind: 'band-gap', title: { fr: 'task', en: 'task' }, criterionId: 'task', values: [3, 5] }]);
  });

  it('flags a decision that differs', () => {
    const found = disagreements(model, decisions(reading, scriptMark([3, 3, 3, 3])), decisions(reading, scriptMark([2, 3, 3, 3])));
    expect(found).toEqual([{ key: 'writing-b1', kind: 'decision', title: { fr: 'Writing B1', en: 'Writing B1' }, values: ['true', 'false'] }]);
  });
});

describe('rubric checks', () => {
  const refusal = (f: () => void) => {
    try {
      f();
    } catch (err) {
      expect(err).toBeInstanceOf(UserError);
      return { status: (err as UserError).statusCode, code: (err as UserError).code, message: (err as UserError).message };
    }
    throw new Error('not refused');
  };

  it('refuses a key point the question does not have, naming the ones it has', () => {
    expect(refusal(() => validateAnswerMark(model, 'q1', answerMark({ kp9: 'found' })))).toEqual({
      status: 400,
      code: 'unknown-criterion',
      message: 'Question q1 has no key point "kp9"; its key points are "kp1", "kp2".',
    });
  });

  it('refuses a level outside the scale', () => {
    expect(refusal(() => validateAnswerMark(model, 'q1', answerMark({ kp1: 'brilliant' as 'found' }))).code).toBe('out-of-scale');
    expect(refusal(() => validateAnswerMark(model, 'q1', answerMark({}, 'wrong' as 'correct'))).code).toBe('out-of-scale');
  });

  it('refuses an interpretation on a question that is not graded for reading', () => {
    expect(refusal(() => validateAnswerMark(model, 'q3', answerMark({ kp1: 'found' }, 'correct'))).code).toBe('unknown-criterion');
  });

  it('refuses an unknown question', () => {
    expect(refusal(() => validateAnswerMark(model, 'q99', answerMark({}))).code).toBe('unknown-question');
  });

  it('refuses bands outside 0..5 or not whole, and criteria the rubric does not have', () => {
    expect(refusal(() => validateScriptMark(model, scriptMark([6, 3, 3, 3]))).code).toBe('out-of-scale');
    expect(refusal(() => validateScriptMark(model, scriptMark([2.5, 3, 3, 3]))).code).toBe('out-of-scale');
    expect(refusal(() => validateScriptMark(model, scriptMark([-1, 3, 3, 3]))).code).toBe('out-of-scale');
    expect(refusal(() => validateScriptMark(model, { writing: { 'writing-b1': { style: 3 } }, competence: {}, comment: '' })).message).toContain('has no criterion "style"');
    expect(refusal(() => validateScriptMark(model, { writing: { 'writing-c1': {} }, competence: {}, comment: '' })).code).toBe('unknown-criterion');
    expect(refusal(() => validateScriptMark(model, { writing: {}, competence: { supervision: { relevant: 'maybe' as 'met' } }, comment: '' })).code).toBe('out-of-scale');
  });

  it('accepts a partial mark (grading in progress)', () => {
    expect(() => validateAnswerMark(model, 'q1', answerMark({ kp1: 'found' }, null))).not.toThrow();
    expect(() => validateScriptMark(model, { writing: { 'writing-b1': { task: 0 } }, competence: {}, comment: '' })).not.toThrow();
  });

  it('lists what is missing before a reading can be finished, skipping unanswered questions', () => {
    const answers = new Map(Object.entries({ q1: answerMark({ kp1: 'found' }, null) }));
    expect(missingJudgements(model, new Set(['q1', 'q3']), answers, null)).toEqual([
      'q1/kp2',
      'q1/interpretation',
      'q3/kp1',
      'writing-b1/task',
      'writing-b1/organisation',
      'writing-b1/range',
      'writing-b1/accuracy',
      'supervision/relevant',
      'supervision/sla',
    ]);
  });
});
