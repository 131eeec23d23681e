import fp from 'fastify-plugin';
import { LoginThrottles } from '../auth/login-throttles.js';
import { defaultThrottleRules, type ThrottleRules } from '../auth/login-limiter.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Failed logins counted per account, address, session and candidate code (login-throttles.ts). */
    throttles: LoginThrottles;
  }
}

/** The login throttles, with the default rules unless a test gives shorter ones. */
export default fp<{ rules?: Partial<ThrottleRules> }>(
  async (app, opts) => {
    app.decorate('throttles', new LoginThrottles(app.db, app.audit, { ...defaultThrottleRules, ...opts.rules }));
  },
  { name: 'lectern-login-throttles', dependencies: ['lectern-exam-services'] },
);
