// imsmanifest.xml on import: its resources (which file is the test, which are items and
// stimuli), that every file it names is in the package, and Lectern's extension when present.

import YAML from 'yaml';
import type { AnswerLanguage, Localized } from '../pack-types.js';
import type { LecternQuestion } from './import-model.js';
import { childElements, descendants, firstChild, textOf, type Element, type QtiDocument } from './qti-dom.js';
import { LECTERN_NS, PACKAGE_PATHS } from './qti-names.js';
import type { QtiProblem } from './qti-problems.js';
import { packagePath, type PackageFiles } from './read-package.js';

export interface ManifestResource {
  identifier: string;
  type: string;
  /** The resource's main file, a path in the package. */
  href?: string;
  files: string[];
  lectern?: LecternQuestion;
}

export interface LecternSection {
  identifier: string;
  answerLanguage: AnswerLanguage;
  rubrics: string[];
  document?: string;
  title?: Localized;
  instructions?: Localized;
}

export interface LecternPack {
  durationMinutes: number;
  title?: Localized;
  certification?: Localized;
  sections: Map<string, LecternSection>;
  rubrics: unknown[];
}

export interface ReadManifest {
  resources: ManifestResource[];
  lectern?: LecternPack;
  problems: QtiProblem[];
}

function localizedOf(parent: Element, name: string): Localized | undefined {
  const texts = childElements(parent, name);
  const fr = texts.find((t) => t.attribs.lang === 'fr');
  const en = texts.find((t) => t.attribs.lang === 'en');
  return fr && en ? { fr: textOf(fr), en: textOf(en) } : undefined;
}

/** `{ [key]: texts }` when the question carries such elements, else nothing (the field stays absent). */
function textsOf<K extends 'acceptedVariants' | 'likelyMisreadings'>(q: Element, name: string, key: K): Partial<Record<K, string[]>> {
  const texts = childElements(q, name).map(textOf);
  const out: Partial<Record<K, string[]>> = {};
  if (texts.length) out[key] = texts;
  return out;
}

function lecternQuestion(metadata: Element | undefined): LecternQuestion | undefined {
  const q = metadata && childElements(metadata, 'question').find((e) => e.attribs['xmlns:lectern'] === LECTERN_NS);
  const prompt = q && firstChild(q, 'prompt');
  if (!q || !prompt) return undefined;
  const anchor = q.attribs['document-anchor'];
  return {
    prompt: textOf(prompt),
    targetWords: Number(q.attribs['target-words']),
    ...(anchor ? { documentAnchor: anchor } : {}),
    keyPoints: childElements(q, 'key-point').map((kp) => ({ id: kp.attribs.identifier ?? '', text: textOf(kp), ...(kp.attribs.criterion ? { criterion: kp.attribs.criterion } : {}) })),
    ...textsOf(q, 'accepted-variant', 'acceptedVariants'),
    ...textsOf(q, 'likely-misreading', 'likelyMisreadings'),
  };
}

function lecternPack(metadata: Element | undefined): LecternPack | undefined {
  const p = metadata && childElements(metadata, 'pack').find((e) => e.attribs['xmlns:lectern'] === LECTERN_NS);
  if (!p) return undefined;
  const sections = new Map<string, LecternSection>();
  for (const s of childElements(p, 'section')) {
    const title = localizedOf(s, 'title');
    const instructions = localizedOf(s, 'instructions');
    sections.set(s.attribs.identifier ?? '', {
      identifier: s.attribs.identifier ?? '',
      answerLanguage: s.attribs['answer-language'] === 'en' ? 'en' : 'fr',
      rubrics: (s.attribs.rubrics ?? '').split(/\s+/).filter(Boolean),
      ...(s.attribs.document ? { document: s.attribs.document } : {}),
      ...(title ? { title } : {}),
      ...(instructions ? { instructions } : {}),
    });
  }
  const rubrics = firstChild(p, 'rubrics');
  const parsed: unknown = rubrics ? YAML.parse(textOf(rubrics)) : [];
  const title = localizedOf(p, 'title');
  const certification = localizedOf(p, 'certification');
  return {
    durationMinutes: Number(p.attribs['duration-minutes']),
    ...(title ? { title } : {}),
    ...(certification ? { certification } : {}),
    sections,
    rubrics: Array.isArray(parsed) ? parsed : [],
  };
}

export function readManifest(doc: QtiDocument, files: PackageFiles): ReadManifest {
  const file = PACKAGE_PATHS.manifest;
  const problems: QtiProblem[] = [];
  const resources: ManifestResource[] = [];
  for (const res of descendants(doc.root, (e) => e.name === 'resource')) {
    const identifier = res.attribs.identifier ?? '';
    const named: string[] = [];
    for (const f of childElements(res, 'file')) {
      const href = packagePath(file, f.attribs.href ?? '');
      if (href === undefined) problems.push({ file, line: doc.lineOf(f), message: `resource ${identifier}: the file "${f.attribs.href ?? ''}" is outside the package` });
      else if (!files.has(href)) problems.push({ file, line: doc.lineOf(f), message: `resource ${identifier}: the file "${href}" is listed but is not in the package` });
      else named.push(href);
    }
    const href = res.attribs.href !== undefined ? packagePath(file, res.attribs.href) : named[0];
    const lectern = lecternQuestion(firstChild(res, 'metadata'));
    resources.push({ identifier, type: res.attribs.type ?? '', ...(href ? { href } : {}), files: named, ...(lectern ? { lectern } : {}) });
  }
  const lectern = lecternPack(firstChild(doc.root, 'metadata'));
  return { resources, ...(lectern ? { lectern } : {}), problems };
}
