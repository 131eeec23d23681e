// The files of a QTI package, from a .zip file or an unpacked folder, by their path in the package.

import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { QtiImportError } from './qti-problems.js';

export type PackageFiles = Map<string, Uint8Array>;

/** A path inside the package: relative, forward slashes, never leaving the package. */
export function packagePath(base: string, href: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(href.split(/[?#]/)[0] ?? '');
  } catch {
    return undefined;
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(decoded) || decoded.startsWith('/') || decoded.includes('\\')) return undefined;
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(base), decoded));
  return joined.startsWith('../') || joined === '..' ? undefined : joined;
}

function readFolder(dir: string): PackageFiles {
  const files: PackageFiles = new Map();
  const walk = (rel: string): void => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) files.set(child, fs.readFileSync(path.join(dir, child)));
    }
  };
  walk('');
  return files;
}

/** A questionnaire with its images is a few megabytes; far more is a mistake or a zip bomb. */
export const MAX_PACKAGE_BYTES = 100 * 1024 * 1024;

function readZip(file: string): PackageFiles {
  let entries: Record<string, Uint8Array>;
  let total = 0;
  try {
    entries = unzipSync(fs.readFileSync(file), {
      filter: (entry) => {
        total += entry.originalSize;
        if (total > MAX_PACKAGE_BYTES) throw new QtiImportError([{ file: path.basename(file), message: `the package unpacks to more than ${MAX_PACKAGE_BYTES / 1024 / 1024} MB; a questionnaire is far smaller, so it is refused` }]);
        return true;
      },
    });
  } catch (e) {
    if (e instanceof QtiImportError) throw e;
    throw new QtiImportError([{ file: path.basename(file), message: `this is not a readable zip file (${(e as Error).message}); give a QTI package (.zip) or the folder it was unpacked to` }]);
  }
  const files: PackageFiles = new Map();
  for (const [name, bytes] of Object.entries(entries)) {
    if (name.endsWith('/')) continue;
    const safe = packagePath('', name);
    if (safe === undefined) throw new QtiImportError([{ file: name, message: 'this entry of the zip file points outside the package; the package is refused' }]);
    files.set(safe, bytes);
  }
  return files;
}

/** Reads a package given as a .zip file or a folder. */
export function readPackage(source: string): PackageFiles {
  const stat = fs.statSync(source, { throwIfNoEntry: false });
  if (!stat) throw new QtiImportError([{ file: source, message: 'there is no such file or folder' }]);
  return stat.isDirectory() ? readFolder(source) : readZip(source);
}

export function textFile(files: PackageFiles, file: string): string | undefined {
  const bytes = files.get(file);
  return bytes ? Buffer.from(bytes).toString('utf8').replace(/^\uFEFF/, '') : undefined;
}
