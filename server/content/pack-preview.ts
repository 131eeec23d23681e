// The admin's preview of a pack: read from disk on every request, so an author sees the pack as
// it is after their last edit and check, without restarting the server or opening a session.

import fs from 'node:fs';
import path from 'node:path';
import type { PackPreview, PreviewList, PreviewSection } from '../contract/preview.js';
import { loadPack, loadPacks } from './load-packs.js';
import { resolvePackAssetWithType, type PackAsset } from './pack-assets.js';
import { PACK_ID } from './pack-rules.js';
import { renderPrompt } from './render-markdown.js';
import type { Pack } from './pack-types.js';

/** The pack folder for an id from a web address, or undefined when there is no such pack folder. */
function packFolder(contentDir: string, packId: string): string | undefined {
  if (!PACK_ID.test(packId)) return undefined;
  const dir = path.join(path.resolve(contentDir), packId);
  return fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory() ? dir : undefined;
}

/** Where the preview page loads a document's images from (the pack may not be loaded by the server). */
export function previewAssetPrefix(packId: string): string {
  return `/api/admin/preview/packs/${encodeURIComponent(packId)}/assets/`;
}

function previewSections(pack: Pack): PreviewSection[] {
  const served = `/api/packs/${encodeURIComponent(pack.id)}/assets/`;
  return pack.sections.map((s) => ({
    id: s.id,
    title: s.title,
    instructions: s.instructions ?? null,
    answerLanguage: s.answerLanguage,
    rubricIds: s.rubricIds,
    document: s.documentHtml === undefined ? null : { sectionId: s.id, html: s.documentHtml.split(served).join(previewAssetPrefix(pack.id)), toc: s.documentToc },
    documentWords: s.documentWords,
    questions: s.questions.map((q) => ({ id: q.id, promptHtml: q.promptHtml, targetWords: q.targetWords, keyPoints: q.keyPoints.map((kp) => ({ ...kp, html: renderPrompt(kp.text) })), documentAnchor: q.documentAnchor ?? null })),
  }));
}

/** The pack as it is on disk now, or undefined when there is no such pack folder. */
export function previewPack(contentDir: string, packId: string, now: number): PackPreview | undefined {
  const dir = packFolder(contentDir, packId);
  if (!dir) return undefined;
  const { pack, problems } = loadPack(dir);
  return {
    id: packId,
    checkedAt: now,
    problems,
    pack: pack && problems.length === 0
      ? {
          title: pack.title,
          certification: pack.certification,
          durationMinutes: pack.durationMinutes,
          digest: pack.digest,
          sections: previewSections(pack),
          rubrics: [...new Set(pack.sections.flatMap((s) => s.rubricIds))].flatMap((id) => (pack.rubrics[id] ? [pack.rubrics[id]] : [])),
        }
      : null,
  };
}

/** Every pack folder of the content folder, with its title when it loads and its number of problems. */
export function previewList(contentDir: string): PreviewList {
  const { packs, problems } = loadPacks(contentDir);
  const ids = new Set([...packs.keys(), ...problems.map((p) => p.file.split('/')[0] ?? '').filter((id) => packFolder(contentDir, id))]);
  return {
    packs: [...ids].sort().map((id) => ({
      id,
      title: packs.get(id)?.title ?? null,
      problems: problems.filter((p) => p.file.startsWith(`${id}/`)).length,
    })),
  };
}

/** An image of a pack on disk (the same rules as the exam's asset route). */
export function previewAsset(contentDir: string, packId: string, relPath: string): PackAsset | undefined {
  const dir = packFolder(contentDir, packId);
  return dir ? resolvePackAssetWithType({ dir }, relPath) : undefined;
}
