import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { buildTestApp, createStaff, loginStaff, openSession, type Login, type TestApp } from '../../helpers/build-app.js';
import { projectRoot } from '../../../server/paths.js';
import { run as adminCli } from '../../../server/cli/admin.js';
import { auditLog } from '../../../server/db/schema/audit.js';

// Item 4 of issue 11: disable and enable, a password reset shown once, the end of a person's
// sessions, the last login, one's own password, deletion refused once an account has worked,
// and the console's reset; each in the audit log, each refusal clear and changing nothing.

let t: TestApp;
let admin: Login;
let adminId: number;
beforeEach(async () => {
  t = await buildTestApp();
  const account = await createStaff(t.app, 'admin', 'chef');
  adminId = account.id;
  admin = await loginStaff(t.app, account.username, account.password);
});
afterEach(async () => {
  await t.close();
});

const me = (login: Login) => t.app.inject({ url: '/api/auth/me', headers: login.headers });
const actions = () => t.app.db.select().from(auditLog).all().map((r) => r.action);
const accountsList = async () => (await t.app.inject({ url: '/api/admin/accounts', headers: admin.headers })).json<{ username: string; disabled: boolean; lastLoginAt: number | null; hasWork: boolean }[]>();

describe('disabling and enabling an account', () => {
  it('ends its open sessions at once, refuses its logins, and lets it in again once enabled', async () => {
    const proctor = await createStaff(t.app, 'proctor', 'paul');
    const session = await loginStaff(t.app, 'paul', proctor.password);
    const off = await t.app.inject({ method: 'PATCH', url: `/api/admin/accounts/${proctor.id}`, headers: admin.headers, payload: { disabled: true } });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ username: 'paul', disabled: true });
    expect((await me(session)).statusCode).toBe(401);
    await expect(loginStaff(t.app, 'paul', proctor.password)).rejects.toThrow(/401/);
    const on = await t.app.inject({ method: 'PATCH', url: `/api/admin/accounts/${proctor.id}`, headers: admin.headers, payload: { disabled: false } });
    expect(on.json()).toMatchObject({ disabled: false });
    await expect(loginStaff(t.app, 'paul', proctor.password)).resolves.toMatchObject({ csrfToken: expect.any(String) });
    expect(actions()).toEqual(expect.arrayContaining(['account.disabled', 'account.enabled']));
    expect(t.app.audit.verify()).toMatchObject({ ok: true });
  });

  it('refuses to disable oneself or the last admin, and an unknown account is a 404 naming it', async () => {
    const self = await t.app.inject({ method: 'PATCH', url: `/api/admin/accounts/${adminId}`, headers: admin.headers, payload: { disabled: true } });
    expect(self.statusCode).toBe(409);
    expect(self.json().error.code).toBe('cannot-disable-self');
    const unknown = await t.app.inject({ method: 'PATCH', url: '/api/admin/accounts/999', headers: admin.headers, payload: { disabled: true } });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toMatchObject({ code: 'unknown-account', accountId: 999 });
    expect((await accountsList()).every((a) => !a.disabled)).toBe(true);
  });
});

describe('a password reset by an admin', () => {
  it('returns a new password once, uncached; the old one stops working and the account’s sessions end', async () => {
    const corrector = await createStaff(t.app, 'corrector', 'claire');
    const session = await loginStaff(t.app, 'claire', corrector.password);
    const r = await t.app.inject({ method: 'POST', url: `/api/admin/accounts/${corrector.id}/password-reset`, headers: admin.headers });
    expect(r.statusCode).toBe(200);
    expect(r.headers['cache-control']).toBe('no-store');
    const { username, password } = r.json<{ username: string; password: string }>();
    expect(username).toBe('claire');
    expect(password).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    expect((await me(session)).statusCode).toBe(401);
    await expect(loginStaff(t.app, 'claire', corrector.password)).rejects.toThrow(/401/);
    await expect(loginStaff(t.app, 'claire', password)).resolves.toMatchObject({ csrfToken: expect.any(String) });
    // Only the hash is kept: the audit row names the account, never the password.
    expect(JSON.stringify(t.app.db.select().from(auditLog).all())).not.toContain(password);
    expect((await accountsList()).find((a) => a.username === 'claire')!.lastLoginAt).toEqual(expect.any(Number));
  });
});

describe('ending a person’s open sessions', () => {
  it('logs out every browser of that person and no one else, and says how many', async () => {
    const proctor = await createStaff(t.app, 'proctor', 'pia');
    const first = await loginStaff(t.app, 'pia', proctor.password);
    const second = await loginStaff(t.app, 'pia', proctor.password);
    const r = await t.app.inject({ method: 'POST', url: `/api/admin/accounts/${proctor.id}/end-sessions`, headers: admin.headers });
    expect(r.json()).toEqual({ ended: 2 });
    expect((await me(first)).statusCode).toBe(401);
    expect((await me(second)).statusCode).toBe(401);
    expect((await me(admin)).statusCode).toBe(200);
    expect(actions()).toContain('account.sessions-ended');
  });
});

