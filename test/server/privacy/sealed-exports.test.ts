import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/build-app.js';
import { newCoordinatorKey, unseal } from '../../../server/common/sealed-file.js';
import { runUnseal } from '../../../server/cli/unseal.js';
import { supervisedRoom } from '../proctor/helpers.js';

describe('exports sealed for the coordinator’s key', () => {
  let t: TestApp;
  let plainServer: TestApp;
  let key: { identity: string; recipient: string };
  let room: Awaited<ReturnType<typeof supervisedRoom>>;

  beforeAll(async () => {
    key = await newCoordinatorKey();
    t = await buildTestApp({ sealRecipient: key.recipient });
    plainServer = await buildTestApp();
    room = await supervisedRoom(t.app, 2);
  });
  afterAll(async () => {
    await t.close();
    await plainServer.close();
  });

  const get = (app: TestApp['app'], url: string, headers: Record<string, string>) => app.inject({ method: 'GET', url, headers });

  it('a sealed export opens with the coordinator’s identity into exactly the plain export, named after it', async () => {
    const id = room.session.id;
    const plain = await get(t.app, `/api/sessions/${id}/report.csv?lang=en`, room.adminLogin.headers);
    expect(plain.statusCode).toBe(200);
    const sealed = await get(t.app, `/api/admin/sessions/${id}/sealed/report.csv?lang=en`, room.adminLogin.headers);
    expect(sealed.statusCode).toBe(200);
    expect(sealed.headers['content-type']).toBe('application/octet-stream');
    expect(sealed.headers['content-disposition']).toBe(`attachment; filename="lectern-${room.session.code.replace('-', '')}-report.csv.age"`);
    // Nothing of the plain text is readable in the sealed bytes.
    expect(sealed.rawPayload.toString('latin1')).not.toContain(plain.body.slice(0, 20));
    const opened = await unseal(sealed.rawPayload, key.identity);
    expect(opened.ok && Buffer.from(opened.bytes).toString('utf8')).toBe(plain.body);
    // Another coordinator's key does not open it.
    expect(await unseal(sealed.rawPayload, (await newCoordinatorKey()).identity)).toEqual({ ok: false, why: 'wrong-key' });
  });

  it('the candidates’ list sealed: its read is logged once, by the plain route', async () => {
    const id = room.session.id;
    const before = (await get(t.app, `/api/admin/data-reads?sessionId=${id}`, room.adminLogin.headers)).json<{ reads: unknown[] }>().reads.length;
    expect((await get(t.app, `/api/admin/sessions/${id}/sealed/candidates.csv`, room.adminLogin.headers)).statusCode).toBe(200);
    const reads = (await get(t.app, `/api/admin/data-reads?sessionId=${id}`, room.adminLogin.headers)).json<{ reads: { route: string; kinds: string[] }[] }>().reads;
    expect(reads.length).toBe(before + 1);
    expect(reads[0]).toMatchObject({ route: '/api/sessions/:id/candidates.csv', kinds: ['names'] });
  });

  it('refuses clearly: no key configured, a proctor, an unknown session, an export that cannot be sealed', async () => {
    const id = room.session.id;
    const other = await supervisedRoom(plainServer.app, 1);
    const noKey = await get(plainServer.app, `/api/admin/sessions/${other.session.id}/sealed/report.csv`, other.adminLogin.headers);
    expect(noKey.statusCode).toBe(409);
    expect(noKey.json()).toMatchObject({ error: { code: 'seal-not-configured' } });
    expect((await get(t.app, `/api/admin/sessions/${id}/sealed/report.csv`, room.proctorLogin.headers)).statusCode).toBe(403);
    const unknown = await get(t.app, `/api/admin/sessions/999999/sealed/report.csv`, room.adminLogin.headers);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: { code: expect.any(String) } });
    expect((await get(t.app, `/api/admin/sessions/${id}/sealed/dashboard`, room.adminLogin.headers)).statusCode).toBe(400);
    const sealing = await get(t.app, '/api/admin/sealing', room.adminLogin.headers);
    expect(sealing.json()).toMatchObject({ recipient: key.recipient, exports: expect.arrayContaining(['jury.csv', 'report.csv']) });
  });

  it('npm run unseal opens the file beside it, and refuses a wrong key, a damaged file and an existing output, each in a sentence', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lectern-unseal-'));
    try {
      const sealed = await get(t.app, `/api/admin/sessions/${room.session.id}/sealed/report.csv`, room.adminLogin.headers);
      const file = join(dir, 'report.csv.age');
      writeFileSync(file, sealed.rawPayload);
      const keyFile = join(dir, 'coordinator.key');
      writeFileSync(keyFile, `# Lectern coordinator key\n${key.identity}\n`);
      const wrongKey = join(dir, 'other.key');
      writeFileSync(wrongKey, `${(await newCoordinatorKey()).identity}\n`);
      const lines: string[] = [];
      const run = (...args: string[]) => runUnseal(args, { LECTERN_LANG: 'en' }, (l) => lines.push(l));

      expect(await run(file, '--key', wrongKey)).toBe(1);
      expect(lines.pop()).toBe(`The key ${wrongKey} does not open ${file}: it was encrypted for another key.`);
      const damaged = join(dir, 'damaged.csv.age');
      const bytes = Buffer.from(sealed.rawPayload);
      bytes[bytes.length - 3] = bytes[bytes.length - 3]! ^ 0xff;
      writeFileSync(damaged, bytes);
      expect(await run(damaged, '--key', keyFile)).toBe(1);
      expect(lines.pop()).toBe(`The file ${damaged} is damaged or incomplete (its authentication fails): get another copy of it.`);

      expect(await run(file, '--key', keyFile)).toBe(0);
      expect(readFileSync(join(dir, 'report.csv'), 'utf8')).toBe((await get(t.app, `/api/sessions/${room.session.id}/report.csv`, room.adminLogin.headers)).body);
      expect(await run(file, '--key', keyFile)).toBe(1);
      expect(lines.pop()).toContain('already exists: nothing was written');
      expect(await run(join(dir, 'report.csv'), '--key', keyFile, '--out', join(dir, 'x'))).toBe(1);
      expect(lines.pop()).toContain('is not a file Lectern encrypted');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
