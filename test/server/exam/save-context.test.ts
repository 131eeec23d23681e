import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, openSession, type TestApp } from '../../helpers/build-app.js';

// A save's context (state, lock, submission, timing) is kept between saves and forgotten at
// each change: every control must be seen by the very next save, with the context already warm.

let t: TestApp;
afterEach(async () => t?.close());

describe("a save's context", () => {
  it('follows every change to the session or the candidate at once', async () => {
    t = await buildTestApp();
    const { session } = await openSession(t.app, 2);
    const exam = t.app.exam;
    const sid = session.id;
    const [a, b] = session.candidates.map((c) => c.id) as [number, number];
    const actor = { kind: 'system' } as const;
    const context = () => exam.saveContext(sid, a)!;

    expect(context().state).toBe('waiting');
    exam.start(sid, actor, 1_000);
    expect(context()).toMatchObject({ state: 'running', timing: { startedAt: 1_000, pauses: [], extraMs: 0 } });
    expect(context()).toBe(context()); // kept between saves

    exam.grantExtraTime(sid, a, { minutes: 10, kind: 'accommodation', reason: 'Tiers-temps' }, actor, 2_000);
    expect(context().timing.extraMs).toBe(600_000);

    exam.pauseCandidate(sid, a, actor, 'malaise', 3_000);
    expect(context().timing.pauses).toEqual([{ startedAt: 3_000, endedAt: null }]);
    exam.resumeCandidate(sid, a, actor, 4_000);
    expect(context().timing.pauses).toEqual([{ startedAt: 3_000, endedAt: 4_000 }]);

    exam.pause(sid, actor, '', 5_000);
    expect(context().state).toBe('paused');
    exam.resume(sid, actor, 6_000);
    expect(context().state).toBe('running');

    exam.setLocked(sid, a, true, actor, 7_000);
    expect(context().lockedAt).toBe(7_000);
    exam.setLocked(sid, a, false, actor, 8_000);
    expect(context().lockedAt).toBeNull();

    exam.submit(a, 'candidate', 9_000);
    expect(context().submittedAt).toBe(9_000);

    expect(exam.saveContext(sid, b)!.submittedAt).toBeNull();
    // b came (read the notice): still writing at the end, they are submitted with it, not absent.
    exam.lifecycle.acknowledgeNotice(b, 9_500);
    exam.end(sid, actor, 10_000);
    expect(exam.saveContext(sid, b)).toMatchObject({ state: 'ended', submittedAt: 10_000 });
  });

  it('is kept through a change no save reads: a notice acknowledged, a new session', async () => {
    t = await buildTestApp();
    const { session, adminLogin } = await openSession(t.app, 2);
    const exam = t.app.exam;
    const [a, b] = session.candidates.map((c) => c.id) as [number, number];
    exam.start(session.id, { kind: 'system' }, 1_000);
    const warm = exam.saveContext(session.id, a)!;
    exam.lifecycle.acknowledgeNotice(b, 2_000);
    expect(exam.saveContext(session.id, a)).toBe(warm);
    const created = await t.app.inject({ method: 'POST', url: '/api/sessions', headers: adminLogin.headers, payload: { packId: 'devops-title-qp', candidateCount: 1, room: 'B13' } });
    expect(created.statusCode).toBe(200);
    expect(exam.saveContext(session.id, a)).toBe(warm);
    // A change a save reads is still seen at once after them.
    exam.setLocked(session.id, a, true, { kind: 'system' }, 3_000);
    expect(exam.saveContext(session.id, a)!.lockedAt).toBe(3_000);
  });

  it('is not given for a candidate of another session', async () => {
    t = await buildTestApp();
    const first = await openSession(t.app, 1);
    const second = await openSession(t.app, 1);
    const candidate = first.session.candidates[0]!.id;
    expect(t.app.exam.saveContext(first.session.id, candidate)).toBeDefined();
    expect(t.app.exam.saveContext(second.session.id, candidate)).toBeUndefined();
  });
});
