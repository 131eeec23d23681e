import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { Type } from '@sinclair/typebox';
import { userError } from '../errors.js';
import { errors } from '../contract/errors.js';
import { sealableExports, SealedExportParams, SealedExportQuery, SealingView, type SealableExport } from '../contract/privacy.js';
import { seal, SEALED_SUFFIX } from '../common/sealed-file.js';

/**
 * Where each sealable export is served in the clear. A sealed export is that same answer, asked
 * with the admin's own cookie (so the same authorization, the same access-log entry, the same
 * "jury export made" mark), then sealed for the coordinator's key before it leaves the server.
 */
const plainUrl: Record<SealableExport, (id: number) => string> = {
  'jury.csv': (id) => `/api/grading/sessions/${id}/jury.csv`,
  'jury.json': (id) => `/api/grading/sessions/${id}/jury.json`,
  'jury.html': (id) => `/api/grading/sessions/${id}/jury.html`,
  'report.csv': (id) => `/api/sessions/${id}/report.csv`,
  'incidents.csv': (id) => `/api/sessions/${id}/incidents.csv`,
  'events.csv': (id) => `/api/sessions/${id}/events.csv`,
  'candidates.csv': (id) => `/api/sessions/${id}/candidates.csv`,
};

/** The file name the plain export gives, with `.age` after it; the session's code when it has none. */
function sealedName(contentDisposition: unknown, fallback: string): string {
  const match = typeof contentDisposition === 'string' ? /filename="([^"]+)"/.exec(contentDisposition) : null;
  return `${match?.[1] ?? fallback}${SEALED_SUFFIX}`;
}

/**
 * Exports sealed with age for the coordinator's public key (LECTERN_SEAL_RECIPIENT): a file on a
 * USB key or in a mailbox then reveals nothing without the coordinator's secret key
 * (`npm run unseal -- <file> --key <keyfile>` opens it). Admin only: the admin is who takes the
 * centre's data out of the room.
 */
export default async function sealedExportRoutes(app: FastifyInstance) {
  const admin = app.requireStaff('admin');
  const { sealRecipient } = app.privacy;

  app.get('/api/admin/sealing', { preHandler: admin, schema: { summary: 'Whether exports can be sealed, and for which key', response: { 200: SealingView, ...errors(401, 403) } } }, async () => ({
    recipient: sealRecipient ?? null,
    exports: [...sealableExports],
  }));

  app.get<{ Params: Static<typeof SealedExportParams>; Querystring: Static<typeof SealedExportQuery> }>(
    '/api/admin/sessions/:id/sealed/:export',
    {
      preHandler: admin,
      schema: {
        summary: 'An export sealed for the coordinator’s key (age)',
        params: SealedExportParams,
        querystring: SealedExportQuery,
        produces: ['application/octet-stream'],
        response: { 200: Type.String({ description: 'an age file' }), ...errors(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      if (!sealRecipient) throw userError(409, 'seal-not-configured', 'No coordinator key is set: start the server with LECTERN_SEAL_RECIPIENT (npm run coordinator-key makes one).');
      const { id, export: name } = request.params;
      const lang = request.query.lang ? `?lang=${request.query.lang}` : '';
      const plain = await app.inject({ method: 'GET', url: `${plainUrl[name](id)}${lang}`, headers: { cookie: request.headers.cookie ?? '' } });
      if (plain.statusCode !== 200) {
        // The plain route's own refusal (unknown session, no jury export possible yet...), unchanged.
        reply.code(plain.statusCode).header('content-type', 'application/json; charset=utf-8');
        return reply.send(plain.body);
      }
      const sealed = await seal(plain.rawPayload, sealRecipient);
      reply
        .header('content-type', 'application/octet-stream')
        .header('content-disposition', `attachment; filename="${sealedName(plain.headers['content-disposition'], `lectern-${id}-${name}`)}"`)
        .header('cache-control', 'no-store');
      return reply.send(Buffer.from(sealed));
    },
  );
}
