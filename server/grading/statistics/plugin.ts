import fp from 'fastify-plugin';
import { ItemStatistics } from './statistics-service.js';

declare module 'fastify' {
  interface FastifyInstance {
    itemStatistics: ItemStatistics;
  }
}

/** The item statistics as `app.itemStatistics`, so the routes never hold the database themselves. */
export default fp(
  async (app) => {
    app.decorate('itemStatistics', new ItemStatistics(app.db, app.packs, app.exam));
  },
  { name: 'lectern-item-statistics', dependencies: ['lectern-exam-services'] },
);
