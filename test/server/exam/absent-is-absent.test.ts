import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, createStaff, loginCandidate, loginStaff, startSession, type TestApp } from '../../helpers/build-app.js';
import { post, supervisedRoom } from '../proctor/helpers.js';
import { fullMarks, gradeScript } from '../grading/scenario.js';
import { tileState } from '../../../server/contract/rules/tiles.js';
import type { OverviewView, ResultsView } from '../../../server/contract/grading.js';
import { auditLog } from '../../../server/db/schema/audit.js';

// Item 6 of issue 11: a candidate who never logged in is absent at the end (no submission, no
// receipt, nothing to grade); one who logged in and wrote nothing hands in an empty script; and
// the dashboard, the report, the grading page and the jury export give the same counts.

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => {
  await t.close();
});

describe('absent is absent', () => {
  it('gives the same counts on the dashboard, the report, the grading page and the jury export', async () => {
    const room = await supervisedRoom(t.app, 4);
    const sid = room.session.id;
    const [wrote, wroteNothing, neverCame, markedAbsent] = room.session.candidates;
    const corrector = await createStaff(t.app, 'corrector');
    const correctorLogin = await loginStaff(t.app, corrector.username, corrector.password);
    t.app.db.$client.prepare("INSERT INTO session_staff (session_id, account_id, role) VALUES (?, ?, 'corrector')").run(sid, corrector.id);

    await loginCandidate(t.app, room.session.code, wrote!.code, wrote!.workstation);
    await loginCandidate(t.app, room.session.code, wroteNothing!.code, wroteNothing!.workstation);
    expect((await post(t.app, room.proctorLogin, `/api/sessions/${sid}/candidates/${markedAbsent!.id}/absent`)).statusCode).toBe(200);
    await startSession(t.app, room.adminLogin, sid);
    const q1 = t.app.packs.questions('devops-title-qp')[0]!.question.id;
    // What the kiosk's socket does on a save: through the answer store, acknowledged once durable.
    await t.app.answers.save({ candidateId: wrote!.id, questionId: q1, revision: 1, text: 'Use OnCalendar and check it.', receivedAt: Date.now(), late: false });
    const ended = await post(t.app, room.proctorLogin, `/api/sessions/${sid}/end`);
    expect(ended.statusCode).toBe(200);

    // Never came: absent, no submission, no receipt; the system recorded why.
    const gone = t.app.exam.candidate(neverCame!.id)!;
    expect(gone).toMatchObject({ submittedAt: null, receiptDigest: null, submitKind: null });
    expect(gone.absentAt).toEqual(expect.any(Number));
    const absentRows = t.app.db.select().from(auditLog).all().filter((r) => r.action === 'candidate.absent-never-came');
    expect(absentRows.map((r) => JSON.parse(r.detail))).toEqual([{ candidateId: neverCame!.id }]);
    // Logged in, wrote nothing: an empty script, submitted, with its receipt.
    const empty = t.app.exam.candidate(wroteNothing!.id)!;
    expect(empty).toMatchObject({ submitKind: 'proctor', absentAt: null });
    expect(empty.receiptDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(t.app.exam.submission.receipt(empty)!.answers).toEqual([]);

    // The dashboard, as the proctor's filter bar counts its tiles.
    const snapshot = t.app.proctor.dashboard.snapshot(sid);
    const states = snapshot.tiles.map((tile) => tileState(tile, 'ended', 0));
    const dashboard = { absent: states.filter((s) => s === 'absent').length, submitted: states.filter((s) => s === 'submitted').length };
    // The session report.
    const report = (await t.app.inject({ url: `/api/sessions/${sid}/report`, headers: room.proctorLogin.headers })).json<{ totals: { absent: number; submitted: number; present: number } }>().totals;
    // The grading page: scripts shared out, graded, closed.
    const overview = (await t.app.inject({ url: `/api/grading/sessions/${sid}/overview`, headers: room.adminLogin.headers })).json<OverviewView>();
    const grading = { absent: overview.absent.length, submitted: overview.scripts.length };
    const distributed = await t.app.inject({ method: 'POST', url: `/api/grading/sessions/${sid}/distribution`, headers: room.adminLogin.headers, payload: { correctorIds: [corrector.id], doubleMarking: false } });
    expect(distributed.statusCode).toBe(200);
    const assigned = t.app.db.$client.prepare('SELECT candidate_id AS id FROM grading_assignments ORDER BY candidate_id').all();
    expect(assigned).toEqual([{ id: wrote!.id }, { id: wroteNothing!.id }]);
    for (const c of [wrote!, wroteNothing!]) await gradeScript(t.app, correctorLogin, sid, c.id, fullMarks('found', [3, 3, 3, 3]));
    expect((await t.app.inject({ method: 'POST', url: `/api/grading/sessions/${sid}/close`, headers: room.adminLogin.headers, payload: {} })).statusCode).toBe(200);
    const jury = (await t.app.inject({ url: `/api/grading/sessions/${sid}/jury.json`, headers: room.adminLogin.headers })).json<ResultsView>();
    const juryCounts = { absent: jury.candidates.filter((c) => c.absent).length, submitted: jury.candidates.filter((c) => !c.absent).length };

    const expected = { absent: 2, submitted: 2 };
    expect({ dashboard, report: { absent: report.absent, submitted: report.submitted }, grading, jury: juryCounts }).toEqual({ dashboard: expected, report: expected, grading: expected, jury: expected });
    expect(report.present).toBe(2);
    expect(overview.absent.map((a) => a.candidateId).sort()).toEqual([neverCame!.id, markedAbsent!.id].sort());
  });
});
