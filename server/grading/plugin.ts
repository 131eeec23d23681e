import fp from 'fastify-plugin';
import { GradingService } from './grading-service.js';

declare module 'fastify' {
  interface FastifyInstance {
    grading: GradingService;
  }
}

/**
 * Grading's services as `app.grading`, for the grading routes and for tests. A domain service
 * like the exam's, loaded before the routes; it holds no timer or socket, so nothing to close.
 */
export default fp(
  async (app) => {
    app.decorate('grading', new GradingService(app.db, app.audit, app.packs, app.exam));
  },
  { name: 'lectern-grading', dependencies: ['lectern-exam-services'] },
);
