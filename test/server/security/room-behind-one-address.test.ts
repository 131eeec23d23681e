// Issue 14, item 1: one address guessing codes must not stop the room behind it. Every request
// here comes from the same address (a classroom behind one NAT), through the real routes and a
// real SQLite file. The throttles' waits are the defaults divided by 50 so the test stays short;
// what is measured is who gets in, not how long a guesser waits.
import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, createStaff, loginStaff, type TestApp } from '../../helpers/build-app.js';
import { CODE_ALPHABET } from '../../../server/contract/rules/code-format.js';
import { defaultThrottleRules, type ThrottleRules } from '../../../server/auth/login-limiter.js';

const NAT = '10.20.30.40';
const scaled: Partial<ThrottleRules> = {
  address: { ...defaultThrottleRules.address, firstDelayMs: 5, maxDelayMs: 100 },
  maxHoldMs: 400,
};

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** A well-formed candidate code that no candidate has (the generator never makes one starting ZZ). */
function wrongCode(i: number): string {
  const a = CODE_ALPHABET;
  return `ZZ${a[i % a.length]}${a[Math.floor(i / a.length) % a.length]}${a[Math.floor(i / a.length ** 2) % a.length]}ZZZ`;
}

async function roomOf30(app: TestApp['app']) {
  const admin = await createStaff(app, 'admin');
  const proctor = await createStaff(app, 'proctor', 'surveillant', 'mot de passe du surveillant');
  const adminLogin = await loginStaff(app, admin.username, admin.password);
  const r = await app.inject({ method: 'POST', url: '/api/sessions', headers: adminLogin.headers, payload: { packId: 'devops-title-qp', candidateCount: 30, room: 'B12', proctorIds: [proctor.id] } });
  expect(r.statusCode).toBe(200);
  const session = r.json<{ id: number; code: string; candidates: { code: string }[] }>();
  return { admin, adminLogin, proctor, session };
}

