// Issue 14, item 6: the authorization matrix, built from the app's OWN routes (its onRoute
// catalogue) and the contract's WebSocket message types. Every route and every message type
// needs a rule here: a new one without a rule fails the first test. Each is tried as every role
// (anonymous, a candidate, a candidate of another session, the session's proctor, a proctor of
// another session, the session's corrector, an admin): a role the rule does not allow gets 401
// or 403 and changes nothing in the database; a role it allows is not refused (any other answer
// but a 5xx: a 404 or 409 of the route's own rules is fine).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Value } from '@sinclair/typebox/value';
import type { TSchema } from '@sinclair/typebox';
import { buildTestApp, type TestApp } from '../../helpers/build-app.js';
import { kioskSocket, staffSocket } from '../proctor/helpers.js';
import { KioskToServer } from '../../../server/contract/kiosk-protocol.js';
import { StaffToServer } from '../../../server/contract/staff-protocol.js';
import { databaseFingerprint, exchange, literalTypes, rolesRoom, type RolesRoom } from './matrix-helpers.js';
import { candidates, httpRules, roles, socketRules, type Rule } from './authorization-rules.js';

let t: TestApp;
let room: RolesRoom;

beforeAll(async () => {
  t = await buildTestApp();
  room = await rolesRoom(t.app);
}, 120_000);

afterAll(async () => {
  await t.close();
});

/** A body the route's schema accepts, so that a refusal can only come from who is asking. */
function bodyOf(rule: Rule, schema: unknown): unknown {
  if (rule.body !== undefined) return rule.body;
  if (schema === undefined) return undefined;
  try {
    return Value.Create(schema as TSchema);
  } catch {
    return {};
  }
}

/** Routes that end things run last, so the rest is tried on a session still running. */
const weight = (key: string) => (key.endsWith('/end') ? 2 : key.includes('/logout') ? 1 : 0);

describe('the authorization matrix', () => {
  it('has a rule for every route the app registered and every socket message type of the contract', () => {
    const registered = t.app.routeCatalogue.map((r) => `${r.method} ${r.url}`);
    expect(registered.filter((k) => !(k in httpRules))).toEqual([]);
    expect(Object.keys(httpRules).filter((k) => !registered.includes(k))).toEqual([]);
    const types = [...literalTypes(KioskToServer), ...literalTypes(StaffToServer)];
    expect(types.filter((ty) => !(ty in socketRules))).toEqual([]);
    expect(Object.keys(socketRules).filter((ty) => !types.includes(ty))).toEqual([]);
  });

  it('refuses every role a route does not allow, changing nothing, and lets every role it allows through', async () => {
    const wrong: string[] = [];
    const routes = t.app.routeCatalogue.filter((r) => !r.websocket).toSorted((x, y) => weight(`${x.method} ${x.url}`) - weight(`${y.method} ${y.url}`));
    let cells = 0;
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      const rule = httpRules[key]!;
      // Refused roles first: what an allowed one does (ending the session) must not decide a refusal.
      const order = [...roles].sort((x, y) => Number(rule.allow === 'public' || rule.allow.includes(x)) - Number(rule.allow === 'public' || rule.allow.includes(y)));
      for (const role of order) {
        cells++;
        const allowed = rule.allow === 'public' || rule.allow.includes(role);
        const before = allowed ? '' : databaseFingerprint(t.app.db.$client);
        const body = bodyOf(rule, route.schema?.body);
        const login = room.logins.get(role);
        const r = await t.app.inject({
          method: route.method as 'GET' | 'POST',
          url: room.urlOf(route.url),
          headers: { ...(login?.headers ?? {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
        });
        if (r.statusCode >= 500) wrong.push(`${key} as ${role}: ${r.statusCode} ${r.body.slice(0, 200)}`);
        else if (allowed && rule.allow !== 'public' && (r.statusCode === 401 || r.statusCode === 403)) wrong.push(`${key} as ${role}: refused (${r.statusCode} ${r.body.slice(0, 200)})`);
        else if (!allowed && r.statusCode !== 401 && r.statusCode !== 403) wrong.push(`${key} as ${role}: not refused (${r.statusCode} ${r.body.slice(0, 200)})`);
        else if (!allowed && databaseFingerprint(t.app.db.$client) !== before) wrong.push(`${key} as ${role}: refused but the database changed`);
        // A logout or a move may have ended this role's login: log in again for the next route.
        if (allowed && role !== 'anonymous' && (await t.app.inject({ url: '/api/auth/me', headers: room.logins.get(role)!.headers })).statusCode === 401) await room.relogin(role);
      }
    }
    console.info(`authorization matrix: ${routes.length} routes x ${roles.length} roles = ${cells} cells, ${wrong.length} wrong`);
    expect(wrong).toEqual([]);
  }, 120_000);

  it('lets each role send only the socket messages its rule allows, and a refused one changes nothing', async () => {
    const wrong: string[] = [];
    for (const role of roles) {
      const login = room.logins.get(role);
      if (!login) {
        const r = await t.app.inject({ url: '/ws' });
        expect(r.statusCode === 401 || r.statusCode === 404 || r.statusCode === 400).toBe(true);
        continue;
      }
      const isCandidate = candidates.includes(role);
      const socket = isCandidate ? await kioskSocket(t.app, login.cookie) : await staffSocket(t.app, login.cookie);
      for (const [type, rule] of Object.entries(socketRules)) {
        const allowed = rule.allow.includes(role);
        const message = type === 'subscribe' ? { ...rule.message, sessionId: room.ids.sessionA } : rule.message;
        const before = databaseFingerprint(t.app.db.$client);
        const { answers, closeCode } = await exchange(socket.socket, message, isCandidate);
        const refused = closeCode !== null || answers.some((m) => m.type === 'error' && m.code !== 'internal');
        if (allowed && refused) wrong.push(`${type} as ${role}: refused (${JSON.stringify(answers)}, close ${closeCode})`);
        if (!allowed && !refused) wrong.push(`${type} as ${role}: not refused (${JSON.stringify(answers)})`);
        if (answers.some((m) => m.code === 'internal')) wrong.push(`${type} as ${role}: internal error`);
        if (!allowed && databaseFingerprint(t.app.db.$client) !== before) wrong.push(`${type} as ${role}: refused but the database changed`);
        if (closeCode !== null) break;
      }
      socket.socket.close();
    }
    expect(wrong).toEqual([]);
  }, 60_000);
});

