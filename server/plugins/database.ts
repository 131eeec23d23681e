import fp from 'fastify-plugin';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type LecternDb } from '../db/open-database.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: LecternDb;
  }
}

/** Opens `<dataDir>/lectern.sqlite` (or an explicit file, for tests) and closes it last. */
export default fp<{ dataDir: string; databaseFile?: string }>(
  async (app, opts) => {
    mkdirSync(opts.dataDir, { recursive: true });
    const db = openDatabase(opts.databaseFile ?? join(opts.dataDir, 'lectern.sqlite'));
    app.decorate('db', db);
    app.addHook('onClose', async () => {
      db.$client.close();
    });
  },
  { name: 'lectern-database' },
);
