// Which files of a pack a document may show, and how the server finds them.
//
// Candidates see a document's images through `/api/packs/<packId>/assets/<path>`. Only image
// files inside the pack folder are ever served: pack.yaml and the Markdown files hold the
// key points, and a path written by an author, or asked for by a browser, must not leave the pack.

import fs from 'node:fs';
import path from 'node:path';
import { isInside } from './pack-files.js';
import type { Pack } from './pack-types.js';

/** Image file types a pack may contain, by extension. */
export const ASSET_CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
};

/** Content type of an asset path, or undefined if this kind of file is never served. */
export function assetContentType(relPath: string): string | undefined {
  return ASSET_CONTENT_TYPES[path.posix.extname(relPath).toLowerCase()];
}

export type ImageRef = { ok: true; relPath: string } | { ok: false; reason: string };

/**
 * Resolves an image reference written in a document to a path relative to the pack folder.
 * Only relative file paths inside the pack are accepted: no URL, no absolute path, no `..`
 * that leaves the pack, and only the image types in ASSET_CONTENT_TYPES.
 */
export function resolveImageRef(documentFile: string, src: string): ImageRef {
  const raw = src.trim();
  if (raw === '') return { ok: false, reason: 'the image has no file name' };
  if (/^[a-z][a-z0-9+.-]*:/i.test(raw) || raw.startsWith('//')) {
    return {
      ok: false,
      reason: `images must be files inside the pack folder (the exam room has no internet), found "${raw}"`,
    };
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw.split(/[?#]/)[0] ?? '');
  } catch {
    return { ok: false, reason: `the image path "${raw}" is not a valid path` };
  }
  if (decoded.includes('\\') || decoded.includes('\0')) {
    return { ok: false, reason: `write image paths with forward slashes (/), found "${raw}"` };
  }
  if (decoded.startsWith('/')) {
    return { ok: false, reason: `image paths are relative to the document, without a leading "/", found "${raw}"` };
  }
  const docDir = path.posix.dirname(documentFile.split(path.sep).join('/'));
  const joined = path.posix.normalize(path.posix.join(docDir, decoded));
  if (joined === '..' || joined.startsWith('../') || path.posix.isAbsolute(joined)) {
    return { ok: false, reason: `the image "${raw}" is outside the pack folder; keep images inside the pack` };
  }
  if (!assetContentType(joined)) {
    return {
      ok: false,
      reason: `the image "${raw}" must be an SVG, PNG, JPEG or WebP file (.svg, .png, .jpg, .jpeg, .webp)`,
    };
  }
  return { ok: true, relPath: joined };
}

/** The address the kiosk loads an image of the pack from. */
export function assetUrl(packId: string, relPath: string): string {
  return `/api/packs/${encodeURIComponent(packId)}/assets/${relPath.split('/').map(encodeURIComponent).join('/')}`;
}

export interface PackAsset {
  /** Absolute path of the file on disk. */
  path: string;
  contentType: string;
}

/**
 * Absolute path and content type of an image asset of the pack, or undefined when the path
 * is not an image type, does not exist, is not a regular file, or escapes the pack folder
 * (`..`, absolute paths, symbolic links pointing outside). pack.yaml and the Markdown files
 * are never served this way: they hold the key points.
 */
export function resolvePackAssetWithType(pack: Pick<Pack, 'dir'>, relPath: string): PackAsset | undefined {
  if (typeof relPath !== 'string' || relPath === '' || relPath.length > 1024) return undefined;
  if (relPath.includes('\0') || relPath.includes('\\')) return undefined;
  if (relPath.startsWith('/') || path.isAbsolute(relPath)) return undefined;
  const segments = relPath.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..' || s.startsWith('.'))) return undefined;
  const contentType = assetContentType(relPath);
  if (!contentType) return undefined;
  try {
    const root = fs.realpathSync(pack.dir);
    const real = fs.realpathSync(path.join(root, ...segments));
    if (!isInside(root, real) || real === root) return undefined;
    if (!fs.statSync(real).isFile()) return undefined;
    return { path: real, contentType };
  } catch {
    return undefined;
  }
}

/** Absolute path of an image asset inside the pack folder, or undefined (see resolvePackAssetWithType). */
export function resolvePackAsset(pack: Pick<Pack, 'dir'>, relPath: string): string | undefined {
  return resolvePackAssetWithType(pack, relPath)?.path;
}
