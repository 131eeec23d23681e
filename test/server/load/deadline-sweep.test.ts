import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, openSession, type TestApp } from '../../helpers/build-app.js';
import { SAVE_GRACE_MS } from '../../../server/exam/timing.js';

// The one-second deadline sweep runs beside thousands of autosaves: it reads nothing per
// candidate until a session's own end has passed, and it still submits exactly the overdue.

let t: TestApp;
afterEach(async () => t?.close());

const system = { kind: 'system' } as const;

describe('ExamService.submitOverdue', () => {
  it('submits nobody before the session’s end plus the grace', async () => {
    t = await buildTestApp();
    const { session } = await openSession(t.app, 3);
    const s = t.app.exam.session(session.id)!;
    const startedAt = Date.now() - s.durationMs;
    t.app.exam.start(session.id, system, startedAt);
    expect(t.app.exam.submitOverdue(startedAt + s.durationMs + SAVE_GRACE_MS)).toEqual([]);
  });

  it('submits the overdue candidates and spares the one with extra time', async () => {
    t = await buildTestApp();
    const { session } = await openSession(t.app, 3);
    const s = t.app.exam.session(session.id)!;
    const now = Date.now();
    const startedAt = now - s.durationMs - SAVE_GRACE_MS - 1000;
    t.app.exam.start(session.id, system, startedAt);
    const [first, second, third] = session.candidates;
    // They came (read the monitoring notice): the overdue are submitted, not absent.
    for (const c of session.candidates) t.app.exam.lifecycle.acknowledgeNotice(c.id, startedAt);
    t.app.exam.grantExtraTime(session.id, third!.id, { minutes: 5, kind: 'accommodation', reason: '' }, system, startedAt);
    const done = t.app.exam.submitOverdue(now);
    expect(done.map((d) => d.candidateId).sort()).toEqual([first!.id, second!.id].sort());
    expect(done.every((d) => d.receipt.kind === 'deadline')).toBe(true);
    expect(t.app.exam.candidate(third!.id)!.submittedAt).toBeNull();
    // Submitted once: the next sweep finds nobody new.
    expect(t.app.exam.submitOverdue(now + 1000)).toEqual([]);
  });

  it('marks absent, without a submission or a receipt, the overdue who never came; submits those who did', async () => {
    t = await buildTestApp();
    const { session } = await openSession(t.app, 3);
    const s = t.app.exam.session(session.id)!;
    const now = Date.now();
    const startedAt = now - s.durationMs - SAVE_GRACE_MS - 1000;
    t.app.exam.start(session.id, system, startedAt);
    const [came, wroteNothingButLoggedIn, neverCame] = session.candidates;
    t.app.exam.lifecycle.acknowledgeNotice(came!.id, startedAt);
    await t.app.answers.save({ candidateId: came!.id, questionId: 'q1', revision: 1, text: 'An answer', receivedAt: startedAt + 1000, late: false });
    t.app.exam.lifecycle.acknowledgeNotice(wroteNothingButLoggedIn!.id, startedAt);
    const swept = t.app.exam.sweepOverdue(now);
    expect(swept.submitted.map((d) => d.candidateId).sort()).toEqual([came!.id, wroteNothingButLoggedIn!.id].sort());
    expect(swept.absent).toEqual([{ candidateId: neverCame!.id, sessionId: session.id }]);
    const absent = t.app.exam.candidate(neverCame!.id)!;
    expect(absent.absentAt).toBe(now);
    expect(absent.submittedAt).toBeNull();
    expect(absent.receiptDigest).toBeNull();
    // The one who logged in and wrote nothing has a submitted, empty script.
    expect(swept.submitted.find((d) => d.candidateId === wroteNothingButLoggedIn!.id)!.receipt.answers).toEqual([]);
    expect(t.app.exam.sweepOverdue(now + 1000)).toEqual({ submitted: [], absent: [] });
  });
});
