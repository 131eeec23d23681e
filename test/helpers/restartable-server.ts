// A real Lectern server in the test process that can be stopped and started again on the same
// data folder and port: a restart costs a fraction of a second (no TypeScript compile of a new
// process), so a bounded test can restart it many times. SIGKILLs of a separate process are
// covered by test/helpers/server-process.ts.
import { buildApp, type LecternApp } from '../../server/app.js';
import { bundledContentDir } from './build-app.js';

export interface RestartableServer {
  readonly app: LecternApp;
  readonly port: number;
  /** Stops the server (its sockets close), lets `between` change the data folder, starts it again. */
  restart(between?: () => void | Promise<void>): Promise<void>;
  close(): Promise<void>;
}

async function listen(dataDir: string, port: number): Promise<LecternApp> {
  const app = await buildApp({ dataDir, contentDir: bundledContentDir });
  await app.listen({ host: '127.0.0.1', port });
  return app;
}

export async function startRestartableServer(dataDir: string): Promise<RestartableServer> {
  let app = await listen(dataDir, 0);
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    get app() {
      return app;
    },
    port,
    async restart(between) {
      await app.close();
      await between?.();
      app = await listen(dataDir, port);
    },
    close: () => app.close(),
  };
}
