import type { FastifyInstance } from 'fastify';
import { errors } from '../contract/errors.js';
import { HealthView } from '../contract/admin.js';
import { userError } from '../errors.js';

export default async function healthRoutes(app: FastifyInstance) {
  app.get(
    '/healthz',
    {
      schema: {
        summary: 'Answers 200 when the database answers',
        response: { 200: HealthView, ...errors(503) },
      },
    },
    async () => {
      if (!app.databaseAnswers()) throw userError(503, 'database-unavailable', 'The database does not answer.');
      return { status: 'ok' as const, packs: app.packs.list().length };
    },
  );
}
