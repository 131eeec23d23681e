// POST /api/sessions: which pack, which candidates, and who supervises the new session.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, createStaff, loginStaff, type TestApp } from '../../helpers/build-app.js';
import { minimalFiles, replaceOnce, tempContentDir, writePack, MIN_PACK_YAML } from '../content/fixtures.js';

let t: TestApp | undefined;
let contentDir: string | undefined;
afterEach(async () => {
  await t?.close();
  if (contentDir) fs.rmSync(contentDir, { recursive: true, force: true });
  t = undefined;
  contentDir = undefined;
});

async function asRole(app: TestApp['app'], role: 'admin' | 'proctor') {
  const account = await createStaff(app, role);
  return { account, login: await loginStaff(app, account.username, account.password) };
}

describe('POST /api/sessions', () => {
  it('refuses a pack with errors, giving each problem with its file and line', async () => {
    contentDir = tempContentDir();
    writePack(contentDir, 'good', minimalFiles());
    writePack(contentDir, 'broken', { ...minimalFiles(), 'pack.yaml': replaceOnce(MIN_PACK_YAML, 'durationMinutes: 30', 'durationMinutes: soon') });
    t = await buildTestApp({ contentDir });
    const { login } = await asRole(t.app, 'admin');
    const r = await t.app.inject({ method: 'POST', url: '/api/sessions', headers: login.headers, payload: { packId: 'broken', candidateCount: 2 } });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('invalid-pack');
    expect(r.json().error.message).toMatch(/^The pack "broken" has errors and cannot be used: broken\/pack\.yaml:\d+: /);
  });

  it('needs either a number of candidates or their list', async () => {
    t = await buildTestApp();
    const { login } = await asRole(t.app, 'admin');
    const r = await t.app.inject({ method: 'POST', url: '/api/sessions', headers: login.headers, payload: { packId: 'devops-title-qp' } });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('no-candidates');
  });

  it('numbers the workstations of anonymous candidates PC-01, PC-02...', async () => {
    t = await buildTestApp();
    const { login } = await asRole(t.app, 'admin');
    const r = await t.app.inject({ method: 'POST', url: '/api/sessions', headers: login.headers, payload: { packId: 'devops-title-qp', candidateCount: 3 } });
    expect(r.statusCode).toBe(200);
    expect(r.json().candidates.map((c: { workstation: string }) => c.workstation)).toEqual(['PC-01', 'PC-02', 'PC-03']);
    expect(r.json().candidateCount).toBe(3);
  });

  it('makes a proctor who opens a session one of its proctors, and no other proctor', async () => {
    t = await buildTestApp();
    const opener = await asRole(t.app, 'proctor');
    const other = await asRole(t.app, 'proctor');
    const r = await t.app.inject({ method: 'POST', url: '/api/sessions', headers: opener.login.headers, payload: { packId: 'devops-title-qp', candidateCount: 1 } });
    expect(r.statusCode).toBe(200);
    const id: number = r.json().id;
    const listed = (login: typeof opener.login) => t!.app.inject({ url: '/api/sessions', headers: { cookie: login.cookie } });
    expect((await listed(opener.login)).json().map((s: { id: number }) => s.id)).toEqual([id]);
    expect((await listed(other.login)).json()).toEqual([]);
    expect((await t.app.inject({ url: `/api/sessions/${id}/dashboard`, headers: { cookie: opener.login.cookie } })).statusCode).toBe(200);
    expect((await t.app.inject({ url: `/api/sessions/${id}/dashboard`, headers: { cookie: other.login.cookie } })).statusCode).toBe(403);
  });
});
