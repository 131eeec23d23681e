// Writes an imported pack as a pack folder: everything goes to a temporary folder beside the
// target, is checked with the same loader the server uses, and is renamed into place only when
// the check passes. A failed import leaves nothing behind.

import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { loadPack } from '../load-packs.js';
import { PACK_FILE, PACK_ID } from '../pack-rules.js';
import type { ImportedPack } from './import-model.js';
import { QtiImportError } from './qti-problems.js';

export function packYaml(pack: ImportedPack): string {
  const manifest = {
    title: pack.title,
    certification: pack.certification,
    durationMinutes: pack.durationMinutes,
    rubrics: pack.rubrics,
    sections: pack.sections.map((s) => ({
      id: s.id,
      title: s.title,
      ...(s.instructions ? { instructions: s.instructions } : {}),
      ...(s.document ? { document: s.document } : {}),
      answerLanguage: s.answerLanguage,
      rubrics: s.rubrics,
      questions: s.questions.map((q) => ({
        id: q.id,
        ...(q.documentAnchor ? { documentAnchor: q.documentAnchor } : {}),
        targetWords: q.targetWords,
        prompt: `${q.prompt}\n`,
        keyPoints: q.keyPoints,
        ...(q.acceptedVariants ? { acceptedVariants: q.acceptedVariants } : {}),
        ...(q.likelyMisreadings ? { likelyMisreadings: q.likelyMisreadings } : {}),
      })),
    })),
  };
  return `# Imported from a QTI package by npm run content:import-qti. Format: see content/README.md.\n\n${YAML.stringify(manifest, { lineWidth: 0, blockQuote: 'literal' })}`;
}

/** Writes the pack to `packDir`, which must not exist yet; returns the pack's folder. */
export function writePack(pack: ImportedPack, packDir: string): string {
  const target = path.resolve(packDir);
  const id = path.basename(target);
  if (!PACK_ID.test(id)) throw new QtiImportError([{ file: target, message: `the pack folder name "${id}" must use only lowercase letters, digits and hyphens (it is the pack id)` }]);
  if (fs.existsSync(target)) throw new QtiImportError([{ file: target, message: 'this folder already exists; give the name of a new pack folder (nothing was overwritten)' }]);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const staging = fs.mkdtempSync(path.join(path.dirname(target), '.qti-import-'));
  try {
    const dir = path.join(staging, id);
    fs.mkdirSync(dir);
    for (const [rel, bytes] of pack.files) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), bytes);
    }
    fs.writeFileSync(path.join(dir, PACK_FILE), packYaml(pack));
    const { problems } = loadPack(dir);
    if (problems.length > 0) {
      throw new QtiImportError(problems.map((p) => ({ file: p.file, line: p.line, message: `the pack made from the package does not pass the check: ${p.message}` })));
    }
    fs.renameSync(dir, target);
    return target;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