describe('one address sends 500 wrong codes while the room behind it logs in', () => {
  it('lets 30 of 30 candidates and the proctor in, and shows the proctor the attack, which they clear', async () => {
    t = await buildTestApp({ throttleRules: scaled });
    const { app } = t;
    const { proctor, session } = await roomOf30(app);
    const post = (url: string, payload: object) => app.inject({ method: 'POST', url, payload, remoteAddress: NAT });

    const started = Date.now();
    const attack: Promise<{ status: number; ms: number }>[] = [];
    const legit: Promise<{ who: string; status: number; ms: number }>[] = [];
    let candidatesSent = 0;
    const timed = async <T>(send: () => Promise<{ statusCode: number }>, tag: T) => {
      const at = Date.now();
      const r = await send();
      return { ...tag, status: r.statusCode, ms: Date.now() - at };
    };
    for (let i = 0; i < 500; i++) {
      attack.push(timed(() => post('/api/candidate/login', { sessionCode: session.code, candidateCode: wrongCode(i) }), {}));
      // A legitimate login every 16 wrong codes: they arrive during the attack, not after it.
      if (i % 16 === 8 && candidatesSent < 30) {
        const code = session.candidates[candidatesSent++]!.code;
        legit.push(timed(() => post('/api/candidate/login', { sessionCode: session.code, candidateCode: code }), { who: code }));
      }
      if (i === 250) legit.push(timed(() => post('/api/auth/login', { username: proctor.username, password: proctor.password }), { who: 'proctor' }));
      // Let the server take requests in between, as a real socket would.
      if (i % 8 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    const legitResults = await Promise.all(legit);
    const attackResults = await Promise.all(attack);
    const elapsed = Date.now() - started;

    const candidatesIn = legitResults.filter((r) => r.who !== 'proctor' && r.status === 200).length;
    const proctorIn = legitResults.find((r) => r.who === 'proctor')!.status;
    const attackStatuses = attackResults.reduce<Record<number, number>>((n, r) => ({ ...n, [r.status]: (n[r.status] ?? 0) + 1 }), {});
    const slowest = (rs: { ms: number }[]) => Math.max(...rs.map((r) => r.ms));
    console.info(
      `room behind one address: ${candidatesIn}/30 candidates in, proctor ${proctorIn}; attack ${JSON.stringify(attackStatuses)}; ` +
        `slowest legitimate login ${slowest(legitResults)} ms, slowest wrong code ${slowest(attackResults)} ms; ${elapsed} ms in all`,
    );
    expect(candidatesIn).toBe(30);
    expect(proctorIn).toBe(200);
    expect(attackStatuses).toEqual({ 401: 500 });

    // The proctor sees the session's wrong codes and the address, and clears the address.
    const proctorLogin = await loginStaff(app, proctor.username, proctor.password);
    const seen = await app.inject({ url: `/api/sessions/${session.id}/throttles`, headers: proctorLogin.headers });
    expect(seen.statusCode).toBe(200);
    const rows = seen.json<{ id: number; kind: string; subject: string; failures: number }[]>();
    expect(rows.find((r) => r.kind === 'session')).toMatchObject({ subject: session.code.replace('-', ''), failures: 500 });
    const address = rows.find((r) => r.kind === 'address')!;
    expect(address).toMatchObject({ subject: NAT, failures: 500 });
    expect(rows.filter((r) => r.kind === 'candidate-code')).toHaveLength(500);
    const cleared = await app.inject({ method: 'POST', url: `/api/sessions/${session.id}/throttles/${address.id}/clear`, headers: proctorLogin.headers });
    expect(cleared.statusCode).toBe(200);
    const after = await app.inject({ url: `/api/sessions/${session.id}/throttles`, headers: proctorLogin.headers });
    expect(after.json<{ kind: string }[]>().map((r) => r.kind)).not.toContain('address');
  }, 60_000);
});

describe('a staff account is slowed, never locked, across a restart, and the admin clears it', () => {
  it('makes the account wait after 5 failures, keeps the wait after a restart, and logs in once the admin clears it', async () => {
    t = await buildTestApp();
    const { admin, proctor } = await roomOf30(t.app);
    for (let i = 0; i < 5; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: proctor.username, password: `faux-${i}` }, remoteAddress: NAT });
      expect(r.statusCode).toBe(401);
    }
    const refused = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: proctor.username, password: proctor.password }, remoteAddress: NAT });
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error).toMatchObject({ code: 'rate-limited', retryAfterSeconds: 30, retryAfterMinutes: 1 });
    expect(refused.json().error.message).toMatch(/try again in 1 minute, or ask an administrator/);
    // The admin, from the same address, is not refused: the address only slows failures.
    const adminLogin = await loginStaff(t.app, admin.username, admin.password);

    // A restart on the same data folder: the wait is still there.
    const dataDir = t.dataDir;
    await t.app.close();
    t = await buildTestApp({ dataDir });
    const stillRefused = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: proctor.username, password: proctor.password } });
    expect(stillRefused.statusCode).toBe(429);

    const again = await loginStaff(t.app, admin.username, admin.password);
    expect(again.csrfToken).not.toBe(adminLogin.csrfToken);
    const list = await t.app.inject({ url: '/api/admin/throttles', headers: again.headers });
    const row = list.json<{ id: number; kind: string; subject: string; failures: number; waitSeconds: number }[]>().find((r) => r.kind === 'account')!;
    expect(row).toMatchObject({ subject: proctor.username, failures: 5 });
    expect(row.waitSeconds).toBeGreaterThan(0);
    expect(row.waitSeconds).toBeLessThanOrEqual(30);
    const cleared = await t.app.inject({ method: 'POST', url: `/api/admin/throttles/${row.id}/clear`, headers: again.headers });
    expect(cleared.json()).toEqual({ ok: true });
    const proctorLogin = await loginStaff(t.app, proctor.username, proctor.password);
    expect(proctorLogin.cookie).toMatch(/^lectern_session=/);
    // A proctor may not clear staff waits.
    const forbidden = await t.app.inject({ url: '/api/admin/throttles', headers: proctorLogin.headers });
    expect(forbidden.statusCode).toBe(403);
  }, 60_000);

  it('clears the account count on a correct password, so the next mistakes start from zero', async () => {
    t = await buildTestApp();
    const proctor = await createStaff(t.app, 'proctor');
    const fail = () => t!.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: proctor.username, password: 'faux' } });
    for (let i = 0; i < 4; i++) expect((await fail()).statusCode).toBe(401);
    await loginStaff(t.app, proctor.username, proctor.password);
    for (let i = 0; i < 5; i++) expect((await fail()).statusCode).toBe(401);
    expect((await fail()).statusCode).toBe(429);
  }, 60_000);
});
