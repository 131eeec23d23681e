import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createStaff, openSession, type TestApp } from '../../helpers/build-app.js';
import { AssignmentsRepository } from '../../../server/grading/assignments.repo.js';
import { CorrectorsRepository } from '../../../server/grading/correctors.repo.js';
import { MarksRepository } from '../../../server/grading/marks.repo.js';

// The repositories against a real database with the migrations applied: rows come back typed, the
// JSON columns parsed, and every query keeps to its session.
let t: TestApp;
let sessionId: number;
let otherSessionId: number;
let candidateIds: number[];
let otherCandidateId: number;
let correctorA: number;
let correctorB: number;

beforeAll(async () => {
  t = await buildTestApp();
  const first = await openSession(t.app, 2);
  const other = await openSession(t.app, 1);
  sessionId = first.session.id;
  candidateIds = first.session.candidates.map((c) => c.id);
  otherSessionId = other.session.id;
  otherCandidateId = other.session.candidates[0]!.id;
  correctorA = (await createStaff(t.app, 'corrector', 'repo-a')).id;
  correctorB = (await createStaff(t.app, 'corrector', 'repo-b')).id;
});
afterAll(async () => {
  await t.close();
});

describe('AssignmentsRepository', () => {
  it('lists the readings of a session by candidate then reading, with the corrector\'s name, and finishes and reopens one', () => {
    const repo = new AssignmentsRepository(t.app.db);
    const [c1, c2] = candidateIds as [number, number];
    repo.insert(c2, correctorA, 1, 10);
    repo.insert(c1, correctorB, 2, 11);
    repo.insert(c1, correctorA, 1, 12);
    repo.insert(otherCandidateId, correctorA, 1, 13);
    expect(repo.readingsOfSession(sessionId)).toEqual([
      { candidateId: c1, correctorId: correctorA, reading: 1, assignedAt: 12, finishedAt: null, corrector: 'corrector repo-a' },
      { candidateId: c1, correctorId: correctorB, reading: 2, assignedAt: 11, finishedAt: null, corrector: 'corrector repo-b' },
      { candidateId: c2, correctorId: correctorA, reading: 1, assignedAt: 10, finishedAt: null, corrector: 'corrector repo-a' },
    ]);
    repo.setFinished(c1, correctorB, 99);
    expect(repo.assignment(c1, correctorB)).toEqual({ reading: 2, finishedAt: 99 });
    repo.setFinished(c1, correctorB, null);
    expect(repo.assignment(c1, correctorB)).toEqual({ reading: 2, finishedAt: null });
    repo.deleteReading(c1, 2);
    expect(repo.assignment(c1, correctorB)).toBeUndefined();
    repo.deleteOfSession(sessionId);
    expect(repo.readingsOfSession(sessionId)).toEqual([]);
    expect(repo.readingsOfSession(otherSessionId)).toHaveLength(1);
    repo.deleteOfSession(otherSessionId);
  });
});

describe('CorrectorsRepository', () => {
  it('adds a corrector to a session once, and tells who corrects what', () => {
    const repo = new CorrectorsRepository(t.app.db);
    repo.addToSession(sessionId, correctorB);
    repo.addToSession(sessionId, correctorA);
    repo.addToSession(sessionId, correctorA);
    expect(repo.ofSession(sessionId)).toEqual([correctorA, correctorB]);
    expect(repo.isCorrectorOf(sessionId, correctorA)).toBe(true);
    expect(repo.isCorrectorOf(otherSessionId, correctorA)).toBe(false);
    expect(repo.sessionsOf(correctorA)).toEqual([sessionId]);
    expect(repo.account(correctorA)).toEqual({ id: correctorA, role: 'corrector', displayName: 'corrector repo-a', disabledAt: null });
    expect(repo.activeAccounts().map((a) => a.username)).toEqual(['repo-a', 'repo-b']);
    repo.removeAllFromSession(sessionId);
    expect(repo.ofSession(sessionId)).toEqual([]);
  });
});

describe('MarksRepository', () => {
  it('stores marks with their JSON parsed back, replaces them on a new revision, and counts them per session and reader', () => {
    const repo = new MarksRepository(t.app.db);
    const [c1] = candidateIds as [number, number];
    const answer = { candidateId: c1, questionId: 'q1', correctorId: correctorA, keyPoints: { kp1: 'found' as const }, interpretation: null, comment: '', revision: 1, updatedAt: 5 };
    repo.saveAnswerMark(answer);
    repo.saveAnswerMark({ ...answer, keyPoints: { kp1: 'partly' }, interpretation: 'partial', revision: 2, updatedAt: 6 });
    expect(repo.answerMark(c1, 'q1', correctorA)).toEqual({ keyPoints: { kp1: 'partly' }, interpretation: 'partial', comment: '', revision: 2, updatedAt: 6 });
    const script = { candidateId: c1, correctorId: correctorA, writing: { 'writing-b1': { task: 3 } }, competence: {}, comment: 'clear', revision: 1, updatedAt: 7 };
    repo.saveScriptMark(script);
    expect(repo.scriptMark(c1, correctorA)).toEqual({ writing: { 'writing-b1': { task: 3 } }, competence: {}, comment: 'clear', revision: 1, updatedAt: 7 });
    expect(repo.answerMarksOfSession(sessionId)).toEqual([{ candidateId: c1, questionId: 'q1', correctorId: correctorA, keyPoints: { kp1: 'partly' }, interpretation: 'partial', comment: '', revision: 2, updatedAt: 6 }]);
    expect(repo.scriptMarksOfSession(sessionId)).toEqual([script]);
    expect(repo.countInSession(sessionId)).toBe(2);
    expect(repo.countInSession(otherSessionId)).toBe(0);
    expect(repo.countOfReader(c1, correctorA)).toBe(2);
    expect(repo.countOfReader(c1, correctorB)).toBe(0);
  });
});
