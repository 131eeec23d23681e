import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, startSession, type TestApp } from '../../helpers/build-app.js';
import { measurePeriods, minutesToGrant } from '../../../server/proctor/lost-time.js';
import type { LostTimeView } from '../../../server/contract/lost-time.js';
import { supervisedRoom } from './helpers.js';

// Issue 13, item 2: a candidate offline or locked for more than a minute is offered to the proctor
// as incident time, measured from what the server recorded, granted in one action.

describe('measuring lost time', () => {
  it('takes a loss from the last heartbeat to the return, and a lock to its unlock; an open one waits', () => {
    const connections = [
      { at: 100_000, kind: 'connection-lost', detail: JSON.stringify({ cause: 'heartbeat-stopped', silentMs: 5000 }) },
      { at: 250_000, kind: 'connection-back', detail: '{"offlineMs":150000}' },
      { at: 400_000, kind: 'connection-lost', detail: '{}' },
    ];
    const controls = [
      { at: 200_000, action: 'candidate.locked', detail: '{}' },
      { at: 230_000, action: 'candidate.unlocked', detail: '{}' },
    ];
    expect(measurePeriods(connections, controls)).toEqual([
      { kind: 'offline', from: 95_000, to: 250_000 },
      { kind: 'locked', from: 200_000, to: 230_000 },
    ]);
  });

  it('rounds the minutes to grant up to the half minute', () => {
    expect(minutesToGrant(155_000)).toBe(3);
    expect(minutesToGrant(61_000)).toBe(1.5);
    expect(minutesToGrant(90_000)).toBe(1.5);
  });
});

describe('the lost-time offer, through the routes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('offers a 2 min 35 s loss as 3 minutes of incident time, and marks it given once granted', async () => {
    const room = await supervisedRoom(t.app, 2);
    await startSession(t.app, room.adminLogin, room.session.id);
    const [one, other] = room.session.candidates;
    const lostAt = Date.now() - 200_000;
    t.app.supervision.record(room.session.id, one!.id, 'connection-lost', { cause: 'heartbeat-stopped', silentMs: 5000 }, lostAt);
    t.app.supervision.record(room.session.id, one!.id, 'connection-back', { offlineMs: 150_000 }, lostAt + 150_000);
    // A short loss of the other candidate is no offer.
    t.app.supervision.record(room.session.id, other!.id, 'connection-lost', { silentMs: 0 }, lostAt);
    t.app.supervision.record(room.session.id, other!.id, 'connection-back', {}, lostAt + 30_000);
    t.app.supervision.flush();

    const url = (id: number, lang: string) => `/api/sessions/${room.session.id}/candidates/${id}/lost-time?lang=${lang}`;
    const get = async (id: number, lang = 'fr') => {
      const response = await t.app.inject({ method: 'GET', url: url(id, lang), headers: room.proctorLogin.headers });
      expect(response.statusCode, response.body).toBe(200);
      return response.json<LostTimeView>();
    };
    const offered = await get(one!.id);
    expect(offered.periods).toHaveLength(1);
    expect(offered.periods[0]).toMatchObject({ kind: 'offline', from: lostAt - 5000, to: lostAt + 150_000, minutes: 3, granted: false });
    expect(offered.periods[0]!.reason).toMatch(/^hors ligne de \d\d:\d\d:\d\d à \d\d:\d\d:\d\d \(3 min\)$/);
    expect((await get(one!.id, 'en')).periods[0]!.reason).toMatch(/^offline from \d\d:\d\d:\d\d to \d\d:\d\d:\d\d \(3 min\)$/);
    expect((await get(other!.id)).periods).toEqual([]);

    const grant = await t.app.inject({
      method: 'POST',
      url: `/api/sessions/${room.session.id}/candidates/${one!.id}/extra-time`,
      headers: room.proctorLogin.headers,
      payload: { minutes: offered.periods[0]!.minutes, kind: 'incident', reason: offered.periods[0]!.reason },
    });
    expect(grant.statusCode, grant.body).toBe(200);
    expect((await get(one!.id)).periods[0]!.granted).toBe(true);
    // Granted in French, it is given in English too.
    expect((await get(one!.id, 'en')).periods[0]!.granted).toBe(true);
  });

  it('is refused to a candidate', async () => {
    const room = await supervisedRoom(t.app, 1);
    const response = await t.app.inject({ method: 'GET', url: `/api/sessions/${room.session.id}/candidates/${room.session.candidates[0]!.id}/lost-time` });
    expect(response.statusCode).toBe(401);
  });
});
