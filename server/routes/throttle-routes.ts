import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { userError } from '../errors.js';
import { Done, Empty, IdParams } from '../contract/common.js';
import { errors } from '../contract/errors.js';
import { SessionThrottleParams, ThrottleList, ThrottleParams } from '../contract/throttles.js';
import { supervisorOf } from './supervisor.js';
import { accountActor } from './principal.js';

const notFound = () => userError(404, 'throttle-not-found', 'This wait has already ended or been cleared: reload the list.');

/**
 * Seeing and clearing login throttles: a session's proctor (or an admin) for the session's wrong
 * codes and the addresses that typed them, an admin for staff accounts and addresses.
 */
export default async function throttleRoutes(app: FastifyInstance) {
  const supervisor = supervisorOf(app);
  const staff = app.requireStaff('admin', 'proctor');
  app.get<{ Params: Static<typeof IdParams> }>(
    '/api/sessions/:id/throttles',
    { preHandler: staff, schema: { summary: "The session's failed logins still counted (wrong codes, addresses)", params: IdParams, response: { 200: ThrottleList, ...errors(401, 403, 404) } } },
    async (request) => {
      supervisor(request, request.params.id);
      return app.throttles.forSession(request.params.id, Date.now());
    },
  );
  app.post<{ Params: Static<typeof SessionThrottleParams> }>(
    '/api/sessions/:id/throttles/:throttleId/clear',
    { preHandler: staff, schema: { summary: "Clears one of the session's login waits (audited)", params: SessionThrottleParams, body: Type.Optional(Empty), response: { 200: Done, ...errors(400, 401, 403, 404) } } },
    async (request) => {
      const who = supervisor(request, request.params.id);
      if (!app.throttles.clearForSession(request.params.id, request.params.throttleId, who.id)) throw notFound();
      return { ok: true as const };
    },
  );
  const admin = app.requireStaff('admin');
  app.get(
    '/api/admin/throttles',
    { preHandler: admin, schema: { summary: 'Staff accounts and addresses whose failed logins are still counted', response: { 200: ThrottleList, ...errors(401, 403) } } },
    async () => app.throttles.forStaff(Date.now()),
  );
  app.post<{ Params: Static<typeof ThrottleParams> }>(
    '/api/admin/throttles/:throttleId/clear',
    { preHandler: admin, schema: { summary: "Clears a staff account's or an address's login wait (audited)", params: ThrottleParams, body: Type.Optional(Empty), response: { 200: Done, ...errors(400, 401, 403, 404) } } },
    async (request) => {
      if (!app.throttles.clearForStaff(request.params.throttleId, accountActor(request).id)) throw notFound();
      return { ok: true as const };
    },
  );
}
