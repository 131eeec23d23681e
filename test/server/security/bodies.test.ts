// Issue 14, item 2: every body is checked as sent (no coercion), empty bodies included, and a
// request that breaks a database constraint is a 4xx that keeps nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createStaff, openSession, type Login, type TestApp } from '../../helpers/build-app.js';
import { examSessions } from '../../../server/db/schema/exam-sessions.js';
import { errorsFr } from '../../../server/contract/i18n/fr/errors.js';
import { errorsEn } from '../../../server/contract/i18n/en/errors.js';

let t: TestApp;
let admin: Login;
let sessionId: number;
beforeAll(async () => {
  t = await buildTestApp();
  const opened = await openSession(t.app, 2);
  admin = opened.adminLogin;
  sessionId = opened.session.id;
}, 60_000);
afterAll(async () => {
  await t.close();
});

const sessionCount = () => t.app.db.select().from(examSessions).all().length;

describe('POST /api/sessions', () => {
  it('refuses proctorIds: true instead of reading it as [1], and stores no session', async () => {
    const before = sessionCount();
    for (const payload of [{ proctorIds: true }, { proctorIds: 1 }, { candidateCount: true }, { candidateCount: '3' }, { doubleMarking: 'true' }]) {
      const r = await t.app.inject({ method: 'POST', url: '/api/sessions', headers: admin.headers, payload: { packId: 'devops-title-qp', candidateCount: 2, ...payload } });
      expect(r.statusCode, JSON.stringify(payload)).toBe(400);
      expect(r.json().error.code).toBe('invalid-request');
    }
    expect(sessionCount()).toBe(before);
  });

  // The session's staff are checked before any insert, so the refusal names the account; a
  // foreign key failing elsewhere still answers 400 unknown-reference (constraint-errors.ts).
  it('answers 400 unknown-account, not 500, for an account id that does not exist, and stores no session', async () => {
    const before = sessionCount();
    const r = await t.app.inject({ method: 'POST', url: '/api/sessions', headers: admin.headers, payload: { packId: 'devops-title-qp', candidateCount: 2, proctorIds: [9999] } });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ code: 'unknown-account', accountId: 9999 });
    expect(sessionCount()).toBe(before);
  });

  it('still opens a session with a real proctor id', async () => {
    const proctor = await createStaff(t.app, 'proctor');
    const r = await t.app.inject({ method: 'POST', url: '/api/sessions', headers: admin.headers, payload: { packId: 'devops-title-qp', candidateCount: 1, proctorIds: [proctor.id] } });
    expect(r.statusCode).toBe(200);
  });
});

describe('a body the JSON parser cannot read', () => {
  it('is refused with a code the pages word from the catalogue, in French or English, and stores nothing', async () => {
    const before = sessionCount();
    const cases = [
      { payload: '', error: { code: 'ctp_empty_json_body', message: 'The request body is empty: send it as JSON, or send no Content-Type.' } },
      { payload: '{"packId": ', error: { code: 'ctp_invalid_json_body', message: 'The request body is not valid JSON.' } },
      { payload: 'packId=devops-title-qp', error: { code: 'ctp_invalid_json_body', message: 'The request body is not valid JSON.' } },
    ];
    for (const { payload, error } of cases) {
      const r = await t.app.inject({ method: 'POST', url: '/api/sessions', headers: { ...admin.headers, 'content-type': 'application/json' }, payload });
      expect(r.statusCode, JSON.stringify(payload)).toBe(400);
      expect(r.json().error).toEqual(error);
      expect(Object.keys(errorsFr)).toContain(`error.${error.code}`);
      expect(Object.keys(errorsEn)).toContain(`error.${error.code}`);
    }
    expect(sessionCount()).toBe(before);
  });
});

describe('start, pause, resume, end', () => {
  it('accept no body or an empty object, and refuse anything else without changing the session', async () => {
    for (const action of ['start', 'pause', 'resume', 'end']) {
      for (const payload of [{ force: true }, [], 'start', 42]) {
        const r = await t.app.inject({ method: 'POST', url: `/api/sessions/${sessionId}/${action}`, headers: { ...admin.headers, 'content-type': 'application/json' }, payload: JSON.stringify(payload) });
        expect(r.statusCode, `${action} ${JSON.stringify(payload)}`).toBe(400);
        expect(r.json().error.code).toBe('invalid-request');
      }
    }
    const state = () => t.app.db.select().from(examSessions).all().find((s) => s.id === sessionId)!.state;
    expect(state()).toBe('waiting');
    expect((await t.app.inject({ method: 'POST', url: `/api/sessions/${sessionId}/start`, headers: admin.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: `/api/sessions/${sessionId}/pause`, headers: admin.headers, payload: {} })).statusCode).toBe(200);
    expect(state()).toBe('paused');
  });
});

describe('a route that reads no body', () => {
  it('refuses one that is sent', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: admin.headers, payload: { everyone: true } });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toBe('The body is not valid: this request takes no body.');
  });
});
