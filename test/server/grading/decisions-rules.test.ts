// The decision rules a jury reads (issue 17): each sentence is one rule that would change a
// certification outcome if a plausible edit of server/grading/decisions.ts broke it.
import { describe, expect, it } from 'vitest';
import { decide, disagreements, MAX_BAND_GAP, type Decision } from '../../../server/grading/decisions.js';
import { gradingModel, type AnswerMark, type ScriptMark } from '../../../server/grading/rubric-model.js';
import { answerMark, scriptMark, smallPack } from './fixtures.js';

const model = gradingModel(smallPack());
const lenientModel = gradingModel(smallPack({ partlyCountsAsMet: true }));
const all = new Set(['q1', 'q2', 'q3']);

function decisions(answers: Record<string, AnswerMark>, script: ScriptMark | null, answered: Set<string> = all, m = model): Decision[] {
  return decide(m, { answers: new Map(Object.entries(answers)), script, answered });
}
const find = (ds: Decision[], key: string) => ds.find((d) => d.key === key)!;
const allFound = { q1: answerMark({ kp1: 'found', kp2: 'found' }), q2: answerMark({ kp1: 'found', kp2: 'found' }) };

describe('competence: partly counts as met', () => {
  it('never turns a criterion judged not met into met', () => {
    const ds = decisions({}, scriptMark([3, 3, 3, 3], { relevant: 'notMet', sla: 'partly' }), all, lenientModel);
    expect(find(ds, 'supervision/relevant').reached).toBe(false);
    expect(find(ds, 'supervision/sla').reached).toBe(true);
  });

  it('never turns a criterion not judged at all into met', () => {
    const ds = decisions({}, scriptMark([3, 3, 3, 3], { relevant: 'partly' }), all, lenientModel);
    expect(find(ds, 'supervision/sla').reached).toBe(false);
    expect(find(ds, 'supervision/sla').evidence).toEqual({ kind: 'competence', judgement: null, partlyCountsAsMet: true });
  });

  it('gives the judgement and the rubric’s rule as evidence', () => {
    const ds = decisions({}, scriptMark([3, 3, 3, 3], { relevant: 'met', sla: 'partly' }));
    expect(find(ds, 'supervision/sla')).toEqual({
      key: 'supervision/sla',
      rubricId: 'supervision',
      kind: 'competence',
      title: { fr: 'sla', en: 'sla' },
      reached: false,
      evidence: { kind: 'competence', judgement: 'partly', partlyCountsAsMet: false },
    });
  });
});

describe('a script with no script-level marks', () => {
  const ds = decisions(allFound, null);

  it('still decides every criterion, reading on its own key points', () => {
    expect(ds.map((d) => d.key)).toEqual(['reading-b2', 'writing-b1', 'supervision/relevant', 'supervision/sla']);
    expect(find(ds, 'reading-b2').reached).toBe(true);
  });

  it('counts each writing band as 0, so writing is not reached', () => {
    expect(find(ds, 'writing-b1')).toMatchObject({ reached: false, evidence: { kind: 'writing', bands: { task: 0, organisation: 0, range: 0, accuracy: 0 }, total: 0 } });
  });

  it('meets no competence criterion, even where partly counts as met', () => {
    const lenient = decisions(allFound, null, all, lenientModel);
    expect(find(lenient, 'supervision/relevant').reached).toBe(false);
    expect(find(lenient, 'supervision/relevant').evidence).toEqual({ kind: 'competence', judgement: null, partlyCountsAsMet: true });
  });
});

