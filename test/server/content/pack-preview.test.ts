import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PackPreview, PreviewList } from '../../../server/contract/preview.js';
import { buildTestApp, bundledContentDir, createStaff, loginStaff, type Login, type TestApp } from '../../helpers/build-app.js';

const contentDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-preview-api-'));
fs.cpSync(bundledContentDir, contentDir, { recursive: true });
let t: TestApp;
let admin: Login;
let proctor: Login;

beforeAll(async () => {
  t = await buildTestApp({ contentDir });
  const a = await createStaff(t.app, 'admin');
  const p = await createStaff(t.app, 'proctor');
  admin = await loginStaff(t.app, a.username, a.password);
  proctor = await loginStaff(t.app, p.username, p.password);
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(contentDir, { recursive: true, force: true });
});

describe('GET /api/admin/preview/packs/:packId', () => {
  it('answers only an administrator', async () => {
    expect((await t.app.inject({ url: '/api/admin/preview/packs/devops-title-qp' })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/admin/preview/packs/devops-title-qp', headers: proctor.headers })).statusCode).toBe(403);
  });

  it('shows the pack with its document, prompts, key points and rubrics, images served by the preview', async () => {
    const r = await t.app.inject({ url: '/api/admin/preview/packs/devops-title-qp', headers: admin.headers });
    expect(r.statusCode).toBe(200);
    expect(r.headers['cache-control']).toBe('no-store');
    const preview = r.json<PackPreview>();
    expect(preview.problems).toEqual([]);
    const section = preview.pack?.sections[0];
    expect(section?.questions.map((q) => q.id)).toEqual(['q1', 'q2', 'q3', 'q4', 'q5', 'q6']);
    expect(section?.questions[0]?.keyPoints.map((k) => k.id)).toEqual(['kp1', 'kp2', 'kp3', 'kp4']);
    expect(section?.questions[0]?.keyPoints[2]?.html).toMatch(/^<p>The check command is <code>systemd-analyze calendar<\/code> followed by the expression/);
    expect(preview.pack?.rubrics.map((x) => x.id)).toEqual(['reading-b2', 'writing-b1']);
    expect(section?.document?.html).toContain('src="/api/admin/preview/packs/devops-title-qp/assets/diagram.svg"');
    expect(section?.document?.html).not.toContain('/api/packs/');
    const image = await t.app.inject({ url: '/api/admin/preview/packs/devops-title-qp/assets/diagram.svg', headers: admin.headers });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/svg+xml');
  });

  it('reads the pack from disk at each request: a broken pack answers its problems with file and line', async () => {
    const manifest = path.join(contentDir, 'devops-ccp-supervision', 'pack.yaml');
    const original = fs.readFileSync(manifest, 'utf8');
    try {
      fs.writeFileSync(manifest, original.replace(/durationMinutes: \d+/, 'durationMinutes: 0'));
      const broken = (await t.app.inject({ url: '/api/admin/preview/packs/devops-ccp-supervision', headers: admin.headers })).json<PackPreview>();
      expect(broken.pack).toBeNull();
      expect(broken.problems).toEqual([expect.objectContaining({ file: 'devops-ccp-supervision/pack.yaml', line: expect.any(Number), message: expect.stringMatching(/durationMinutes/) })]);
      const list = (await t.app.inject({ url: '/api/admin/preview/packs', headers: admin.headers })).json<PreviewList>();
      expect(list.packs.find((p) => p.id === 'devops-ccp-supervision')).toEqual({ id: 'devops-ccp-supervision', title: null, problems: 1 });
    } finally {
      fs.writeFileSync(manifest, original);
    }
    const fixed = (await t.app.inject({ url: '/api/admin/preview/packs/devops-ccp-supervision', headers: admin.headers })).json<PackPreview>();
    expect(fixed.problems).toEqual([]);
    expect(fixed.pack?.durationMinutes).toBe(75);
  });

  it('refuses a pack that is not there, and files that are not images of the pack', async () => {
    expect((await t.app.inject({ url: '/api/admin/preview/packs/no-such-pack', headers: admin.headers })).json()).toMatchObject({ error: { code: 'unknown-pack' } });
    for (const asset of ['pack.yaml', 'document.md', '..%2Fdevops-ccp-supervision%2Fpack.yaml', '../../package.json']) {
      const r = await t.app.inject({ url: `/api/admin/preview/packs/devops-title-qp/assets/${asset}`, headers: admin.headers });
      expect(r.statusCode, asset).toBe(404);
    }
  });
});
