import Fastify, { type FastifyServerFactory, type FastifyServerOptions } from 'fastify';
import { createServer as createHttpsServer } from 'node:https';
import websocket from '@fastify/websocket';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import database from './plugins/database.js';
import securityHeaders from './plugins/security-headers.js';
import errorHandler from './plugins/error-handler.js';
import { RequestLog } from './plugins/request-log.js';
import strictBodies from './plugins/strict-bodies.js';
import routeCatalogue from './plugins/route-catalogue.js';
import openapi from './plugins/openapi.js';
import authentication from './plugins/authentication.js';
import examServices from './plugins/exam-services.js';
import gradingServices from './grading/plugin.js';
import accounts from './plugins/accounts.js';
import dataAccessLog from './privacy/data-access-log.js';
import privacy from './privacy/plugin.js';
import loginThrottles from './plugins/login-throttles.js';
import type { ThrottleRules } from './auth/login-limiter.js';
import healthRoutes from './routes/health.js';
import authRoutes from './routes/auth-routes.js';
import attemptRoutes from './routes/attempt-routes.js';
import sessionRoutes from './routes/session-routes.js';
import adminRoutes from './routes/admin-routes.js';
import privacyRoutes from './routes/privacy-routes.js';
import previewRoutes from './routes/preview-routes.js';
import wsRoute from './routes/ws-route.js';
import throttleRoutes from './routes/throttle-routes.js';
import gradingRoutes from './routes/grading-routes.js';
import statisticsRoutes from './routes/statistics-routes.js';
import formRoutes from './routes/form-routes.js';
import itemStatistics from './grading/statistics/plugin.js';
import proctor from './proctor/plugin.js';
import fallback from './recovery/plugin.js';
import fallbackRoutes from './routes/fallback-routes.js';
import proctorRoutes from './routes/proctor-routes.js';
import pageRoutes from './routes/pages.js';
import sealedExportRoutes from './routes/sealed-export-routes.js';
import { MAX_MESSAGE_BYTES } from './contract/rules/limits.js';
import { lazySerializers } from './plugins/lazy-serializers.js';

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
  /** Tests shorten the login throttles' waits; production uses the defaults (login-limiter.ts). */
  throttleRules?: Partial<ThrottleRules>;
  /** The coordinator's public key (LECTERN_SEAL_RECIPIENT): exports can be sealed for it. */
  sealRecipient?: string | undefined;
  /** How long a kiosk waits for an unreachable server before it offers the fallback file (LECTERN_FALLBACK_AFTER; tests shorten it). */
  fallbackOfferAfterMs?: number;
}

/**
 * Slow or idle clients cannot hold the server's sockets: a request must arrive whole within
 * 30 s (a login, a save: a few kilobytes on a LAN), a connection that never sends a request is
 * closed after 30 s, and an idle keep-alive connection after 10 s. WebSockets are not affected
 * once upgraded: the kiosk's heartbeat keeps them, and the presence watch drops silent ones.
 */
export const TIMEOUTS = { connectionTimeout: 30_000, requestTimeout: 30_000, keepAliveTimeout: 10_000 } as const;

/** Builds the whole app: tests load exactly what production runs. */
export async function buildApp(options: AppOptions) {
  const app = Fastify({
    logger: options.logger ?? false,
    // Only failed and slow requests are logged, one line each (plugins/request-log.ts).
    logController: new RequestLog(),
    bodyLimit: 256 * 1024,
    trustProxy: false,
    ...TIMEOUTS,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
    // Response serializers compiled on a route's first answer, not all at start (a restart's cost).
    schemaController: { compilersFactory: { buildSerializer: lazySerializers() } },
    // A factory rather than Fastify's `https` option keeps one app type for HTTP and HTTPS;
    // the WebSocket upgrade rides on whichever server this is.
    ...(options.https ? { serverFactory: httpsServer(options.https) } : {}),
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Infrastructure.
  await app.register(database, { dataDir: options.dataDir, databaseFile: options.databaseFile });
  await app.register(errorHandler);
  await app.register(strictBodies);
  await app.register(routeCatalogue);
  await app.register(securityHeaders);
  await app.register(openapi);
  await app.register(websocket, { options: { maxPayload: MAX_MESSAGE_BYTES } });
  await app.register(authentication);
  // Domain services.
  await app.register(examServices, { contentDir: options.contentDir });
  await app.register(fallback, { offerAfterMs: options.fallbackOfferAfterMs });
  await app.register(accounts);
  await app.register(loginThrottles, { rules: options.throttleRules });
  await app.register(proctor);
  await app.register(gradingServices);
  await app.register(dataAccessLog);
  await app.register(privacy, { sealRecipient: options.sealRecipient });
  await app.register(itemStatistics);
  // Routes.
  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(attemptRoutes);
  await app.register(sessionRoutes);
  await app.register(proctorRoutes);
  await app.register(adminRoutes);
  await app.register(privacyRoutes);
  await app.register(sealedExportRoutes);
  await app.register(previewRoutes);
  await app.register(wsRoute);
  await app.register(throttleRoutes);
  await app.register(gradingRoutes);
  await app.register(statisticsRoutes);
  await app.register(fallbackRoutes);
  await app.register(formRoutes);
  await app.register(pageRoutes, { sourceMaps: options.sourceMaps ?? false });
  return app;
}

function httpsServer(tls: NonNullable<AppOptions['https']>): FastifyServerFactory {
  return (handler) => createHttpsServer({ cert: tls.cert, key: tls.key }, handler);
}

export type LecternApp = Awaited<ReturnType<typeof buildApp>>;
