import Fastify, { type FastifyServerFactory, type FastifyServerOptions } from 'fastify';
import { createServer as createHttpsServer } from 'node:https';
import websocket from '@fastify/websocket';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import database from './plugins/database.js';
import securityHeaders from './plugins/security-headers.js';
import errorHandler from './plugins/error-handler.js';
import openapi from './plugins/openapi.js';
import authentication from './plugins/authentication.js';
import examServices from './plugins/exam-services.js';
import gradingServices from './grading/plugin.js';
import accounts from './plugins/accounts.js';
import dataAccessLog from './privacy/data-access-log.js';
import privacy from './privacy/plugin.js';
import healthRoutes from './routes/health.js';
import authRoutes from './routes/auth-routes.js';
import attemptRoutes from './routes/attempt-routes.js';
import sessionRoutes from './routes/session-routes.js';
import adminRoutes from './routes/admin-routes.js';
import privacyRoutes from './routes/privacy-routes.js';
import previewRoutes from './routes/preview-routes.js';
import wsRoute from './routes/ws-route.js';
import gradingRoutes from './routes/grading-routes.js';
import statisticsRoutes from './routes/statistics-routes.js';
import itemStatistics from './grading/statistics/plugin.js';
import proctor from './proctor/plugin.js';
import proctorRoutes from './routes/proctor-routes.js';
import pageRoutes from './routes/pages.js';
import { MAX_MESSAGE_BYTES } from './contract/rules/limits.js';

export interface AppOptions {
  dataDir: string;
  contentDir: string;
  /** Tests may point at a temporary file; production uses <dataDir>/lectern.sqlite. */
  databaseFile?: string;
  logger?: FastifyServerOptions['logger'];
  /** The centre's certificate and key: HTTPS and WSS instead of plain HTTP (see server/tls.ts). */
  https?: { cert: Buffer; key: Buffer };
  /** Serve the pages' source maps too (LECTERN_SOURCE_MAPS=1). */
  sourceMaps?: boolean;
}

/** Builds the whole app: tests load exactly what production runs. */
export async function buildApp(options: AppOptions) {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 256 * 1024,
    trustProxy: false,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
    // A factory rather than Fastify's `https` option keeps one app type for HTTP and HTTPS;
    // the WebSocket upgrade rides on whichever server this is.
    ...(options.https ? { serverFactory: httpsServer(options.https) } : {}),
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Infrastructure.
  await app.register(database, { dataDir: options.dataDir, databaseFile: options.databaseFile });
  await app.register(errorHandler);
  await app.register(securityHeaders);
  await app.register(openapi);
  await app.register(websocket, { options: { maxPayload: MAX_MESSAGE_BYTES } });
  await app.register(authentication);
  // Domain services.
  await app.register(examServices, { contentDir: options.contentDir });
  await app.register(accounts);
  await app.register(proctor);
  await app.register(gradingServices);
  await app.register(dataAccessLog);
  await app.register(privacy);
  await app.register(itemStatistics);
  // Routes.
  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(attemptRoutes);
  await app.register(sessionRoutes);
  await app.register(proctorRoutes);
  await app.register(adminRoutes);
  await app.register(privacyRoutes);
  await app.register(previewRoutes);
  await app.register(wsRoute);
  await app.register(gradingRoutes);
  await app.register(pageRoutes, { sourceMaps: options.sourceMaps ?? false });
  await app.register(statisticsRoutes);
  await app.register(pageRoutes);
  return app;
}

function httpsServer(tls: NonNullable<AppOptions['https']>): FastifyServerFactory {
  return (handler) => createHttpsServer({ cert: tls.cert, key: tls.key }, handler);
}

export type LecternApp = Awaited<ReturnType<typeof buildApp>>;
