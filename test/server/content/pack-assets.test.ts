import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveImageRef, resolvePackAsset, resolvePackAssetWithType } from '../../../server/content/pack-assets.js';
import { tempContentDir, writePack } from './fixtures.js';

describe('resolveImageRef', () => {
  it('refuses `..` escapes but accepts `..` that stays inside the pack', () => {
    expect(resolveImageRef('docs/guide.md', '../img/a.png')).toEqual({ ok: true, relPath: 'img/a.png' });
    expect(resolveImageRef('docs/guide.md', '../../a.png').ok).toBe(false);
    expect(resolveImageRef('guide.md', '%2e%2e/a.png').ok).toBe(false);
  });
});

describe('resolvePackAsset', () => {
  let contentDir: string;
  let packDir: string;
  beforeAll(() => {
    contentDir = tempContentDir();
    packDir = writePack(contentDir, 'assets', {
      'pack.yaml': 'title: secret key points\n',
      'document.md': '# doc\n',
      'diagram.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
      'img/photo.PNG': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    });
    writePack(contentDir, 'other', { 'x.png': 'outside' });
    fs.symlinkSync(path.join(contentDir, 'other', 'x.png'), path.join(packDir, 'link.png'));
  });
  afterAll(() => fs.rmSync(contentDir, { recursive: true, force: true }));

  it('returns the absolute path and content type of an image inside the pack', () => {
    const pack = { dir: packDir };
    expect(resolvePackAsset(pack, 'diagram.svg')).toBe(fs.realpathSync(path.join(packDir, 'diagram.svg')));
    expect(resolvePackAssetWithType(pack, 'diagram.svg')?.contentType).toBe('image/svg+xml');
    expect(resolvePackAssetWithType(pack, 'img/photo.PNG')?.contentType).toBe('image/png');
  });

  it('refuses `..`, absolute paths, symbolic links leaving the pack, missing files and non-images', () => {
    const pack = { dir: packDir };
    expect(resolvePackAsset(pack, '../other/x.png')).toBeUndefined();
    expect(resolvePackAsset(pack, 'img/../../other/x.png')).toBeUndefined();
    expect(resolvePackAsset(pack, path.join(contentDir, 'other', 'x.png'))).toBeUndefined();
    expect(resolvePackAsset(pack, '/etc/passwd')).toBeUndefined();
    expect(resolvePackAsset(pack, 'img\\..\\..\\other\\x.png')).toBeUndefined();
    expect(resolvePackAsset(pack, 'link.png')).toBeUndefined();
    expect(resolvePackAsset(pack, 'missing.png')).toBeUndefined();
    expect(resolvePackAsset(pack, 'img')).toBeUndefined();
    // The manifest and the documents hold the key points: never served as assets.
    expect(resolvePackAsset(pack, 'pack.yaml')).toBeUndefined();
    expect(resolvePackAsset(pack, 'document.md')).toBeUndefined();
  });
});
