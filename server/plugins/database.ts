import fp from 'fastify-plugin';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type LecternDb } from '../db/open-database.js';
import { startCheckpointer } from '../db/checkpointer.js';
import { closeDatabase, databaseAnswers, databaseFile } from '../db/connection.js';
import { checkDatabaseAtStart } from '../db/start-check.js';
import { probeWrite, type ProbeFailure } from '../db/write-probe.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: LecternDb;
    /** The health probe: whether the database answers a trivial query. */
    databaseAnswers: () => boolean;
    /** The write probe (server/db/write-probe.ts): a full disk or a read-only file fails it. */
    databaseWrites: () => { ok: true } | ProbeFailure;
  }
}

/** Opens `<dataDir>/lectern.sqlite` (or an explicit file, for tests), starts its checkpointer, and closes both last. */
export default fp<{ dataDir: string; databaseFile?: string }>(
  async (app, opts) => {
    mkdirSync(opts.dataDir, { recursive: true });
    const db = openDatabase(opts.databaseFile ?? join(opts.dataDir, 'lectern.sqlite'));
    try {
      checkDatabaseAtStart(db);
    } catch (err) {
      closeDatabase(db);
      throw err;
    }
    app.decorate('db', db);
    app.decorate('databaseWrites', () => probeWrite(db));
    app.decorate('databaseAnswers', () => databaseAnswers(db));
    // Copies the write-ahead log back into the file beside the writers (server/db/wal-checkpointer.ts).
    const checkpointer = startCheckpointer(databaseFile(db), (message) => app.log.error(`WAL checkpoint: ${message}`));
    app.addHook('onClose', async () => {
      await checkpointer.stop();
      closeDatabase(db);
    });
  },
  { name: 'lectern-database' },
);
