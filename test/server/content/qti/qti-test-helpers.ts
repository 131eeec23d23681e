// Shared by the QTI tests: temporary folders, and a pack reduced to the fields that must survive
// a round trip (not its folder, digest or the lines where things are declared).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, unzipSync, zipSync } from 'fflate';
import type { Pack } from '../../../../server/content/pack-types.js';

export const here = path.dirname(fileURLToPath(import.meta.url));
export const contentDir = path.resolve(here, '../../../../content');
export const fixtures = path.join(here, 'fixtures');

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-qti-'));
}

export function meaningful(pack: Pack): unknown {
  return {
    title: pack.title,
    certification: pack.certification,
    durationMinutes: pack.durationMinutes,
    rubrics: pack.rubrics,
    sections: pack.sections.map((s) => ({
      id: s.id,
      title: s.title,
      instructions: s.instructions,
      documentFile: s.documentFile,
      documentHtml: s.documentHtml,
      documentToc: s.documentToc,
      documentWords: s.documentWords,
      answerLanguage: s.answerLanguage,
      rubricIds: s.rubricIds,
      questions: s.questions.map(({ line: _line, ...q }) => q),
    })),
  };
}

/** A package's files, changed by `edit`, zipped again (to build broken packages from good ones). */
export function editZip(zipFile: string, edit: (files: Map<string, string | Uint8Array>) => void, out: string): string {
  const files = new Map<string, string | Uint8Array>(Object.entries(unzipSync(fs.readFileSync(zipFile))));
  edit(files);
  const entries = Object.fromEntries([...files].map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v]));
  fs.writeFileSync(out, zipSync(entries));
  return out;
}

export function text(files: Map<string, string | Uint8Array>, name: string): string {
  const v = files.get(name);
  if (v === undefined) throw new Error(`no ${name} in the package`);
  return typeof v === 'string' ? v : Buffer.from(v).toString('utf8');
}

/** The folder holds nothing but what the test put there (no pack, no staging folder left behind). */
export function entriesOf(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
}
