import fp from 'fastify-plugin';
import { FallbackRepo } from './fallback.repo.js';
import { DEFAULT_OFFER_AFTER_MS, FallbackKeys } from './fallback-keys.js';
import { FallbackImport } from './fallback-import.js';

export interface FallbackServices {
  keys: FallbackKeys;
  importer: FallbackImport;
}

declare module 'fastify' {
  interface FastifyInstance {
    fallback: FallbackServices;
  }
}

/** The fallback file (issue 10, item 4): keys issued at login, and the import of saved files. */
export default fp<{ offerAfterMs?: number }>(
  async (app, options) => {
    const repo = new FallbackRepo(app.db);
    app.decorate('fallback', { keys: new FallbackKeys(repo, options.offerAfterMs ?? DEFAULT_OFFER_AFTER_MS), importer: new FallbackImport(app.db, repo, app.audit) });
  },
  { name: 'lectern-fallback', dependencies: ['lectern-exam-services'] },
);
