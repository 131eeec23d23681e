import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { IdParams } from '../contract/common.js';
import { errors } from '../contract/errors.js';
import { FallbackImportResult, FallbackProctorCode, FallbackUpload } from '../contract/fallback-file.js';
import { accountActor } from './principal.js';
import { supervisorOf } from './supervisor.js';

/** The fallback file (issue 10, item 4): the admin's import, and the proctor code shown on the dashboard. */
export default async function fallbackRoutes(app: FastifyInstance) {
  const supervisor = supervisorOf(app);

  app.post<{ Body: Static<typeof FallbackUpload> }>(
    '/api/admin/fallback-import',
    {
      preHandler: app.requireStaff('admin'),
      schema: { summary: "Imports kiosks' fallback files: each file whole or refused whole", body: FallbackUpload, response: { 200: FallbackImportResult, ...errors(400, 401, 403) } },
    },
    async (request) => ({ files: await app.fallback.importer.importFiles(request.body.files, accountActor(request), request.body.sessionCode ?? null) }),
  );

  app.get<{ Params: Static<typeof IdParams> }>(
    '/api/sessions/:id/fallback-code',
    { preHandler: app.requireStaff('admin', 'proctor'), schema: { summary: 'The proctor code that saves a fallback file on a kiosk', params: IdParams, response: { 200: FallbackProctorCode, ...errors(401, 403, 404) } } },
    async (request) => {
      supervisor(request, request.params.id);
      return { code: app.fallback.keys.proctorCode(request.params.id) };
    },
  );
}
