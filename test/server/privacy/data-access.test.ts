import type { WebSocket } from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, createStaff, loginCandidate, loginStaff, type TestApp } from '../../helpers/build-app.js';
import { socketPath } from '../../../server/contract/protocol-version.js';
import { candidateDataRoutes, routesWithoutCandidateData } from '../../../server/privacy/candidate-data-routes.js';
import { StaffInbox, supervisedRoom } from '../proctor/helpers.js';

interface Read {
  username: string | null;
  sessionId: number | null;
  kinds: string[];
  route: string;
}

/** Every route of the app as "METHOD url", read from Fastify's own route tree. */
function registeredGetRoutes(app: TestApp['app']): string[] {
  const urls: string[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false, method: 'GET' }).split('\n')) {
    const m = /^([│ ├└─]*)(\S+)(?: \((.+)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    const path = (stack[depth - 1] ?? '') + m[2];
    stack[depth] = path;
    if (m[3]?.split(', ').includes('GET')) urls.push(`GET ${path}`);
  }
  return urls;
}

describe('access to candidates’ data is logged', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp();
  });
  afterEach(() => t.close());

  const reads = async (headers: Record<string, string>, query = ''): Promise<Read[]> => {
    const response = await t.app.inject({ method: 'GET', url: `/api/admin/data-reads${query}`, headers });
    expect(response.statusCode).toBe(200);
    return response.json<{ reads: Read[] }>().reads;
  };

  it('a proctor reading the dashboard and the report is named in the log the admin reads', async () => {
    const room = await supervisedRoom(t.app, 2);
    for (const path of ['dashboard', 'report', 'incidents']) {
      const r = await t.app.inject({ method: 'GET', url: `/api/sessions/${room.session.id}/${path}`, headers: room.proctorLogin.headers });
      expect(r.statusCode).toBe(200);
    }
    const list = await reads(room.adminLogin.headers, `?sessionId=${room.session.id}`);
    expect(list.map((r) => [r.username, r.route, r.kinds])).toEqual([
      [room.proctor.username, '/api/sessions/:id/incidents', ['monitoring']],
      [room.proctor.username, '/api/sessions/:id/report', ['monitoring']],
      [room.proctor.username, '/api/sessions/:id/dashboard', ['monitoring']],
    ]);
  });

  it('a dashboard socket subscribing to a session is logged once, with the session', async () => {
    const room = await supervisedRoom(t.app, 2);
    let inbox: StaffInbox | undefined;
    await t.app.injectWS(socketPath(), { headers: { cookie: room.proctorLogin.cookie } }, { onInit: (socket: WebSocket) => void (inbox = new StaffInbox(socket)) });
    await inbox!.subscribe(room.session.id);
    inbox!.socket.close();
    const list = await reads(room.adminLogin.headers);
    expect(list).toEqual([expect.objectContaining({ username: room.proctor.username, sessionId: room.session.id, route: 'ws:subscribe', kinds: ['monitoring'] })]);
  });

  it('a refused read and a candidate reading their own paper are not logged', async () => {
    const room = await supervisedRoom(t.app, 2);
    const other = await createStaff(t.app, 'proctor');
    const otherLogin = await loginStaff(t.app, other.username, other.password);
    expect((await t.app.inject({ method: 'GET', url: `/api/sessions/${room.session.id}/dashboard`, headers: otherLogin.headers })).statusCode).toBe(403);
    await t.app.inject({ method: 'POST', url: `/api/sessions/${room.session.id}/start`, headers: room.adminLogin.headers });
    const candidate = await loginCandidate(t.app, room.session.code, room.session.candidates[0]!.code, room.session.candidates[0]!.workstation);
    expect((await t.app.inject({ method: 'GET', url: '/api/attempt', headers: candidate.headers })).statusCode).toBe(200);
    expect(await reads(room.adminLogin.headers)).toEqual([]);
  });

  it('only the admin lists who read what', async () => {
    const room = await supervisedRoom(t.app, 1);
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/data-reads', headers: room.proctorLogin.headers })).statusCode).toBe(403);
  });

  it('every logged route exists, and every route under a session says whether it shows candidates’ data', () => {
    const registered = registeredGetRoutes(t.app);
    expect(registered).toContain('GET /api/grading/sessions/:id/workspace');
    for (const route of [...Object.keys(candidateDataRoutes), ...routesWithoutCandidateData]) expect(registered, route).toContain(route);
    const underSession = registered.filter((r) => /\/sessions\/:id/.test(r));
    const unclassified = underSession.filter((r) => !(r in candidateDataRoutes) && !routesWithoutCandidateData.includes(r));
    expect(unclassified).toEqual([]);
  });
});