describe('reading decision evidence', () => {
  it('counts found, partly and missing key points per question and in total, with the share', () => {
    const ds = decisions({ q1: answerMark({ kp1: 'found', kp2: 'partly' }, 'partial', 'ok'), q2: answerMark({ kp1: 'missing' }, 'misunderstanding') }, null);
    const reading = find(ds, 'reading-b2');
    expect(reading).toMatchObject({ key: 'reading-b2', rubricId: 'reading-b2', kind: 'reading', title: { fr: 'Reading B2', en: 'Reading B2' }, reached: false });
    expect(reading.evidence).toEqual({
      kind: 'reading',
      keyPoints: { found: 1, partly: 1, missing: 2, total: 4 },
      share: 1.5 / 4,
      misunderstandings: 1,
      questions: [
        { questionId: 'q1', answered: true, found: 1, partly: 1, missing: 0, interpretation: 'partial', comment: 'ok' },
        { questionId: 'q2', answered: true, found: 0, partly: 0, missing: 2, interpretation: 'misunderstanding', comment: '' },
      ],
      threshold: { minKeyPointShare: 0.6, maxMisunderstandings: 1 },
    });
  });

  it('ignores the mark of an unanswered question (its key points count as missing)', () => {
    const ds = decisions(allFound, null, new Set(['q1', 'q3']));
    const evidence = find(ds, 'reading-b2').evidence;
    expect(evidence).toMatchObject({ keyPoints: { found: 2, partly: 0, missing: 2, total: 4 }, share: 0.5 });
    if (evidence.kind !== 'reading') throw new Error('reading evidence expected');
    expect(evidence.questions[1]).toEqual({ questionId: 'q2', answered: false, found: 0, partly: 0, missing: 2, interpretation: null, comment: '' });
  });

  it('is not reached at exactly one misunderstanding over the allowance', () => {
    const strict = gradingModel(smallPack({ reading: { maxMisunderstandings: 0 } }));
    const ds = decisions({ ...allFound, q2: answerMark({ kp1: 'found', kp2: 'found' }, 'misunderstanding') }, null, all, strict);
    expect(find(ds, 'reading-b2').reached).toBe(false);
    expect(find(decisions(allFound, null, all, strict), 'reading-b2').reached).toBe(true);
  });

  it('is not reached with no key point at all to judge when the rubric asks for a share', () => {
    const ds = decisions({}, null, new Set());
    expect(find(ds, 'reading-b2')).toMatchObject({ reached: false, evidence: { share: 0, keyPoints: { total: 4 } } });
  });

  it('is reached at a share that floating point puts a hair below the threshold', () => {
    // 2.5 / 4 = 0.625 against a threshold stored as 0.625 plus float noise: the tolerance absorbs it.
    const m = gradingModel(smallPack({ reading: { minKeyPointShare: 0.625 + 1e-10 } }));
    const ds = decisions({ q1: answerMark({ kp1: 'found', kp2: 'found' }), q2: answerMark({ kp1: 'partly', kp2: 'missing' }) }, null, all, m);
    expect(find(ds, 'reading-b2').reached).toBe(true);
  });

  it('is not reached a clear step below the share', () => {
    const m = gradingModel(smallPack({ reading: { minKeyPointShare: 0.625 + 1e-6 } }));
    const ds = decisions({ q1: answerMark({ kp1: 'found', kp2: 'partly' }), q2: answerMark({ kp1: 'found', kp2: 'missing' }) }, null, all, m);
    expect(find(ds, 'reading-b2').reached).toBe(false);
  });
});

describe('writing decision', () => {
  it('needs every band at the minimum, not only the total', () => {
    expect(find(decisions({}, scriptMark([5, 5, 5, 1])), 'writing-b1').reached).toBe(false);
    expect(find(decisions({}, scriptMark([2, 2, 4, 4])), 'writing-b1').reached).toBe(true);
  });

  it('needs the total at the minimum, with every band at the minimum', () => {
    expect(find(decisions({}, scriptMark([2, 3, 3, 3])), 'writing-b1').reached).toBe(false);
    expect(find(decisions({}, scriptMark([3, 3, 3, 3])), 'writing-b1').reached).toBe(true);
  });
});

describe('disagreements', () => {
  it('tolerates a band gap of exactly one and flags a gap of two, in either direction', () => {
    expect(MAX_BAND_GAP).toBe(1);
    const base = decisions(allFound, scriptMark([4, 4, 4, 3]));
    expect(disagreements(model, base, decisions(allFound, scriptMark([3, 5, 4, 4])))).toEqual([]);
    const gaps = disagreements(model, base, decisions(allFound, scriptMark([4, 2, 4, 5])));
    expect(gaps.map((g) => [g.kind, g.kind === 'band-gap' ? g.criterionId : null, g.values])).toEqual([
      ['band-gap', 'organisation', [4, 2]],
      ['band-gap', 'accuracy', [3, 5]],
    ]);
  });

  it('flags a decision and a band gap of the same criterion both', () => {
    const both = disagreements(model, decisions(allFound, scriptMark([5, 5, 5, 5])), decisions(allFound, scriptMark([1, 5, 5, 5])));
    expect(both.map((d) => d.kind)).toEqual(['decision', 'band-gap']);
    expect(both[1]).toEqual({ key: 'writing-b1', kind: 'band-gap', title: { fr: 'task', en: 'task' }, criterionId: 'task', values: [5, 1] });
  });

  it('flags a competence decision that differs, under its criterion key', () => {
    const found = disagreements(
      model,
      decisions(allFound, scriptMark([3, 3, 3, 3], { relevant: 'met', sla: 'met' })),
      decisions(allFound, scriptMark([3, 3, 3, 3], { relevant: 'notMet', sla: 'met' })),
    );
    expect(found).toEqual([{ key: 'supervision/relevant', kind: 'decision', title: { fr: 'relevant', en: 'relevant' }, values: ['true', 'false'] }]);
  });

  it('skips a decision the other reading does not have', () => {
    const first = decisions(allFound, scriptMark([3, 3, 3, 3]));
    const second = first.filter((d) => d.key !== 'writing-b1').map((d) => ({ ...d, reached: !d.reached }));
    expect(disagreements(model, first, second).map((d) => d.key)).toEqual(['reading-b2', 'supervision/relevant', 'supervision/sla']);
  });

  it('reads a band the other reading lacks as 0 and names an unknown criterion by its id', () => {
    const first = decisions(allFound, scriptMark([3, 3, 3, 3]));
    const second = decisions(allFound, scriptMark([3, 3, 3, 3]));
    const w1 = find(first, 'writing-b1');
    const w2 = find(second, 'writing-b1');
    if (w1.evidence.kind !== 'writing' || w2.evidence.kind !== 'writing') throw new Error('writing evidence expected');
    w1.evidence.bands.extra = 2;
    delete w2.evidence.bands.task;
    w1.evidence.bands.task = 1;
    expect(disagreements(model, first, second)).toEqual([{ key: 'writing-b1', kind: 'band-gap', title: { fr: 'extra', en: 'extra' }, criterionId: 'extra', values: [2, 0] }]);
  });
});