describe('deleting an account', () => {
  it('deletes one that never worked, and refuses one that proctored: disable it instead, nothing changed', async () => {
    const mistake = await createStaff(t.app, 'corrector', 'typo');
    await loginStaff(t.app, 'typo', mistake.password);
    const gone = await t.app.inject({ method: 'DELETE', url: `/api/admin/accounts/${mistake.id}`, headers: admin.headers });
    expect(gone.statusCode).toBe(200);
    expect((await accountsList()).map((a) => a.username)).not.toContain('typo');

    const proctor = await createStaff(t.app, 'proctor', 'worked');
    const created = await t.app.inject({ method: 'POST', url: '/api/sessions', headers: admin.headers, payload: { packId: 'devops-title-qp', candidateCount: 2, proctorIds: [proctor.id] } });
    expect(created.statusCode).toBe(200);
    const refused = await t.app.inject({ method: 'DELETE', url: `/api/admin/accounts/${proctor.id}`, headers: admin.headers });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'account-has-work', username: 'worked' });
    const list = await accountsList();
    expect(list.find((a) => a.username === 'worked')).toMatchObject({ disabled: false, hasWork: true });
    expect(actions()).toEqual(expect.arrayContaining(['account.deleted']));
    expect(actions().filter((a) => a === 'account.deleted')).toHaveLength(1);
  });
});

describe('changing one’s own password', () => {
  it('needs the current password, keeps this session and ends the others', async () => {
    const corrector = await createStaff(t.app, 'corrector', 'cora');
    const here = await loginStaff(t.app, 'cora', corrector.password);
    const elsewhere = await loginStaff(t.app, 'cora', corrector.password);
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: here.headers, payload: { currentPassword: 'not it', newPassword: 'a brand new password' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('wrong-current-password');
    await expect(loginStaff(t.app, 'cora', corrector.password)).resolves.toBeDefined();
    const ok = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: here.headers, payload: { currentPassword: corrector.password, newPassword: 'a brand new password' } });
    expect(ok.json()).toEqual({ ok: true });
    expect((await me(here)).statusCode).toBe(200);
    expect((await me(elsewhere)).statusCode).toBe(401);
    await expect(loginStaff(t.app, 'cora', 'a brand new password')).resolves.toBeDefined();
    expect(actions()).toContain('account.password-changed');
  });
});

describe('npm run admin -- reset-password <user>', () => {
  it('prints a new password from the console while the server runs, enables the account again, and names an unknown user clearly', async () => {
    const disabled = await createStaff(t.app, 'proctor', 'lost');
    await t.app.inject({ method: 'PATCH', url: `/api/admin/accounts/${disabled.id}`, headers: admin.headers, payload: { disabled: true } });
    // The server (this app) keeps its database open: the console writes beside it (WAL).
    const done = await adminCli(['reset-password', 'chef', '--data', t.dataDir], {});
    expect(done.code).toBe(0);
    const password = /New password for "chef": (\S+)/.exec(done.out.join('\n'))?.[1];
    expect(password).toBeDefined();
    await expect(loginStaff(t.app, 'chef', password!)).resolves.toBeDefined();
    const again = await adminCli(['reset-password', 'LOST', '--data', t.dataDir], {});
    expect(again.out.join('\n')).toContain('enabled again');
    const unknown = await adminCli(['reset-password', 'nobody', '--data', t.dataDir], {});
    expect(unknown).toMatchObject({ code: 1, out: [] });
    expect(unknown.err.join('\n')).toMatch(/^There is no account "nobody"\. The accounts are: chef, lost\.$/);
    const noData = await adminCli(['reset-password', 'chef', '--data', join(t.dataDir, 'elsewhere')], {});
    expect(noData.err.join('\n')).toMatch(/^There is no Lectern database at .*: give the data folder with --data DIR/);
    expect(actions().filter((a) => a === 'account.password-reset').length).toBeGreaterThanOrEqual(2);
    expect(t.app.audit.verify()).toMatchObject({ ok: true });
  });

  // A process of its own, as `npm run admin` starts it (tsx compiles on start: slow on a shared machine).
  it('answers a wrong command from the command line with one sentence and the usage, exit 2', { timeout: 120_000 }, () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(projectRoot, 'server/cli/admin.ts'), 'delete-everything'], { encoding: 'utf8', cwd: projectRoot, timeout: 110_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^Unknown command "delete-everything": the only command is reset-password\.\nUsage: npm run admin -- reset-password/);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('a session’s proctors and correctors', () => {
  it('refuses an unknown account and an account of another role with a clear 400, and creates nothing', async () => {
    const corrector = await createStaff(t.app, 'corrector', 'cecile');
    const before = t.app.exam.sessions().length;
    const wrongRole = await t.app.inject({ method: 'POST', url: '/api/sessions', headers: admin.headers, payload: { packId: 'devops-title-qp', candidateCount: 2, proctorIds: [corrector.id] } });
    expect(wrongRole.statusCode).toBe(400);
    expect(wrongRole.json().error).toMatchObject({ code: 'not-a-proctor', accountId: corrector.id, username: 'cecile' });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/sessions', headers: admin.headers, payload: { packId: 'devops-title-qp', candidateCount: 2, correctorIds: [4242] } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: 'unknown-account', accountId: 4242 });
    expect(t.app.exam.sessions()).toHaveLength(before);
  });

  it('keeps the chosen staff and the planned date; a date in the past is refused', async () => {
    const { adminLogin } = await openSession(t.app, 1);
    const proctor = await createStaff(t.app, 'proctor', 'pat');
    const corrector = await createStaff(t.app, 'corrector', 'cole');
    const when = Date.now() + 86_400_000;
    const r = await t.app.inject({ method: 'POST', url: '/api/sessions', headers: adminLogin.headers, payload: { packId: 'devops-title-qp', candidateCount: 2, room: 'B12', scheduledAt: when, proctorIds: [proctor.id], correctorIds: [corrector.id] } });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ scheduledAt: when, proctorIds: [proctor.id], correctorIds: [corrector.id] });
    const past = await t.app.inject({ method: 'POST', url: '/api/sessions', headers: adminLogin.headers, payload: { packId: 'devops-title-qp', candidateCount: 2, scheduledAt: Date.now() - 3_600_000 } });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.code).toBe('date-in-past');
  });
});
