import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
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
  for (const [url, file] of Object.entries(pages)) {
    app.get(url, { schema: { hide: true } }, async (_request, reply) => {
      if (!existsSync(join(clientBuildDir, file))) {
        return reply.code(503).type('text/plain; charset=utf-8').send('Lectern: the client is not built. Run "npm run build:client" and reload.');
      }
      reply.header('cache-control', 'no-cache');
      return reply.sendFile(file, clientBuildDir);
    });
  }
}
