// `npm run content:export-qti -- <pack> <file.zip>`: a loaded pack as an IMS QTI 3.0 content package.
//
// Every XML file is checked against the schema before anything is written; the zip goes to a
// temporary file renamed into place at the end, so a failed export leaves nothing behind.

import fs from 'node:fs';
import path from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { resolveImageRef } from '../pack-assets.js';
import type { Pack } from '../pack-types.js';
import { itemXml, stimulusXml } from './export-items.js';
import { manifestXml, type PackageFiles } from './export-manifest.js';
import { testXml } from './export-test.js';
import { PACKAGE_PATHS } from './qti-names.js';
import { checkXmlFiles, type XmlProblem } from './qti-schema.js';

/** Images a document uses, relative to the pack folder, in order of first use. */
function documentImages(pack: Pack, documentFile: string): string[] {
  const markdown = fs.readFileSync(path.join(pack.dir, documentFile), 'utf8');
  const found = new Set<string>();
  for (const m of markdown.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
    const ref = resolveImageRef(documentFile, m[1] ?? '');
    if (ref.ok) found.add(ref.relPath);
  }
  return [...found];
}

/** Every file of the package, by its path inside the package. */
export function packageEntries(pack: Pack): Map<string, Uint8Array> {
  const entries = new Map<string, Uint8Array>();
  const files: PackageFiles = { sectionFiles: new Map() };
  for (const section of pack.sections) {
    if (section.documentFile === undefined) continue;
    const images = documentImages(pack, section.documentFile);
    files.sectionFiles.set(section.id, { document: section.documentFile, images });
    entries.set(PACKAGE_PATHS.stimulus(section.id), strToU8(stimulusXml(pack, section)));
    for (const rel of [section.documentFile, ...images]) entries.set(PACKAGE_PATHS.content(rel), fs.readFileSync(path.join(pack.dir, rel)));
  }
  for (const section of pack.sections) {
    for (const question of section.questions) entries.set(PACKAGE_PATHS.item(question.id), strToU8(itemXml(section, question)));
  }
  entries.set(PACKAGE_PATHS.test(pack.id), strToU8(testXml(pack)));
  entries.set(PACKAGE_PATHS.manifest, strToU8(manifestXml(pack, files)));
  return entries;
}

/** Schema problems of every XML file of the package (none when it is valid). */
export async function checkPackageXml(entries: Map<string, Uint8Array>): Promise<XmlProblem[]> {
  const xml = [...entries].filter(([file]) => file.endsWith('.xml')).map(([file, bytes]) => ({ file, xml: Buffer.from(bytes).toString('utf8') }));
  return [...(await checkXmlFiles(xml)).values()].flat();
}

export class QtiExportError extends Error {
  constructor(readonly problems: XmlProblem[]) {
    super(`The QTI package was not written: ${problems.length} schema problem(s), the first: ${problems[0]?.file}:${problems[0]?.line ?? '?'}: ${problems[0]?.message}`);
  }
}

/** Writes the package to `zipFile` (created or replaced as a whole), after checking every XML file. */
export async function exportPack(pack: Pack, zipFile: string): Promise<{ files: number; bytes: number }> {
  const entries = packageEntries(pack);
  const problems = await checkPackageXml(entries);
  if (problems.length > 0) throw new QtiExportError(problems);
  const zip = zipSync(Object.fromEntries(entries), { level: 9, mtime: new Date('2026-01-01T00:00:00Z') });
  const target = path.resolve(zipFile);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temp, zip);
    fs.renameSync(temp, target);
  } finally {
    fs.rmSync(temp, { force: true });
  }
  return { files: entries.size, bytes: zip.length };
}
