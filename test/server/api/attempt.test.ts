import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, createStaff, loginCandidate, loginStaff, openSession, startSession, type TestApp } from '../../helpers/build-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => {
  await t.close();
});

describe('GET /api/attempt', () => {
  it('shows the exam without its questions before the start, and with them after', async () => {
    const { session, adminLogin } = await openSession(t.app, 1);
    const c = await loginCandidate(t.app, session.code, session.candidates[0]!.code);
    const before = (await t.app.inject({ url: '/api/attempt', headers: { cookie: c.cookie } })).json();
    expect(before.session.state).toBe('waiting');
    expect(before.pack.durationMinutes).toBe(60);
    expect(before.pack.questionCount).toBeGreaterThanOrEqual(5);
    expect(before.pack.sections[0].questions).toEqual([]);
    expect(before.clock.timeLeftMs).toBe(60 * 60_000);
    await startSession(t.app, adminLogin, session.id);
    const after = (await t.app.inject({ url: '/api/attempt', headers: { cookie: c.cookie } })).json();
    expect(after.session.state).toBe('running');
    expect(after.pack.sections[0].questions.length).toBe(before.pack.questionCount);
    expect(after.pack.sections[0].questions[0].promptHtml).toContain('<');
    expect(after.clock.deadlineAt).toBeGreaterThan(Date.now());
  });

  it('is refused to staff and to visitors who are not logged in', async () => {
    const { adminLogin } = await openSession(t.app, 1);
    expect((await t.app.inject({ url: '/api/attempt', headers: { cookie: adminLogin.cookie } })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/attempt' })).statusCode).toBe(401);
  });
});

describe('GET /api/attempt/sections/:id/document', () => {
  it('is refused before the start and served, sanitized, after it', async () => {
    const { session, adminLogin } = await openSession(t.app, 1);
    const c = await loginCandidate(t.app, session.code, session.candidates[0]!.code);
    await t.app.inject({ method: 'POST', url: '/api/attempt/notice', headers: c.headers, payload: {} });
    const url = '/api/attempt/sections/s1/document';
    const early = await t.app.inject({ url, headers: { cookie: c.cookie } });
    expect(early.statusCode).toBe(403);
    expect(early.json().error.code).toBe('not-started');
    await startSession(t.app, adminLogin, session.id);
    const doc = await t.app.inject({ url, headers: { cookie: c.cookie } });
    expect(doc.statusCode).toBe(200);
    expect(doc.json().html).toContain('<table');
    expect(doc.json().html).not.toContain('<script');
    expect(doc.json().toc.length).toBeGreaterThan(3);
    const img = doc.json().html.match(/src="([^"]+)"/)?.[1];
    expect(img).toMatch(/^\/api\/packs\/devops-title-qp\/assets\//);
    const image = await t.app.inject({ url: img, headers: { cookie: c.cookie } });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toContain('image/svg+xml');
  });

  it('is sent compressed as the kiosk accepts it, the same for every candidate, and not again to a kiosk that holds it', async () => {
    const { session, adminLogin } = await openSession(t.app, 2);
    const logins = [];
    for (const candidate of session.candidates) {
      const c = await loginCandidate(t.app, session.code, candidate.code);
      await t.app.inject({ method: 'POST', url: '/api/attempt/notice', headers: c.headers, payload: {} });
      logins.push(c);
    }
    await startSession(t.app, adminLogin, session.id);
    const url = '/api/attempt/sections/s1/document';
    const [first, second] = logins as [(typeof logins)[0], (typeof logins)[0]];
    const plain = await t.app.inject({ url, headers: { cookie: first.cookie } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(plain.headers['cache-control']).toBe('private, no-cache');
    const etag = String(plain.headers.etag);
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    const brotli = await t.app.inject({ url, headers: { cookie: second.cookie, 'accept-encoding': 'gzip, deflate, br' } });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers.etag).toBe(etag);
    expect(JSON.parse(brotliDecompressSync(brotli.rawPayload).toString())).toEqual(plain.json());
    expect(brotli.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    const gzip = await t.app.inject({ url, headers: { cookie: first.cookie, 'accept-encoding': 'gzip, br;q=0' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzip.rawPayload).toString())).toEqual(plain.json());
    const held = await t.app.inject({ url, headers: { cookie: first.cookie, 'if-none-match': etag } });
    expect(held.statusCode).toBe(304);
    expect(held.rawPayload.length).toBe(0);
    // The rules come before the cache: a kiosk holding the tag is still refused another exam's section.
    const unknown = await t.app.inject({ url: '/api/attempt/sections/nope/document', headers: { cookie: first.cookie, 'if-none-match': etag } });
    expect(unknown.statusCode).toBe(404);
    const other = await t.app.inject({ url, headers: { cookie: second.cookie, 'if-none-match': '"another"' } });
    expect(other.statusCode).toBe(200);
  });

  it('requires the monitoring notice to be acknowledged first', async () => {
    const { session, adminLogin } = await openSession(t.app, 1);
    const c = await loginCandidate(t.app, session.code, session.candidates[0]!.code);
    await startSession(t.app, adminLogin, session.id);
    const r = await t.app.inject({ url: '/api/attempt/sections/s1/document', headers: { cookie: c.cookie } });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('notice-not-acknowledged');
  });

  it('never serves the pack file holding the key points', async () => {
    const { session, adminLogin } = await openSession(t.app, 1);
    const c = await loginCandidate(t.app, session.code, session.candidates[0]!.code);
    await startSession(t.app, adminLogin, session.id);
    for (const path of ['pack.yaml', '../devops-title-qp/pack.yaml', 'document.md', '%2e%2e/%2e%2e/package.json']) {
      const r = await t.app.inject({ url: `/api/packs/devops-title-qp/assets/${path}`, headers: { cookie: c.cookie } });
      expect(r.statusCode, path).toBe(404);
    }
  });
});

describe('POST /api/attempt/submit', () => {
  it('needs the CSRF token, submits once and returns the same receipt after', async () => {
    const { session, adminLogin } = await openSession(t.app, 1);
    const c = await loginCandidate(t.app, session.code, session.candidates[0]!.code);
    await startSession(t.app, adminLogin, session.id);
    const noToken = await t.app.inject({ method: 'POST', url: '/api/attempt/submit', headers: { cookie: c.cookie }, payload: {} });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('bad-csrf-token');
    const first = await t.app.inject({ method: 'POST', url: '/api/attempt/submit', headers: c.headers, payload: {} });
    expect(first.statusCode).toBe(200);
    expect(first.json().digest).toMatch(/^[0-9a-f]{64}$/);
    const again = await t.app.inject({ method: 'POST', url: '/api/attempt/submit', headers: c.headers, payload: {} });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.receipt.digest).toBe(first.json().digest);
  });

  it('is refused before the start', async () => {
    const { session } = await openSession(t.app, 1);
    const c = await loginCandidate(t.app, session.code, session.candidates[0]!.code);
    const r = await t.app.inject({ method: 'POST', url: '/api/attempt/submit', headers: c.headers, payload: {} });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('not-started');
  });
});

describe('session administration', () => {
  it('is refused to correctors and candidates, and to a proctor of another session', async () => {
    const { session } = await openSession(t.app, 1);
    const corrector = await createStaff(t.app, 'corrector');
    const cl = await loginStaff(t.app, corrector.username, corrector.password);
    expect((await t.app.inject({ method: 'POST', url: `/api/sessions/${session.id}/start`, headers: cl.headers })).statusCode).toBe(403);
    const proctor = await createStaff(t.app, 'proctor');
    const pl = await loginStaff(t.app, proctor.username, proctor.password);
    const r = await t.app.inject({ method: 'POST', url: `/api/sessions/${session.id}/start`, headers: pl.headers });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('not-your-session');
    const c = await loginCandidate(t.app, session.code, session.candidates[0]!.code);
    expect((await t.app.inject({ method: 'POST', url: `/api/sessions/${session.id}/start`, headers: c.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/sessions/${session.id}` })).statusCode).toBe(401);
  });

  it('runs a session through waiting, running, paused, running and ended, refusing impossible steps', async () => {
    const { session, adminLogin } = await openSession(t.app, 2);
    const post = (action: string) => t.app.inject({ method: 'POST', url: `/api/sessions/${session.id}/${action}`, headers: adminLogin.headers });
    expect((await post('pause')).json().error.code).toBe('not-running');
    expect((await post('start')).json().state).toBe('running');
    expect((await post('start')).statusCode).toBe(409);
    expect((await post('pause')).json().state).toBe('paused');
    expect((await post('resume')).json().state).toBe('running');
    // Both came (a candidate who never logged in is absent at the end, not submitted).
    for (const c of session.candidates) await loginCandidate(t.app, session.code, c.code);
    const ended = await post('end');
    expect(ended.json().state).toBe('ended');
    const detail = (await t.app.inject({ url: `/api/sessions/${session.id}`, headers: { cookie: adminLogin.cookie } })).json();
    expect(detail.candidates.every((c: { submittedAt: number | null }) => c.submittedAt !== null)).toBe(true);
  });

  it('refuses a session on an unknown pack, naming the packs there are', async () => {
    const { adminLogin } = await openSession(t.app, 1);
    const r = await t.app.inject({ method: 'POST', url: '/api/sessions', headers: adminLogin.headers, payload: { packId: 'nope', candidateCount: 2 } });
    expect(r.statusCode).toBe(404);
    expect(r.json().error.message).toContain('devops-title-qp');
  });
});

describe('infrastructure', () => {
  it('answers /healthz, serves the OpenAPI document and a strict CSP without upgrade-insecure-requests', async () => {
    const health = await t.app.inject({ url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(health.json().status).toBe('ok');
    const openapi = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(openapi.openapi).toMatch(/^3\./);
    expect(Object.keys(openapi.paths)).toContain('/api/candidate/login');
    const csp = String(health.headers['content-security-policy']);
    for (const d of ["script-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) expect(csp).toContain(d);
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(csp).not.toContain('unsafe-inline');
  });

  it('writes a hash-chained audit log the database refuses to edit', async () => {
    const { session, adminLogin } = await openSession(t.app, 1);
    await startSession(t.app, adminLogin, session.id);
    expect(t.app.audit.verify()).toMatchObject({ ok: true });
    expect(() => t.app.db.$client.prepare("UPDATE audit_log SET action = 'x'").run()).toThrow(/append-only/);
    expect(() => t.app.db.$client.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });
});
