// The files of a pack folder on disk: paths written by authors are checked to stay inside the
// folder (a pack copied from elsewhere must not make the server read /etc or follow a link out),
// and the digest over every file records exactly which content a session ran.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** A path with forward slashes, as authors write them and as messages show them. */
export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** True when `child` is `parent` itself or inside it (both absolute, already resolved). */
export function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Every regular file under `dir`, as sorted paths relative to it (forward slashes). */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (sub: string): void => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else if (entry.isFile() || (entry.isSymbolicLink() && fs.statSync(path.join(dir, rel), { throwIfNoEntry: false })?.isFile())) out.push(rel);
    }
  };
  walk('');
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** SHA-256 over the sorted relative paths and contents of every file of the pack. */
export function packDigest(packDir: string): string {
  const hash = crypto.createHash('sha256');
  for (const rel of listFiles(packDir)) {
    const content = fs.readFileSync(path.join(packDir, rel));
    hash.update(`${rel}\0${content.length}\0`);
    hash.update(content);
  }
  return hash.digest('hex');
}

export type PackFile = { ok: true; abs: string } | { ok: false; reason: string };

/** Checks a path written in pack.yaml or a document: relative, inside the pack, an existing file. */
export function checkPackFile(packDir: string, relPath: string): PackFile {
  if (relPath.includes('\\') || relPath.includes('\0')) return { ok: false, reason: `write paths with forward slashes (/), found "${relPath}"` };
  if (path.isAbsolute(relPath) || relPath.startsWith('/')) return { ok: false, reason: `paths are relative to the pack folder, found "${relPath}"` };
  const abs = path.resolve(packDir, relPath);
  if (!isInside(packDir, abs) || abs === packDir) return { ok: false, reason: `"${relPath}" is outside the pack folder; keep every file of the pack inside it` };
  const stat = fs.statSync(abs, { throwIfNoEntry: false });
  if (!stat) return { ok: false, reason: `the file "${relPath}" does not exist in the pack folder` };
  if (!stat.isFile()) return { ok: false, reason: `"${relPath}" is not a file` };
  const real = fs.realpathSync(abs);
  if (!isInside(fs.realpathSync(packDir), real)) return { ok: false, reason: `"${relPath}" is a link to a file outside the pack folder` };
  return { ok: true, abs };
}
