import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, loginStaff, type TestApp } from '../../helpers/build-app.js';
import { createDemo, ensureAdmin } from '../../../server/bootstrap.js';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => {
  await t.close();
});

describe('ensureAdmin', () => {
  it('creates the admin once, with a generated password returned to print, and then never again', async () => {
    const first = await ensureAdmin(t.app, undefined);
    expect(first).toEqual({ created: true, password: expect.stringMatching(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/) });
    await expect(loginStaff(t.app, 'admin', first.password!)).resolves.toBeDefined();
    expect(await ensureAdmin(t.app, 'another password')).toEqual({ created: false });
  });

  it('uses the password it is given and does not return it', async () => {
    expect(await ensureAdmin(t.app, 'the chosen password')).toEqual({ created: true, password: undefined });
    await expect(loginStaff(t.app, 'admin', 'the chosen password')).resolves.toBeDefined();
  });
});

describe('createDemo', () => {
  it('creates a session with 12 candidates, and gives the demo accounts new passwords when run again', async () => {
    const first = await createDemo(t.app);
    expect(first.candidates).toHaveLength(12);
    const second = await createDemo(t.app);
    await expect(loginStaff(t.app, 'proctor', first.proctor.password)).rejects.toThrow(/401/);
    await expect(loginStaff(t.app, 'proctor', second.proctor.password)).resolves.toBeDefined();
    await expect(loginStaff(t.app, 'corrector', second.corrector.password)).resolves.toBeDefined();
    expect(t.app.audit.verify()).toMatchObject({ ok: true });
  });
});
