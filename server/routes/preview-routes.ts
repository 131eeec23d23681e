import { createReadStream } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { previewAsset, previewList, previewPack } from '../content/pack-preview.js';
import { errors } from '../contract/errors.js';
import { PackPreview, PreviewAssetParams, PreviewList, PreviewParams } from '../contract/preview.js';
import { userError } from '../errors.js';

/** The admin's pack preview: packs read from disk on each request, never a session. */
export default async function previewRoutes(app: FastifyInstance) {
  const admin = app.requireStaff('admin');

  app.get(
    '/api/admin/preview/packs',
    { preHandler: admin, schema: { summary: 'Every pack folder on disk, checked now', response: { 200: PreviewList, ...errors(401, 403) } } },
    async () => previewList(app.packs.contentDir),
  );

  app.get<{ Params: Static<typeof PreviewParams> }>(
    '/api/admin/preview/packs/:packId',
    { preHandler: admin, schema: { summary: 'A pack read from disk now, as candidates and correctors see it, or its problems', params: PreviewParams, response: { 200: PackPreview, ...errors(401, 403, 404) } } },
    async (request, reply) => {
      const preview = previewPack(app.packs.contentDir, request.params.packId, Date.now());
      if (!preview) throw userError(404, 'unknown-pack', `There is no pack folder "${request.params.packId}" in the content folder.`);
      reply.header('cache-control', 'no-store');
      return preview;
    },
  );

  app.get<{ Params: Static<typeof PreviewAssetParams> }>(
    '/api/admin/preview/packs/:packId/assets/*',
    {
      preHandler: admin,
      schema: {
        summary: "An image of a pack's document, read from disk",
        params: PreviewAssetParams,
        produces: ['image/png', 'image/jpeg', 'image/webp', 'image/svg+xml'],
        response: { 200: Type.String({ format: 'binary', description: 'The image file.' }), ...errors(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const asset = previewAsset(app.packs.contentDir, request.params.packId, request.params['*']);
      if (!asset) throw userError(404, 'unknown-asset', 'There is no such image in this pack.');
      reply.header('cache-control', 'no-store');
      return reply.type(asset.contentType).send(createReadStream(asset.path));
    },
  );
}
