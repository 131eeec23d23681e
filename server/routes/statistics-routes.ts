import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Type, type Static } from '@sinclair/typebox';
import { errors } from '../contract/errors.js';
import { StatisticsCsvQuery, StatisticsView } from '../contract/statistics.js';
import { TimingView } from '../contract/timing.js';
import { longCsv } from '../grading/statistics/long-csv.js';

/**
 * Item statistics for the exam board (admins only): figures per key point, question and section,
 * pooled by pack digest, and the long CSV (codes only, never names) for Rasch analysis elsewhere.
 */
async function statisticsRoutes(app: FastifyInstance) {
  const adminOnly = app.requireStaff('admin');
  const statistics = app.itemStatistics;

  app.get(
    '/api/grading/statistics',
    { preHandler: adminOnly, schema: { summary: 'Item statistics per pack digest, pooled over its sessions (settled scripts)', response: { 200: StatisticsView, ...errors(401, 403) } } },
    async () => statistics.view(),
  );

  app.get(
    '/api/grading/statistics/timing',
    { preHandler: adminOnly, schema: { summary: 'Timing per question from the recorded saves, per pack digest: each session and pooled', response: { 200: TimingView, ...errors(401, 403) } } },
    async () => app.timingStatistics.view(),
  );

  app.get<{ Querystring: Static<typeof StatisticsCsvQuery> }>(
    '/api/grading/statistics/long.csv',
    {
      preHandler: adminOnly,
      schema: { summary: 'One row per candidate, key point and finished reading, as a French spreadsheet CSV', querystring: StatisticsCsvQuery, response: { 200: Type.String(), ...errors(401, 403) } },
    },
    async (request, reply) => {
      reply.header('content-disposition', 'attachment; filename="statistiques-items.csv"');
      return reply.type('text/csv; charset=utf-8').send(longCsv(statistics.longRows(), request.query.lang ?? 'fr'));
    },
  );
}

export default fp(statisticsRoutes, { name: 'lectern-statistics-routes', dependencies: ['lectern-item-statistics', 'lectern-authentication'] });
