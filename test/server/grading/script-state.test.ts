import { describe, expect, it } from 'vitest';
import { gradingModel } from '../../../server/grading/rubric-model.js';
import { othersVisible, stateOf } from '../../../server/grading/script-state.js';
import type { LoadedReading, LoadedScript, LoadedSession } from '../../../server/grading/loaded-session.js';
import type { CandidateRow, ExamSessionRow } from '../../../server/exam/exam-service.js';
import { answerMark, scriptMark, smallPack } from './fixtures.js';

const pack = smallPack();
const model = gradingModel(pack);

/** A reading with every judgement: all key points found and the given bands. */
function reading(n: number, finishedAt: number | null, bands: [number, number, number, number] = [3, 3, 3, 3]): LoadedReading {
  const found = answerMark({ kp1: 'found', kp2: 'found' });
  return {
    candidateId: 1,
    correctorId: 10 + n,
    reading: n,
    assignedAt: 0,
    finishedAt,
    corrector: `corrector ${n}`,
    answers: new Map([['q1', { ...found, revision: 1, updatedAt: 0 }], ['q2', { ...found, revision: 1, updatedAt: 0 }], ['q3', { ...answerMark({ kp1: 'found' }), revision: 1, updatedAt: 0 }]]),
    script: { ...scriptMark(bands), revision: 1, updatedAt: 0 },
  };
}

function loaded(doubleMarking: boolean, readings: LoadedReading[]): { session: LoadedSession; script: LoadedScript } {
  // Only the fields the state reads: the rows' other columns play no part.
  const script: LoadedScript = { candidate: { id: 1, code: 'ABC123' } as CandidateRow, answers: new Map(), answered: new Set(['q1', 'q2', 'q3']), readings };
  const session = { session: { id: 1, doubleMarking } as ExamSessionRow, pack, model, scripts: [script], absent: [] };
  return { session, script };
}

const statusOf = (doubleMarking: boolean, readings: LoadedReading[]) => {
  const { session, script } = loaded(doubleMarking, readings);
  const state = stateOf(session, script);
  return [state.status, state.settledBy];
};

describe('where a script stands', () => {
  it('with one reading: unassigned, in progress, then settled by that reading', () => {
    expect(statusOf(false, [])).toEqual(['unassigned', null]);
    expect(statusOf(false, [reading(1, null)])).toEqual(['in-progress', null]);
    expect(statusOf(false, [reading(1, 5)])).toEqual(['settled', 'single']);
  });

  it('with double marking: settled by agreement when both finished readings agree', () => {
    expect(statusOf(true, [reading(1, 5)])).toEqual(['unassigned', null]);
    expect(statusOf(true, [reading(1, 5), reading(2, null)])).toEqual(['in-progress', null]);
    expect(statusOf(true, [reading(1, 5), reading(2, 6)])).toEqual(['settled', 'agreement']);
  });

  it('with double marking: a band gap needs a third reading, which settles it once finished', () => {
    const disagreeing = () => [reading(1, 5, [5, 5, 5, 5]), reading(2, 6, [3, 3, 3, 3])];
    expect(statusOf(true, disagreeing())).toEqual(['needs-third-reading', null]);
    expect(statusOf(true, [...disagreeing(), reading(3, null)])).toEqual(['third-reading', null]);
    expect(statusOf(true, [...disagreeing(), reading(3, 7)])).toEqual(['settled', 'third-reading']);
    const { session, script } = loaded(true, disagreeing());
    expect(stateOf(session, script).disagreements.map((d) => d.kind)).toEqual(['band-gap', 'band-gap', 'band-gap', 'band-gap']);
  });
});

describe('who sees the other readings', () => {
  it('shows a first or second reader the other reading only once both are finished, and the third reader always', () => {
    const first = reading(1, 5);
    const second = reading(2, null);
    const third = reading(3, null);
    const { script } = loaded(true, [first, second, third]);
    expect(othersVisible(script, first)).toBe(false);
    expect(othersVisible(script, third)).toBe(true);
    second.finishedAt = 6;
    expect(othersVisible(script, first)).toBe(true);
  });
});
