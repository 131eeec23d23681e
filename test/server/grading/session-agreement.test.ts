// Agreement between a session's first and second readings, per criterion (issue 17): which pairs
// count (both readings finished, answered questions only) and what an unjudged row counts as.
import { describe, expect, it } from 'vitest';
import type { CandidateRow, ExamSessionRow } from '../../../server/grading/exam-lookup.js';
import type { LoadedReading, LoadedScript, LoadedSession } from '../../../server/grading/loaded-session.js';
import type { AnswerMarkRow, ScriptMarkRow } from '../../../server/grading/marks.repo.js';
import { gradingModel } from '../../../server/grading/rubric-model.js';
import { agreementRows } from '../../../server/grading/session-agreement.js';
import { smallPack } from './fixtures.js';

const model = gradingModel(smallPack());
const session: ExamSessionRow = {
  id: 1, code: 'ABCDEF', packId: 'small', packDigest: 'x', title: 'T', room: 'R', state: 'ended', durationMs: 1, startedAt: 1, endedAt: 2,
  doubleMarking: true, gradingClosedAt: null, sebConfigKey: null, createdAt: 0, scheduledAt: null, formId: null, pilot: false,
};
const candidate = (id: number): CandidateRow => ({
  id, sessionId: 1, code: `C${id}`, workstation: null, noticeAcknowledgedAt: 1, lockedAt: null, absentAt: null, submittedAt: 2, submitKind: 'candidate', receiptDigest: 'd',
});

type Level = 'found' | 'partly' | 'missing';
const answerRow = (kp1: Level, kp2: Level, interpretation: AnswerMarkRow['interpretation'] = 'correct'): AnswerMarkRow => ({ keyPoints: { kp1, kp2 }, interpretation, comment: '', revision: 1, updatedAt: 1 });
const scriptRow = (bands: [number, number, number, number], relevant: 'met' | 'partly' | 'notMet' = 'met'): ScriptMarkRow => ({
  writing: { 'writing-b1': { task: bands[0], organisation: bands[1], range: bands[2], accuracy: bands[3] } },
  competence: { supervision: { relevant, sla: 'met' } },
  comment: '', revision: 1, updatedAt: 1,
});
function reading(n: number, answers: Record<string, AnswerMarkRow>, script: ScriptMarkRow | null, finished = true): LoadedReading {
  return { candidateId: 0, correctorId: n, reading: n, assignedAt: 1, finishedAt: finished ? 2 : null, corrector: `c${n}`, answers: new Map(Object.entries(answers)), script };
}
function script(id: number, readings: LoadedReading[], answered = ['q1', 'q2', 'q3']): LoadedScript {
  return { candidate: candidate(id), answers: new Map(), answered: new Set(answered), readings };
}
const loaded = (scripts: LoadedScript[]): LoadedSession => ({ session, pack: model.pack, model, scripts, absent: [] });
const rowOf = (rows: ReturnType<typeof agreementRows>, key: string) => rows.find((r) => r.key === key)!;

