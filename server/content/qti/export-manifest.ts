// imsmanifest.xml: every file of the package as a resource, with Lectern's extension in the
// metadata (titles in both languages, answer languages, rubrics, the Markdown sources).

import YAML from 'yaml';
import type { Localized, Pack, Question, Section } from '../pack-types.js';
import { CP_NS, LECTERN_NS, PACKAGE_PATHS, qtiIdentifier, RESOURCE_TYPES } from './qti-names.js';
import { element, textElement, XML_DECLARATION } from './qti-xml.js';

const L = (name: string): string => `lectern:${name}`;

function localized(name: string, text: Localized | undefined): string[] {
  return text ? [textElement(L(name), { lang: 'fr' }, text.fr), textElement(L(name), { lang: 'en' }, text.en)] : [];
}

/** The pack's rubrics, in the same YAML shape as pack.yaml (one place to read a rubric). */
export function rubricsYaml(pack: Pack): string {
  return YAML.stringify(Object.values(pack.rubrics), { lineWidth: 0 });
}

function packMetadata(pack: Pack): string {
  const sections = pack.sections.map((s) =>
    element(L('section'), { identifier: qtiIdentifier(s.id), 'answer-language': s.answerLanguage, rubrics: s.rubricIds.join(' '), document: s.documentFile }, [
      ...localized('title', s.title),
      ...localized('instructions', s.instructions),
    ]));
  return element(L('pack'), { 'xmlns:lectern': LECTERN_NS, identifier: pack.id, 'duration-minutes': pack.durationMinutes }, [
    ...localized('title', pack.title),
    ...localized('certification', pack.certification),
    ...sections,
    textElement(L('rubrics'), { format: 'yaml' }, rubricsYaml(pack)),
  ]);
}

function questionMetadata(question: Question): string {
  return element('metadata', {}, [
    element(L('question'), { 'xmlns:lectern': LECTERN_NS, 'target-words': question.targetWords, 'document-anchor': question.documentAnchor }, [
      textElement(L('prompt'), {}, question.prompt),
      ...question.keyPoints.map((kp) => textElement(L('key-point'), { identifier: kp.id, criterion: kp.criterion }, kp.text)),
      ...(question.acceptedVariants ?? []).map((v) => textElement(L('accepted-variant'), {}, v)),
      ...(question.likelyMisreadings ?? []).map((v) => textElement(L('likely-misreading'), {}, v)),
    ]),
  ]);
}

function resource(identifier: string, type: string, files: readonly string[], dependencies: readonly string[], metadata: string[] = []): string {
  return element('resource', { identifier, type, href: files[0] }, [
    ...metadata,
    ...files.map((href) => element('file', { href })),
    ...dependencies.map((identifierref) => element('dependency', { identifierref })),
  ]);
}

export interface PackageFiles {
  /** Documents and images of each section, relative to the pack folder. */
  sectionFiles: Map<string, { document: string; images: string[] }>;
}

const assetId = (relPath: string): string => `asset-${relPath.replace(/[^A-Za-z0-9]+/g, '-')}`;

function sectionResources(section: Section, files: PackageFiles): string[] {
  const own = files.sectionFiles.get(section.id);
  if (!own) return [];
  const images = own.images.map((img) => resource(assetId(img), RESOURCE_TYPES.content, [PACKAGE_PATHS.content(img)], []));
  const stimulus = resource(`stimulus-${section.id}`, RESOURCE_TYPES.stimulus, [PACKAGE_PATHS.stimulus(section.id), PACKAGE_PATHS.content(own.document)], own.images.map(assetId));
  return [stimulus, ...images];
}

export function manifestXml(pack: Pack, files: PackageFiles): string {
  const questions = pack.sections.flatMap((s) => s.questions.map((q) => ({ s, q })));
  const test = resource(`test-${pack.id}`, RESOURCE_TYPES.test, [PACKAGE_PATHS.test(pack.id)], questions.map(({ q }) => `item-${q.id}`));
  const items = questions.map(({ s, q }) =>
    resource(`item-${q.id}`, RESOURCE_TYPES.item, [PACKAGE_PATHS.item(q.id)], files.sectionFiles.has(s.id) ? [`stimulus-${s.id}`] : [], [questionMetadata(q)]));
  const seen = new Set<string>();
  const shared = pack.sections.flatMap((s) => sectionResources(s, files)).filter((r) => !seen.has(r) && seen.add(r));
  return XML_DECLARATION + element('manifest', { xmlns: CP_NS, identifier: `manifest-${pack.id}` }, [
    element('metadata', {}, [textElement('schema', {}, 'QTI Package'), textElement('schemaversion', {}, '3.0.0'), packMetadata(pack)]),
    element('organizations', {}),
    element('resources', {}, [test, ...items, ...shared]),
  ]) + '\n';
}
