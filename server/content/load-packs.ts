// Loads and validates content packs.
//
// A pack is a folder `content/<pack-id>/` with a `pack.yaml` manifest and Markdown documents
// with their images (see content/README.md). Every problem found names the file (relative
// to the content folder) and the 1-based line, in words meant for the author who will fix it.
// A pack with any problem is left out of the result.
//
// Reading goes in stages, each in its own module: the manifest's YAML (manifest-yaml), its
// rubrics (read-rubrics), its sections and questions (read-sections, read-questions), the links
// between them (rubric-references), then the documents and images on disk (section-documents).

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { readManifest } from './manifest-yaml.js';
import { packDigest, toPosix } from './pack-files.js';
import { LIMITS, PACK_FILE, PACK_ID } from './pack-rules.js';
import type { Pack, PackLoadResult, PackProblem, Rubric } from './pack-types.js';
import { readRubrics, type DeclaredRubric } from './read-rubrics.js';
import { readForm, readFormList, formKey, type DeclaredForm, type ReadForm } from './read-forms.js';
import { readSections } from './read-sections.js';
import { checkRubricReferences } from './rubric-references.js';
import { attachDocuments, type PackFolder } from './section-documents.js';
import { Reader } from './yaml-reader.js';

const MANIFEST_KEYS = { required: ['title', 'certification', 'durationMinutes', 'rubrics', 'sections'], optional: ['forms'] } as const;

/** Loads one pack folder. Problems name files relative to the folder's parent (the content folder). */
export function loadPack(packDir: string): { pack?: Pack; problems: PackProblem[]; forms?: Pack[] } {
  const dir = path.resolve(packDir);
  const contentDir = path.dirname(dir);
  const folder: PackFolder = { dir, id: path.basename(dir), rel: (abs) => toPosix(path.relative(contentDir, abs)) };
  const manifestRel = folder.rel(path.join(dir, PACK_FILE));
  const problems: PackProblem[] = [];

  if (!PACK_ID.test(folder.id)) {
    problems.push({ file: manifestRel, line: 1, message: `the pack folder name "${folder.id}" must use only lowercase letters, digits and hyphens (it is used in web addresses), for example "devops-title-qp"` });
  }
  if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    problems.push({ file: folder.rel(dir), line: 1, message: `the pack folder ${dir} does not exist` });
    return { problems };
  }
  const parsed = readManifest(dir, manifestRel, problems);
  if (!parsed) return { problems };

  const r = new Reader(manifestRel, parsed.doc, parsed.lines, problems);
  const manifest = r.map(parsed.doc.contents, PACK_FILE, MANIFEST_KEYS, 1);
  if (!manifest) return { problems };
  const title = r.localized(manifest.get('title'), PACK_FILE);
  const certification = r.localized(manifest.get('certification'), PACK_FILE);
  const durationMinutes = r.integer(manifest.get('durationMinutes'), PACK_FILE, LIMITS.durationMinutes.min, LIMITS.durationMinutes.max);
  const declared = readRubrics(r, manifest);
  const { drafts, complete } = readSections(r, manifest);
  checkRubricReferences(r, drafts, declared, complete);
  attachDocuments(r, folder, drafts);
  const formList = readFormList(r, manifest);
  const further = (formList ?? []).flatMap((f) => (f.file !== undefined && problems.length === 0 ? [readForm(folder, { ...f, file: f.file }, declared, drafts, problems, manifestRel)] : []));

  if (problems.length > 0 || !title || !certification || durationMinutes === undefined || !complete) {
    return { problems };
  }
  const pack: Pack = {
    id: folder.id,
    title,
    certification,
    durationMinutes,
    sections: drafts.map((d) => d.section),
    rubrics: readableRubrics(declared),
    dir,
    digest: packDigest(dir),
  };
  if (!formList) return { pack, problems };
  if (problems.length > 0) return { problems };
  return withForms(pack, formList, further.filter((f) => f !== undefined), problems);
}

/** The first form (the manifest's sections) and every further one, each a Pack of its own key. */
function withForms(pack: Pack, formList: DeclaredForm[], further: ReadForm[], problems: PackProblem[]): { pack: Pack; problems: PackProblem[]; forms: Pack[] } {
  const forms = formList.map((f, i) => ({ id: f.id, title: f.title, key: formKey(pack.id, f.id, i === 0) }));
  const first: Pack = { ...pack, form: { ...forms[0]!, packId: pack.id }, forms };
  const others = further.map((f): Pack => {
    const info = forms.find((x) => x.id === f.form.id)!;
    const digest = createHash('sha256').update(`${pack.digest}\u0000form\u0000${f.form.id}`).digest('hex');
    return { ...pack, id: info.key, sections: f.sections, digest, form: { ...info, packId: pack.id, file: f.form.file }, forms };
  });
  return { pack: first, problems, forms: others };
}

function readableRubrics(declared: Map<string, DeclaredRubric>): Record<string, Rubric> {
  const rubrics: Record<string, Rubric> = {};
  for (const [rubricId, d] of declared) if (d.rubric) rubrics[rubricId] = d.rubric;
  return rubrics;
}

/**
 * Loads every pack of the content folder: each sub-folder is a pack, except those whose name
 * starts with "." or "_". Files at the top (such as README.md) are ignored.
 */
export function loadPacks(contentDir: string): PackLoadResult {
  const dir = path.resolve(contentDir);
  const packs = new Map<string, Pack>();
  const forms = new Map<string, Pack>();
  const problems: PackProblem[] = [];
  const stat = fs.statSync(dir, { throwIfNoEntry: false });
  if (!stat?.isDirectory()) {
    problems.push({ file: '.', line: 1, message: `the content folder ${dir} does not exist or is not a folder` });
    return { packs, problems };
  }
  for (const name of packFolderNames(dir)) {
    const result = loadPack(path.join(dir, name));
    problems.push(...result.problems);
    if (result.pack && result.problems.length === 0) {
      packs.set(result.pack.id, result.pack);
      for (const form of result.forms ?? []) forms.set(form.id, form);
    }
  }
  return { packs, forms, problems };
}

/** Sub-folders (or links to folders) that are packs, sorted by name. */
function packFolderNames(dir: string): string[] {
  const isFolder = (e: fs.Dirent): boolean => e.isDirectory() || (e.isSymbolicLink() && fs.statSync(path.join(dir, e.name), { throwIfNoEntry: false })?.isDirectory() === true);
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => isFolder(e) && !e.name.startsWith('.') && !e.name.startsWith('_'))
    .map((e) => e.name)
    .sort();
}
