// A QTI package (3.0 from Lectern or another tool, or QTI 2.1/2.2 items) as a Lectern pack, in
// memory: every problem is collected first, so an import either succeeds whole or writes nothing.

import { checkedXml, checkPackage, type CheckedPackage } from './check-xml-file.js';
import { readItem, type ReadItem } from './import-item.js';
import { readManifest, type LecternPack, type ReadManifest } from './import-manifest.js';
import type { ImportedPack, ImportedSection } from './import-model.js';
import { planSections, sameInBoth, type PlannedSection } from './import-sections.js';
import { readStimulus } from './import-stimulus.js';
import { lecternId, uniqueIds } from './import-ids.js';
import { PACKAGE_PATHS } from './qti-names.js';
import { QtiImportError, type QtiProblem } from './qti-problems.js';
import type { PackageFiles } from './read-package.js';
import { IMPORTED_RUBRIC } from './imported-rubric.js';

interface Context {
  pkg: CheckedPackage;
  manifest?: ReadManifest;
  problems: QtiProblem[];
  notes: string[];
}

function sectionItems(ctx: Context, planned: PlannedSection): ReadItem[] {
  const items: ReadItem[] = [];
  for (const { file, identifier } of planned.items) {
    const { doc, problems } = checkedXml(ctx.pkg, file, PACKAGE_PATHS.manifest, identifier);
    ctx.problems.push(...problems);
    if (!doc) continue;
    const lectern = ctx.manifest?.resources.find((r) => r.href === file)?.lectern;
    const read = readItem(file, doc, lectern, ctx.notes);
    ctx.problems.push(...read.problems);
    if (read.item) items.push(read.item);
  }
  return items;
}

function importSection(ctx: Context, planned: PlannedSection, lectern: LecternPack | undefined, index: number, files: Map<string, Uint8Array>): ImportedSection {
  const id = lecternId(planned.identifier, `s${index + 1}`);
  const items = sectionItems(ctx, planned);
  const stimuli = [...new Set(items.flatMap((i) => (i.stimulusFile ? [i.stimulusFile] : [])))];
  if (stimuli.length > 1) {
    ctx.problems.push({ file: planned.items[0]?.file ?? '?', message: `section ${planned.identifier}: its items use ${stimuli.length} different shared stimuli (${stimuli.join(', ')}); a Lectern section has one document, so put these items in separate sections` });
  }
  const own = lectern?.sections.get(planned.identifier);
  let document = own?.document;
  const stimulus = stimuli[0];
  if (stimulus && !own) {
    const first = items.find((i) => i.stimulusFile === stimulus);
    const read = readStimulus(ctx.pkg, stimulus, id, { file: planned.items[0]?.file ?? '?', item: first?.question.id ?? '?' });
    ctx.problems.push(...read.problems);
    if (read.doc) {
      document = read.doc.document;
      for (const [rel, bytes] of read.doc.files) files.set(rel, bytes);
    }
  }
  const language = items[0]?.language ?? '';
  const title = own?.title ?? sameInBoth(planned.title ?? `Section ${index + 1}`);
  const instructions = own?.instructions ?? (planned.instructions ? sameInBoth(planned.instructions) : undefined);
  return {
    id,
    title,
    ...(instructions ? { instructions } : {}),
    answerLanguage: own?.answerLanguage ?? (language.toLowerCase().startsWith('en') ? 'en' : 'fr'),
    rubrics: own?.rubrics ?? [IMPORTED_RUBRIC.id],
    ...(document ? { document } : {}),
    questions: uniqueIds(items.map((i) => i.question)),
  };
}

/** Lectern's own export carries the pack's documents and images under content/. */
function lecternContent(files: PackageFiles): Map<string, Uint8Array> {
  const prefix = PACKAGE_PATHS.content('');
  return new Map([...files].filter(([f]) => f.startsWith(prefix)).map(([f, b]) => [f.slice(prefix.length), b]));
}

export async function importQtiPackage(files: PackageFiles, sourceName: string): Promise<ImportedPack> {
  const ctx: Context = { pkg: await checkPackage(files), problems: [], notes: [] };
  if (files.has(PACKAGE_PATHS.manifest)) {
    const checked = checkedXml(ctx.pkg, PACKAGE_PATHS.manifest, PACKAGE_PATHS.manifest);
    if (!checked.doc) throw new QtiImportError(checked.problems);
    ctx.manifest = readManifest(checked.doc, files);
    ctx.problems.push(...ctx.manifest.problems);
  }
  const lectern = ctx.manifest?.lectern;
  const plan = planSections(ctx.pkg, ctx.manifest?.resources);
  ctx.problems.push(...plan.problems);
  const packFiles = lectern ? lecternContent(files) : new Map<string, Uint8Array>();
  const sections: ImportedSection[] = [];
  for (const [i, planned] of plan.sections.entries()) {
    sections.push(importSection(ctx, planned, lectern, i, packFiles));
  }
  if (ctx.problems.length > 0) throw new QtiImportError(ctx.problems);
  const durationMinutes = plan.durationMinutes ?? lectern?.durationMinutes;
  if (durationMinutes === undefined) ctx.notes.push('the package gives no time limit: the duration is set to 60 minutes');
  if (!lectern) ctx.notes.push(`the rubric "${IMPORTED_RUBRIC.id}" was written by the importer: replace it with the certification's criteria`);
  const title = lectern?.title ?? sameInBoth(plan.title ?? sourceName);
  return {
    title,
    certification: lectern?.certification ?? { fr: `Importé d'un paquet QTI (${sourceName})`, en: `Imported from a QTI package (${sourceName})` },
    durationMinutes: durationMinutes ?? 60,
    rubrics: lectern ? lectern.rubrics : [IMPORTED_RUBRIC],
    sections: uniqueIds(sections),
    files: packFiles,
    notes: ctx.notes,
  };
}
