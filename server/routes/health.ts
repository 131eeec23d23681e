import type { FastifyInstance } from 'fastify';
import { errors } from '../contract/errors.js';
import { HealthView } from '../contract/admin.js';
import { userError } from '../errors.js';

export default async function healthRoutes(app: FastifyInstance) {
  app.get(
    '/healthz',
    {
      schema: {
        summary: 'Answers 200 when the database answers and takes a write; 503 otherwise (a full disk, a read-only file)',
        response: { 200: HealthView, ...errors(503) },
      },
    },
    async () => {
      if (!app.databaseAnswers()) throw userError(503, 'database-unavailable', 'The database does not answer.');
      // A real write: a full disk still answers a SELECT, and then every save fails.
      const probe = app.databaseWrites();
      if (!probe.ok) {
        const full = /FULL/.test(probe.code);
        throw userError(503, full ? 'disk-full' : 'database-read-only', full ? 'The disk is full: the database cannot take a write.' : `The database cannot take a write (${probe.code}).`);
      }
      return { status: 'ok' as const, packs: app.packs.list().length };
    },
  );
}
