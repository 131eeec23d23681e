import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/build-app.js';
import { post, supervisedRoom } from './helpers.js';
import { sebConfigKeyHash } from '../../../server/proctor/seb.js';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => {
  await t.close();
});

const configKey = 'a3c1f0e6b5d4c3b2a19f8e7d6c5b4a3928171605f4e3d2c1b0a9f8e7d6c5b4a3';
const host = 'lectern.lan:8080';

describe("Safe Exam Browser's Config Key", () => {
  it('is computed as SEB documents it: SHA-256 of the URL followed by the key', () => {
    expect(sebConfigKeyHash('http://lectern.lan:8080/api/attempt', configKey)).toMatch(/^[0-9a-f]{64}$/);
    expect(sebConfigKeyHash('http://lectern.lan:8080/api/attempt', configKey)).not.toBe(sebConfigKeyHash('http://lectern.lan:8080/api/attempt/notice', configKey));
  });

  it('when set, refuses kiosk requests without the matching header, and accepts those with it', async () => {
    const room = await supervisedRoom(t.app, 1);
    const set = await post(t.app, room.proctorLogin, `/api/sessions/${room.session.id}/seb-config-key`, { configKey: configKey.toUpperCase() });
    expect(set.statusCode).toBe(200);
    const body = { sessionCode: room.session.code, candidateCode: room.session.candidates[0]!.code };
    const without = await t.app.inject({ method: 'POST', url: '/api/candidate/login', headers: { host }, payload: body });
    expect(without.statusCode).toBe(403);
    expect(without.json().error).toMatchObject({ code: 'safe-exam-browser-required' });
    const wrong = await t.app.inject({ method: 'POST', url: '/api/candidate/login', headers: { host, 'x-safeexambrowser-configkeyhash': sebConfigKeyHash('http://lectern.lan:8080/other', configKey) }, payload: body });
    expect(wrong.statusCode).toBe(403);

    const login = await t.app.inject({
      method: 'POST',
      url: '/api/candidate/login',
      headers: { host, 'x-safeexambrowser-configkeyhash': sebConfigKeyHash(`http://${host}/api/candidate/login`, configKey) },
      payload: body,
    });
    expect(login.statusCode).toBe(200);
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const attempt = await t.app.inject({ method: 'GET', url: '/api/attempt', headers: { host, cookie, 'x-safeexambrowser-configkeyhash': sebConfigKeyHash(`http://${host}/api/attempt`, configKey) } });
    expect(attempt.statusCode).toBe(200);
    const attemptWithout = await t.app.inject({ method: 'GET', url: '/api/attempt', headers: { host, cookie } });
    expect(attemptWithout.statusCode).toBe(403);

    // The proctor's own pages are not kiosk requests.
    expect((await t.app.inject({ method: 'GET', url: `/api/sessions/${room.session.id}/dashboard`, headers: room.proctorLogin.headers })).json().session.sebConfigKeySet).toBe(true);
    // Cleared, the check stops.
    await post(t.app, room.proctorLogin, `/api/sessions/${room.session.id}/seb-config-key`, { configKey: null });
    expect((await t.app.inject({ method: 'GET', url: '/api/attempt', headers: { host, cookie } })).statusCode).toBe(200);
  });

  it('refuses a key that is not 64 hexadecimal characters', async () => {
    const room = await supervisedRoom(t.app, 1);
    const response = await post(t.app, room.proctorLogin, `/api/sessions/${room.session.id}/seb-config-key`, { configKey: 'not-a-key' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('bad-config-key');
    expect(t.app.exam.session(room.session.id)!.sebConfigKey).toBeNull();
  });
});