describe('agreement rows of a session', () => {
  it('lists one row per reading criterion, writing and competence criterion, and their decisions, with the scale size', () => {
    const rows = agreementRows(loaded([]));
    expect(rows.map((r) => [r.key, r.levels])).toEqual([
      ['reading-b2/key-points', 3],
      ['reading-b2/interpretation', 3],
      // q3 (the French section) has a key point and no reading criterion.
      ['key-points/key-points', 3],
      ['writing-b1/task', 6],
      ['writing-b1/organisation', 6],
      ['writing-b1/range', 6],
      ['writing-b1/accuracy', 6],
      ['supervision/relevant', 3],
      ['supervision/sla', 3],
      ['decision:reading-b2', 2],
      ['decision:writing-b1', 2],
      ['decision:supervision/relevant', 2],
      ['decision:supervision/sla', 2],
    ]);
    expect(rowOf(rows, 'reading-b2/key-points').title).toEqual({ fr: 'Reading B2 — points clés', en: 'Reading B2 — key points' });
    expect(rowOf(rows, 'writing-b1/task').title).toEqual({ fr: 'Writing B1 — task', en: 'Writing B1 — task' });
    expect(rowOf(rows, 'decision:supervision/sla').title).toEqual({ fr: 'sla — décision', en: 'sla — decision' });
    expect(rowOf(rows, 'reading-b2/interpretation').title).toEqual({ fr: 'Reading B2 — interprétation', en: 'Reading B2 — interpretation' });
    expect(rowOf(rows, 'decision:writing-b1').title).toEqual({ fr: 'Writing B1 — décision', en: 'Writing B1 — decision' });
    expect(rowOf(rows, 'decision:reading-b2').title).toEqual({ fr: 'Reading B2 — décision', en: 'Reading B2 — decision' });
    expect(rows.every((r) => r.figures.pairs === 0)).toBe(true);
  });

  it('pairs only scripts whose two readings are both finished', () => {
    const twoFinished = script(1, [reading(1, { q1: answerRow('found', 'found') }, scriptRow([3, 3, 3, 3])), reading(2, { q1: answerRow('found', 'missing') }, scriptRow([3, 3, 3, 3]))]);
    const secondOpen = script(2, [reading(1, {}, scriptRow([3, 3, 3, 3])), reading(2, {}, scriptRow([1, 1, 1, 1]), false)]);
    const firstOpen = script(3, [reading(1, {}, scriptRow([3, 3, 3, 3]), false), reading(2, {}, scriptRow([1, 1, 1, 1]))]);
    const oneReading = script(4, [reading(1, {}, scriptRow([3, 3, 3, 3]))]);
    const rows = agreementRows(loaded([twoFinished, secondOpen, firstOpen, oneReading]));
    expect(rowOf(rows, 'writing-b1/task').figures).toEqual({ pairs: 1, exact: 1, adjacent: 1, kappa: null });
  });

  it('pairs key points per answered question, counting an unjudged key point as missing', () => {
    const s = script(1, [reading(1, { q1: answerRow('found', 'partly') }, null), reading(2, { q1: answerRow('found', 'found'), q2: answerRow('found', 'found') }, null)], ['q1', 'q2']);
    const figures = rowOf(agreementRows(loaded([s])), 'reading-b2/key-points').figures;
    // q1: found/found, partly/found; q2: missing/found twice.
    expect(figures.pairs).toBe(4);
    expect(figures.exact).toBe(1 / 4);
    expect(figures.adjacent).toBe(2 / 4);
  });

  it('leaves out unanswered questions', () => {
    const s = script(1, [reading(1, { q1: answerRow('found', 'found'), q2: answerRow('found', 'found') }, null), reading(2, { q1: answerRow('found', 'found'), q2: answerRow('missing', 'missing') }, null)], ['q1']);
    expect(rowOf(agreementRows(loaded([s])), 'reading-b2/key-points').figures).toMatchObject({ pairs: 2, exact: 1 });
  });

  it('pairs interpretations only where both readings judged one', () => {
    const s = script(1, [
      reading(1, { q1: answerRow('found', 'found', 'correct'), q2: answerRow('found', 'found', null) }, null),
      reading(2, { q1: answerRow('found', 'found', 'misunderstanding'), q2: answerRow('found', 'found', 'correct') }, null),
    ]);
    expect(rowOf(agreementRows(loaded([s])), 'reading-b2/interpretation').figures).toMatchObject({ pairs: 1, exact: 0, adjacent: 0 });
  });

  it('counts an unjudged band as 0 and an unjudged competence as not met', () => {
    const s = script(1, [reading(1, {}, null), reading(2, {}, scriptRow([0, 1, 0, 0], 'notMet'))]);
    const rows = agreementRows(loaded([s]));
    expect(rowOf(rows, 'writing-b1/task').figures).toMatchObject({ pairs: 1, exact: 1 });
    expect(rowOf(rows, 'writing-b1/organisation').figures).toMatchObject({ pairs: 1, exact: 0, adjacent: 1 });
    expect(rowOf(rows, 'supervision/relevant').figures).toMatchObject({ pairs: 1, exact: 1 });
    expect(rowOf(rows, 'supervision/sla').figures).toMatchObject({ pairs: 1, exact: 0, adjacent: 0 });
  });

  it('pairs each decision of the two readings', () => {
    const all = { q1: answerRow('found', 'found'), q2: answerRow('found', 'found') };
    const s1 = script(1, [reading(1, all, scriptRow([3, 3, 3, 3])), reading(2, all, scriptRow([1, 3, 3, 3]))]);
    const s2 = script(2, [reading(2, all, scriptRow([3, 3, 3, 3])), reading(1, all, scriptRow([3, 3, 3, 3]))]);
    const rows = agreementRows(loaded([s1, s2]));
    expect(rowOf(rows, 'decision:writing-b1').figures).toMatchObject({ pairs: 2, exact: 0.5 });
    expect(rowOf(rows, 'decision:reading-b2').figures).toMatchObject({ pairs: 2, exact: 1 });
    expect(rowOf(rows, 'decision:supervision/relevant').figures).toMatchObject({ pairs: 2, exact: 1 });
  });

  it('adds a key-point row for questions of sections without a reading criterion', () => {
    const pack = smallPack();
    pack.sections[0]!.rubricIds = ['writing-b1'];
    const m = gradingModel(pack);
    const s = script(1, [reading(1, { q1: answerRow('found', 'found') }, null), reading(2, { q1: answerRow('found', 'missing') }, null)], ['q1']);
    const rows = agreementRows({ session, pack, model: m, scripts: [s], absent: [] });
    expect(rows.map((r) => r.key)).not.toContain('reading-b2/key-points');
    const row = rowOf(rows, 'key-points/key-points');
    expect(row.title).toEqual({ fr: 'Points clés (sections sans critère de lecture)', en: 'Key points (sections without a reading criterion)' });
    expect(row.figures).toMatchObject({ pairs: 2, exact: 0.5, adjacent: 0.5 });
  });
  it('pairs nothing for a script whose first reading is open, whatever the order the readings are listed in', () => {
    const s = script(1, [reading(2, { q1: answerRow('found', 'found') }, scriptRow([3, 3, 3, 3])), reading(1, { q1: answerRow('found', 'found') }, scriptRow([3, 3, 3, 3]), false)]);
    expect(agreementRows(loaded([s])).every((r) => r.figures.pairs === 0)).toBe(true);
  });

  it('pairs nothing for a script that has only a second reading', () => {
    const s = script(1, [reading(2, { q1: answerRow('found', 'found') }, scriptRow([3, 3, 3, 3]))]);
    expect(agreementRows(loaded([s])).every((r) => r.figures.pairs === 0)).toBe(true);
  });

  it('counts the key points of an answer only the first reading marked as missing in the second', () => {
    const s = script(1, [reading(1, { q1: answerRow('found', 'partly', 'correct') }, null), reading(2, {}, null)], ['q1']);
    const rows = agreementRows(loaded([s]));
    expect(rowOf(rows, 'reading-b2/key-points').figures).toMatchObject({ pairs: 2, exact: 0, adjacent: 0.5 });
    expect(rowOf(rows, 'reading-b2/interpretation').figures.pairs).toBe(0);
  });

  it('pairs no interpretation for a question of a section without a reading criterion, even when both readings gave one', () => {
    const s = script(1, [reading(1, { q3: answerRow('found', 'found', 'correct') }, null), reading(2, { q3: answerRow('found', 'found', 'misunderstanding') }, null)], ['q3']);
    const rows = agreementRows(loaded([s]));
    expect(rowOf(rows, 'key-points/key-points').figures).toMatchObject({ pairs: 1, exact: 1 });
    expect(rowOf(rows, 'reading-b2/interpretation').figures.pairs).toBe(0);
  });

  it('reads a script mark that leaves a rubric out as unjudged: bands 0, competences not met', () => {
    const empty: ScriptMarkRow = { writing: {}, competence: {}, comment: '', revision: 1, updatedAt: 1 };
    const marked = scriptRow([0, 1, 0, 0], 'notMet');
    // Either reading may be the one that left the rubrics out.
    for (const readings of [[reading(1, {}, empty), reading(2, {}, marked)], [reading(1, {}, marked), reading(2, {}, empty)]]) {
      const rows = agreementRows(loaded([script(1, readings)]));
      expect(rowOf(rows, 'writing-b1/task').figures).toMatchObject({ pairs: 1, exact: 1 });
      expect(rowOf(rows, 'writing-b1/organisation').figures).toMatchObject({ pairs: 1, exact: 0, adjacent: 1 });
      expect(rowOf(rows, 'supervision/relevant').figures).toMatchObject({ pairs: 1, exact: 1 });
      expect(rowOf(rows, 'supervision/sla').figures).toMatchObject({ pairs: 1, exact: 0 });
    }
  });

  it('adds no key-point row when the sections without a reading criterion have no key point', () => {
    const pack = smallPack();
    pack.sections[1]!.questions[0]!.keyPoints = [];
    const m = gradingModel(pack);
    const rows = agreementRows({ session, pack, model: m, scripts: [], absent: [] });
    expect(rows.map((r) => r.key)).not.toContain('key-points/key-points');
    expect(rows.map((r) => r.key)).toContain('reading-b2/key-points');
  });
});
