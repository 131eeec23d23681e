// Issue 14, item 6: property-based requests and socket messages generated from the app's own
// route schemas and the contract's message schemas (schema-arbitrary.ts), each sent as a role the
// route allows: never a 5xx, never a crash, and nothing stored from a refused request. Bounded:
// a fixed seed and a few runs per route, so the whole file stays well under a minute.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildTestApp, type TestApp } from '../../helpers/build-app.js';
import { kioskSocket, staffSocket } from '../proctor/helpers.js';
import { KioskToServer } from '../../../server/contract/kiosk-protocol.js';
import { StaffToServer } from '../../../server/contract/staff-protocol.js';
import { POLICY_CLOSE_CODE } from '../../../server/contract/socket-limits.js';
import { httpRules, type Role } from './authorization-rules.js';
import { databaseFingerprint, exchange, rolesRoom, type RolesRoom } from './matrix-helpers.js';
import { fromSchema } from './schema-arbitrary.js';

const RUNS_PER_ROUTE = 12;
const SEED = 20261201;

/** Logins count their failures and audit them, by design: they are checked for 5xx only. */
const writesWhenRefused = new Set(['POST /api/auth/login', 'POST /api/candidate/login']);
/** Ending a session or logging out would stop the routes fuzzed after them: they are fuzzed last. */
const last = (key: string) => (key.endsWith('/end') || key.endsWith('/logout') ? 1 : 0);

let t: TestApp;
let room: RolesRoom;
beforeAll(async () => {
  t = await buildTestApp();
  room = await rolesRoom(t.app);
}, 120_000);
afterAll(async () => {
  await t.close();
});

/** The role a route is fuzzed as: one it allows (the most powerful), so requests reach its own checks. */
function roleFor(key: string): Role {
  const allow = httpRules[key]!.allow;
  if (allow === 'public') return 'admin';
  for (const role of ['admin', 'proctor', 'corrector', 'candidate'] as const) if (allow.includes(role)) return role;
  // A route nobody passes yet (marks before any script is assigned): asked as the session's corrector.
  return allow[0] ?? 'corrector';
}

describe('requests generated from the route schemas', () => {
  it('never answer 5xx, and a refused one stores nothing', async () => {
    const routes = t.app.routeCatalogue.filter((r) => !r.websocket && r.schema?.body !== undefined).toSorted((a, b) => last(`${a.method} ${a.url}`) - last(`${b.method} ${b.url}`));
    const failures: string[] = [];
    let sent = 0;
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      const role = roleFor(key);
      await fc.assert(
        fc.asyncProperty(fromSchema(route.schema!.body as never), async (body) => {
          const before = databaseFingerprint(t.app.db.$client);
          const login = room.logins.get(role)!;
          const r = await t.app.inject({ method: 'POST', url: room.urlOf(route.url), headers: { ...login.headers, 'content-type': 'application/json' }, payload: JSON.stringify(body) });
          sent++;
          if (r.statusCode >= 500) failures.push(`${key} ${JSON.stringify(body).slice(0, 200)}: ${r.statusCode} ${r.body.slice(0, 200)}`);
          if (r.statusCode >= 400 && !writesWhenRefused.has(key) && databaseFingerprint(t.app.db.$client) !== before) failures.push(`${key} ${JSON.stringify(body).slice(0, 200)}: refused (${r.statusCode}) but the database changed`);
          if ((await t.app.inject({ url: '/api/auth/me', headers: login.headers })).statusCode === 401) await room.relogin(role);
        }),
        { numRuns: RUNS_PER_ROUTE, seed: SEED, endOnFailure: true },
      );
    }
    console.info(`fuzzed ${routes.length} routes with ${sent} generated bodies: ${failures.length} problems`);
    expect(failures).toEqual([]);
    expect((await t.app.inject({ url: '/healthz' })).statusCode).toBe(200);
  }, 120_000);
});

describe('socket messages generated from the contract', () => {
  it('never crash a socket nor the server, and a refused message stores nothing', async () => {
    const problems: string[] = [];
    let sent = 0;
    // The proctor's first: a kiosk's socket, once closed, is recorded as a lost connection by the
    // server's presence check up to 5 s later, and that write landed in the middle of a proctor's
    // refused message once (a loaded run: "refused but the database changed"); nothing comes after
    // the kiosk's turn to be misled by it.
    const cases = [
      { role: 'proctor' as const, schema: StaffToServer, open: staffSocket },
      { role: 'candidate' as const, schema: KioskToServer, open: kioskSocket },
    ];
    for (const c of cases) {
      let inbox = await c.open(t.app, room.logins.get(c.role)!.cookie);
      await fc.assert(
        fc.asyncProperty(fromSchema(c.schema as never), async (message) => {
          if (inbox.socket.readyState !== inbox.socket.OPEN) inbox = await c.open(t.app, room.logins.get(c.role)!.cookie);
          const before = databaseFingerprint(t.app.db.$client);
          const { answers, closeCode } = await exchange(inbox.socket, message, c.role === 'candidate');
          sent++;
          const shown = JSON.stringify(message).slice(0, 200);
          if (closeCode !== null && closeCode !== POLICY_CLOSE_CODE) problems.push(`${c.role} ${shown}: socket closed with ${closeCode}`);
          if (answers.some((a) => a.type === 'error' && a.code === 'internal')) problems.push(`${c.role} ${shown}: internal error`);
          const refused = answers.some((a) => a.type === 'error' && a.code === 'bad-message');
          if (refused && databaseFingerprint(t.app.db.$client) !== before) problems.push(`${c.role} ${shown}: refused but the database changed`);
        }),
        { numRuns: 40, seed: SEED, endOnFailure: true },
      );
      inbox.socket.close();
    }
    console.info(`fuzzed the two socket protocols with ${sent} generated messages: ${problems.length} problems`);
    expect(problems).toEqual([]);
    expect((await t.app.inject({ url: '/healthz' })).statusCode).toBe(200);
  }, 60_000);
});
