import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { errors } from './schemas/common.js';
import { userError } from '../errors.js';

export default async function healthRoutes(app: FastifyInstance) {
  app.get(
    '/healthz',
    {
      schema: {
        summary: 'Answers 200 when the database answers',
        response: { 200: Type.Object({ status: Type.Literal('ok'), packs: Type.Integer() }), ...errors(503) },
      },
    },
    async () => {
      if (!app.databaseAnswers()) throw userError(503, 'database-unavailable', 'The database does not answer.');
      return { status: 'ok' as const, packs: app.packs.list().length };
    },
  );
}
