import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, createStaff, loginStaff, type Login, type TestApp } from '../../helpers/build-app.js';

let t: TestApp;
let admin: Login;
beforeEach(async () => {
  t = await buildTestApp();
  const account = await createStaff(t.app, 'admin', 'chef');
  admin = await loginStaff(t.app, account.username, account.password);
});
afterEach(async () => {
  await t.close();
});

const newAccount = { username: 'Surveillant.B12', displayName: '  Marie Curie ', role: 'proctor', password: 'a long enough password' };

describe('POST /api/admin/accounts', () => {
  it('creates the account with its user name in lower case, audits it, and the new account can log in', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/admin/accounts', headers: admin.headers, payload: newAccount });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ id: expect.any(Number), username: 'surveillant.b12', displayName: 'Marie Curie', role: 'proctor', disabled: false, lastLoginAt: null, hasWork: false });
    expect(t.app.audit.verify()).toMatchObject({ ok: true });
    await expect(loginStaff(t.app, 'surveillant.b12', newAccount.password)).resolves.toMatchObject({ csrfToken: expect.any(String) });
  });

  it('refuses a user name already taken, whatever its case, and creates nothing', async () => {
    await t.app.inject({ method: 'POST', url: '/api/admin/accounts', headers: admin.headers, payload: newAccount });
    const again = await t.app.inject({ method: 'POST', url: '/api/admin/accounts', headers: admin.headers, payload: { ...newAccount, username: 'SURVEILLANT.b12' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'username-taken', message: 'The user name "surveillant.b12" is already taken.' });
    const list = await t.app.inject({ url: '/api/admin/accounts', headers: admin.headers });
    expect(list.json().map((a: { username: string }) => a.username)).toEqual(['chef', 'surveillant.b12']);
  });

  it('is refused to a proctor', async () => {
    const proctor = await createStaff(t.app, 'proctor');
    const login = await loginStaff(t.app, proctor.username, proctor.password);
    const r = await t.app.inject({ method: 'POST', url: '/api/admin/accounts', headers: login.headers, payload: newAccount });
    expect(r.statusCode).toBe(403);
  });
});

describe('GET /api/admin/accounts', () => {
  it('lists the accounts by user name, without their password hashes', async () => {
    await createStaff(t.app, 'corrector', 'alice');
    const r = await t.app.inject({ url: '/api/admin/accounts', headers: admin.headers });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual([
      { id: expect.any(Number), username: 'alice', displayName: 'corrector alice', role: 'corrector', disabled: false, lastLoginAt: null, hasWork: false },
      { id: expect.any(Number), username: 'chef', displayName: 'admin chef', role: 'admin', disabled: false, lastLoginAt: expect.any(Number), hasWork: false },
    ]);
    expect(r.body).not.toContain('scrypt');
  });
});
