import fp from 'fastify-plugin';
import { Purge } from './purge.js';
import { readRetentionPolicy, type RetentionPolicy } from './retention-policy.js';
import { DataReadsRepo } from './data-reads.repo.js';

export interface PrivacyServices {
  purge: Purge;
  policy: RetentionPolicy;
  reads: DataReadsRepo;
  /** The coordinator's public key (LECTERN_SEAL_RECIPIENT): exports can be sealed for it. */
  sealRecipient: string | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    privacy: PrivacyServices;
  }
}

/** The data's life cycle for the admin routes: the retention policy, holds, purges and the access log. */
export default fp<{ sealRecipient?: string | undefined }>(
  async (app, options) => {
    app.decorate('privacy', { purge: new Purge(app.db, app.audit), policy: readRetentionPolicy(process.env), reads: new DataReadsRepo(app.db), sealRecipient: options.sealRecipient });
  },
  { name: 'lectern-privacy', dependencies: ['lectern-exam-services'] },
);
