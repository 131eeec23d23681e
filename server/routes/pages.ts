import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SESSION_COOKIE } from '../auth/auth-service.js';
import { kioskPageFor } from './kiosk-page.js';
import { clientBuildDir } from '../paths.js';
import { registerStaticAssets, type StaticAssetsOptions } from '../plugins/static-assets.js';

/** The pages, each a static HTML shell loading its Lit bundle from /assets. */
export const pages: Record<string, string> = {
  '/': 'index.html',
  '/proctor': 'proctor.html',
  '/grading': 'grading.html',
  '/admin': 'admin.html',
};

export default async function pageRoutes(app: FastifyInstance, options: Partial<StaticAssetsOptions>) {
  if (!existsSync(join(clientBuildDir, 'index.html'))) {
    app.log.warn(`The client is not built (${clientBuildDir} is missing): run "npm run build:client".`);
  }
  await registerStaticAssets(app, { sourceMaps: options.sourceMaps ?? false });
  // The kiosk's service worker, at the root so its scope covers the kiosk's page; revalidated at
  // each check, so a new build's worker replaces the old one at once.
  app.get('/kiosk-sw.js', { schema: { hide: true } }, async (_request, reply) => {
    if (!existsSync(join(clientBuildDir, 'kiosk-sw.js'))) return reply.code(404).type('text/plain; charset=utf-8').send('Lectern: the client is not built.');
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('kiosk-sw.js', clientBuildDir);
  });
  for (const [url, page] of Object.entries(pages)) {
    app.get(url, { schema: { hide: true } }, async (request, reply) => {
      const exists = (file: string) => existsSync(join(clientBuildDir, file));
      const chosen = url === '/' ? kioskPageFor(clientBuildDir, request.cookies[SESSION_COOKIE] !== undefined, new URL(request.url, 'http://page').searchParams, exists) : { file: page };
      if ('html' in chosen) return reply.header('cache-control', 'no-cache').header('vary', 'Cookie').type('text/html; charset=utf-8').send(chosen.html);
      const file = chosen.file;
      if (!exists(file)) {
        return reply.code(503).type('text/plain; charset=utf-8').send('Lectern: the client is not built. Run "npm run build:client" and reload.');
      }
      reply.header('cache-control', 'no-cache');
      // The kiosk's page differs with the session cookie (kiosk-page.ts).
      if (url === '/') reply.header('vary', 'Cookie');
      return reply.sendFile(file, clientBuildDir);
    });
  }
}
