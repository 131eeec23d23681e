import fp from 'fastify-plugin';
import { Purge } from './purge.js';
import { readRetentionPolicy, type RetentionPolicy } from './retention-policy.js';
import { DataReadsRepo } from './data-reads.repo.js';

export interface PrivacyServices {
  purge: Purge;
  policy: RetentionPolicy;
  reads: DataReadsRepo;
}

declare module 'fastify' {
  interface FastifyInstance {
    privacy: PrivacyServices;
  }
}

/** The data's life cycle for the admin routes: the retention policy, holds, purges and the access log. */
export default fp(
  async (app) => {
    app.decorate('privacy', { purge: new Purge(app.db, app.audit), policy: readRetentionPolicy(process.env), reads: new DataReadsRepo(app.db) });
  },
  { name: 'lectern-privacy', dependencies: ['lectern-exam-services'] },
);