describe('script marks that leave a rubric out', () => {
  // A script mark saved before a rubric was judged holds no entry for it at all (not an empty one).
  const withoutRubrics: ScriptMark = { writing: {}, competence: {}, comment: '' };

  it('counts every band of a writing rubric the mark does not hold as 0', () => {
    expect(find(decisions(allFound, withoutRubrics), 'writing-b1')).toMatchObject({ reached: false, evidence: { bands: { task: 0, organisation: 0, range: 0, accuracy: 0 }, total: 0 } });
  });

  it('reads a competence rubric the mark does not hold as not judged, even where partly counts as met', () => {
    const ds = decisions(allFound, withoutRubrics, all, lenientModel);
    expect(find(ds, 'supervision/sla')).toMatchObject({ reached: false, evidence: { judgement: null } });
  });
});

describe('a reading rubric with no key point to count', () => {
  const pack = smallPack({ reading: { minKeyPointShare: 0 } });
  for (const q of pack.sections[0]!.questions) q.keyPoints = [];
  const bare = gradingModel(pack);

  it('has a share of 0, not a share of nothing over nothing', () => {
    const reading = find(decisions({}, null, all, bare), 'reading-b2');
    expect(reading.evidence).toMatchObject({ keyPoints: { found: 0, partly: 0, missing: 0, total: 0 }, share: 0 });
    // A rubric that asks for no share is then reached on its misunderstandings alone.
    expect(reading.reached).toBe(true);
  });
});

describe('band gaps', () => {
  it('compares bands only when both readings give writing evidence under the key', () => {
    const first = decisions(allFound, scriptMark([3, 3, 3, 3]));
    const reading = find(first, 'reading-b2');
    const writing = find(first, 'writing-b1');
    // The same key decided as reading in one reading and writing in the other: only the decision is compared.
    const asReading: Decision = { ...reading, key: 'writing-b1', reached: writing.reached };
    expect(disagreements(model, [writing], [asReading])).toEqual([]);
    expect(disagreements(model, [asReading], [writing])).toEqual([]);
  });

  it('names a criterion by the rubric’s title for it, or by its id when the model no longer has the rubric', () => {
    const pack = smallPack();
    const rubric = pack.rubrics['writing-b1'];
    if (rubric?.kind !== 'writing') throw new Error('writing rubric expected');
    rubric.criteria[0]!.title = { fr: 'Réalisation de la tâche', en: 'Task achievement' };
    const titled = gradingModel(pack);
    const first = decisions(allFound, scriptMark([5, 4, 4, 4]), all, titled);
    const second = decisions(allFound, scriptMark([3, 4, 4, 4]), all, titled);
    expect(disagreements(titled, first, second)).toEqual([
      { key: 'writing-b1', kind: 'band-gap', title: { fr: 'Réalisation de la tâche', en: 'Task achievement' }, criterionId: 'task', values: [5, 3] },
    ]);
    expect(disagreements({ ...titled, writing: [] }, first, second)).toEqual([
      { key: 'writing-b1', kind: 'band-gap', title: { fr: 'task', en: 'task' }, criterionId: 'task', values: [5, 3] },
    ]);
    // Another writing rubric with the same criterion ids lends none of its titles.
    const other = { ...rubric, id: 'writing-a2', criteria: rubric.criteria.map((c) => ({ ...c, title: { fr: 'Autre', en: 'Other' } })) };
    expect(disagreements({ ...titled, writing: [other, rubric] }, first, second).map((d) => d.title)).toEqual([{ fr: 'Réalisation de la tâche', en: 'Task achievement' }]);
  });
});

describe('the edges of a decision', () => {
  it('reaches the reading share when it falls exactly the float tolerance (1e-9) below the threshold', () => {
    // 2 / 4 = 0.5 against 0.5 + 1e-9: exactly at the tolerance, still reached.
    const m = gradingModel(smallPack({ reading: { minKeyPointShare: 0.5 + 1e-9 } }));
    const ds = decisions({ q1: answerMark({ kp1: 'found', kp2: 'found' }), q2: answerMark({ kp1: 'missing', kp2: 'missing' }) }, null, all, m);
    expect(find(ds, 'reading-b2').reached).toBe(true);
  });

  it('names each decision’s kind: reading, writing, competence', () => {
    expect(decisions(allFound, scriptMark([3, 3, 3, 3])).map((d) => [d.key, d.kind])).toEqual([
      ['reading-b2', 'reading'],
      ['writing-b1', 'writing'],
      ['supervision/relevant', 'competence'],
      ['supervision/sla', 'competence'],
    ]);
  });
});
