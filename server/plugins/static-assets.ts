import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import { basename, join } from 'node:path';
import { clientBuildDir } from '../paths.js';

export interface StaticAssetsOptions {
  /** Serve the bundles' source maps (LECTERN_SOURCE_MAPS=1): off by default, they show the sources. */
  sourceMaps: boolean;
}

/** client/build.mjs names a copy of each asset `<name>-<12 hex digits of its sha256>.<ext>`. */
const HASHED_NAME = /-[0-9a-f]{12}\.[a-z0-9]+$/;

/** A year, the longest a browser keeps anything: a hashed name never changes content. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Whether `path` (maybe the .br or .gz sent in its place) is a content-hashed asset. */
export function isHashedAsset(path: string): boolean {
  return HASHED_NAME.test(basename(path).replace(/\.(br|gz)$/, ''));
}

/**
 * The built pages' files: /assets/* from dist/client/assets, and reply.sendFile for the pages.
 * Each file is sent precompressed (brotli or gzip, as the browser accepts, built by
 * client/build.mjs) with Vary: Accept-Encoding. Hashed names are cached for a year; everything
 * else (the pages, the plain names) is revalidated at each use, so a new build shows at once.
 */
export async function registerStaticAssets(app: FastifyInstance, options: StaticAssetsOptions) {
  await app.register(fastifyStatic, {
    root: join(clientBuildDir, 'assets'),
    prefix: '/assets/',
    decorateReply: true,
    index: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply: FastifyReply, path: string) => {
      reply.header('cache-control', isHashedAsset(path) ? IMMUTABLE : 'no-cache');
    },
    allowedPath: (pathName: string) => options.sourceMaps || !pathName.endsWith('.map'),
  });
}
