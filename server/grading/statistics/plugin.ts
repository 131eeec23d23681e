import fp from 'fastify-plugin';
import { ItemStatistics } from './statistics-service.js';
import { TimingStatistics } from './timing-service.js';

declare module 'fastify' {
  interface FastifyInstance {
    itemStatistics: ItemStatistics;
    /** Timing per question from the recorded saves (docs/timing-data.md). */
    timingStatistics: TimingStatistics;
  }
}

/** The item statistics as `app.itemStatistics`, so the routes never hold the database themselves. */
export default fp(
  async (app) => {
    app.decorate('itemStatistics', new ItemStatistics(app.db, app.packs, app.exam));
    app.decorate('timingStatistics', new TimingStatistics(app.db, app.packs, app.exam));
  },
  { name: 'lectern-item-statistics', dependencies: ['lectern-exam-services'] },
);
