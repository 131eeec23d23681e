// Which items make up which section: the assessment test's sections when the package has a test,
// else its items in the manifest's order, else every item file of the folder, as one section.

import type { Localized } from '../pack-types.js';
import { blocks } from './html-markdown.js';
import { checkedXml, type CheckedPackage } from './check-xml-file.js';
import type { ManifestResource } from './import-manifest.js';
import { childElements, descendants, firstChild } from './qti-dom.js';
import type { QtiProblem } from './qti-problems.js';
import { packagePath } from './read-package.js';

/** An item as the test or manifest names it: its file, and the identifier to name it by in messages. */
export interface PlannedItem {
  file: string;
  identifier: string;
}

export interface PlannedSection {
  identifier: string;
  title?: string;
  instructions?: string;
  items: PlannedItem[];
}

export interface SectionPlan {
  title?: string;
  durationMinutes?: number;
  sections: PlannedSection[];
  problems: QtiProblem[];
}

function fromTest(pkg: CheckedPackage, testFile: string): SectionPlan {
  const { doc, problems } = checkedXml(pkg, testFile, 'imsmanifest.xml');
  if (!doc) return { sections: [], problems };
  if (doc.root.name !== 'qti-assessment-test') return { sections: [], problems: [{ file: testFile, line: 1, message: `expected an assessment test, found <${doc.root.name}>` }] };
  const sections: PlannedSection[] = [];
  for (const s of descendants(doc.root, (e) => e.name === 'qti-assessment-section')) {
    const refs = childElements(s, 'qti-assessment-item-ref');
    if (refs.length === 0) continue;
    const items: PlannedItem[] = [];
    for (const ref of refs) {
      const href = packagePath(testFile, ref.attribs.href ?? '');
      if (href === undefined) problems.push({ file: testFile, line: doc.lineOf(ref), item: ref.attribs.identifier ?? '?', message: `the item reference "${ref.attribs.href ?? ''}" points outside the package` });
      else items.push({ file: href, identifier: ref.attribs.identifier ?? href });
    }
    const candidate = childElements(s, 'qti-rubric-block').find((b) => (b.attribs.view ?? '').split(/\s+/).includes('candidate'));
    const instructions = candidate ? blocks(candidate.children).trim() : '';
    sections.push({ identifier: s.attribs.identifier ?? `s${sections.length + 1}`, ...(s.attribs.title ? { title: s.attribs.title } : {}), ...(instructions ? { instructions } : {}), items });
  }
  const limits = childElements(doc.root, 'qti-time-limits')[0] ?? firstChild(childElements(doc.root, 'qti-test-part')[0] ?? doc.root, 'qti-time-limits');
  const seconds = Number(limits?.attribs['max-time']);
  return {
    ...(doc.root.attribs.title ? { title: doc.root.attribs.title } : {}),
    ...(Number.isFinite(seconds) && seconds > 0 ? { durationMinutes: Math.ceil(seconds / 60) } : {}),
    sections,
    problems,
  };
}

/** Item files of a folder or zip without a manifest: every XML file whose root is an item. */
function looseItems(pkg: CheckedPackage): SectionPlan {
  const problems: QtiProblem[] = [];
  const items: PlannedItem[] = [];
  for (const file of [...pkg.files.keys()].filter((f) => f.toLowerCase().endsWith('.xml')).sort()) {
    const checked = checkedXml(pkg, file, file);
    problems.push(...checked.problems);
    if (checked.doc?.root.name === 'qti-assessment-item') items.push({ file, identifier: checked.doc.root.attribs.identifier ?? file });
  }
  if (items.length === 0 && problems.length === 0) problems.push({ file: '.', message: 'the package has no imsmanifest.xml and no QTI item (assessmentItem or qti-assessment-item)' });
  return { sections: [{ identifier: 's1', items }], problems };
}

export function planSections(pkg: CheckedPackage, resources: ManifestResource[] | undefined): SectionPlan {
  if (!resources) return looseItems(pkg);
  const test = resources.find((r) => r.type.startsWith('imsqti_test'));
  if (test?.href) return fromTest(pkg, test.href);
  const items = resources.filter((r) => r.type.startsWith('imsqti_item')).map((r) => ({ file: r.href ?? '', identifier: r.identifier }));
  if (items.length === 0) return { sections: [], problems: [{ file: 'imsmanifest.xml', message: 'the manifest lists no QTI test and no QTI item resource' }] };
  return { sections: [{ identifier: 's1', items }], problems: [] };
}

export const sameInBoth = (text: string): Localized => ({ fr: text, en: text });
