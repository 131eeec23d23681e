import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CODE_ALPHABET } from '../../../server/contract/rules/code-format.js';
import { buildTestApp, createStaff, loginCandidate, loginStaff, openSession, type TestApp } from '../../helpers/build-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => {
  await t.close();
});

describe('POST /api/candidate/login', () => {
  it('logs a candidate in with the codes from the slip, in any case and with or without the hyphen', async () => {
    const { session } = await openSession(t.app, 2);
    const login = await loginCandidate(t.app, session.code.toLowerCase(), session.candidates[0]!.code.replace('-', ' ').toLowerCase());
    expect(login.cookie).toMatch(/^lectern_session=/);
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie: login.cookie } });
    expect(me.json()).toMatchObject({ kind: 'candidate', role: 'candidate', displayName: session.candidates[0]!.code.replace('-', '') });
  });

  it('sets an HttpOnly, SameSite=Strict cookie', async () => {
    const { session } = await openSession(t.app, 1);
    const r = await t.app.inject({ method: 'POST', url: '/api/candidate/login', payload: { sessionCode: session.code, candidateCode: session.candidates[0]!.code } });
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
  });

  it('tells a malformed code, an unknown session and an unknown candidate apart, and logs nobody in', async () => {
    const { session } = await openSession(t.app, 1);
    const post = (payload: object) => t.app.inject({ method: 'POST', url: '/api/candidate/login', payload });
    const malformed = await post({ sessionCode: session.code, candidateCode: 'ABC0' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('bad-code');
    expect(malformed.json().error.message).toMatch(/8 \(letters and digits/);
    const unknownSession = await post({ sessionCode: 'ZZZZZZ', candidateCode: session.candidates[0]!.code });
    expect(unknownSession.statusCode).toBe(401);
    expect(unknownSession.json().error.code).toBe('unknown-session');
    const unknownCandidate = await post({ sessionCode: session.code, candidateCode: 'ZZZZ-ZZZZ' });
    expect(unknownCandidate.statusCode).toBe(401);
    expect(unknownCandidate.json().error.code).toBe('unknown-candidate');
    expect(unknownCandidate.headers['set-cookie']).toBeUndefined();
  });

  it('refuses unknown fields instead of ignoring them', async () => {
    const { session } = await openSession(t.app, 1);
    const r = await t.app.inject({ method: 'POST', url: '/api/candidate/login', payload: { sessionCode: session.code, candidateCode: session.candidates[0]!.code, admin: true } });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('invalid-request');
  });

  it('never refuses a correct code after 30 failures from its address, and makes a wrong code typed again wait, in minutes', async () => {
    const { session } = await openSession(t.app, 1);
    // 30 different wrong codes: the address's free failures (a room behind one address mistyping).
    for (let i = 0; i < 30; i++) {
      const code = `YYYY${CODE_ALPHABET[i % CODE_ALPHABET.length]}${CODE_ALPHABET[Math.floor(i / CODE_ALPHABET.length)]}YY`;
      const r = await t.app.inject({ method: 'POST', url: '/api/candidate/login', payload: { sessionCode: session.code, candidateCode: code } });
      expect(r.statusCode).toBe(401);
    }
    const allowed = await t.app.inject({ method: 'POST', url: '/api/candidate/login', payload: { sessionCode: session.code, candidateCode: session.candidates[0]!.code } });
    expect(allowed.statusCode).toBe(200);
    for (let i = 0; i < 3; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/candidate/login', payload: { sessionCode: session.code, candidateCode: 'ZZZZ-ZZZZ' } });
      expect(r.statusCode).toBe(401);
    }
    const blocked = await t.app.inject({ method: 'POST', url: '/api/candidate/login', payload: { sessionCode: session.code, candidateCode: 'ZZZZ-ZZZZ' } });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('candidate-code-throttled');
    expect(blocked.json().error.retryAfterSeconds).toBeGreaterThan(0);
    expect(blocked.json().error.retryAfterMinutes).toBe(1);
    expect(blocked.json().error.message).toMatch(/ask the proctor/);
  });

  it('refuses a login from another site (Origin check)', async () => {
    const { session } = await openSession(t.app, 1);
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/candidate/login',
      headers: { origin: 'http://evil.example', host: 'localhost:80' },
      payload: { sessionCode: session.code, candidateCode: session.candidates[0]!.code },
    });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('bad-origin');
  });
});

describe('POST /api/auth/login', () => {
  it('logs staff in with the right password and refuses a wrong one without saying which part was wrong', async () => {
    const admin = await createStaff(t.app, 'admin', 'chef');
    const ok = await loginStaff(t.app, 'chef', admin.password);
    expect(ok.csrfToken.length).toBeGreaterThan(20);
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'chef', password: 'nope' } });
    expect(wrong.statusCode).toBe(401);
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'nope' } });
    expect(unknown.json().error.message).toBe(wrong.json().error.message);
  });

  it('locks an account for a while after 5 failures, even with the right password', async () => {
    const admin = await createStaff(t.app, 'admin', 'chef');
    for (let i = 0; i < 5; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'chef', password: `wrong-${i}` } });
      expect(r.statusCode).toBe(401);
    }
    const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'chef', password: admin.password } });
    expect(r.statusCode).toBe(429);
    expect(r.json().error.code).toBe('rate-limited');
  });

  it('revokes the session at logout', async () => {
    const admin = await createStaff(t.app, 'admin', 'chef');
    const login = await loginStaff(t.app, 'chef', admin.password);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: login.headers });
    expect(out.statusCode).toBe(204);
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie: login.cookie } });
    expect(me.statusCode).toBe(401);
  });
});
