// The pack as a QTI 3.0 assessment test: one test part, one section per pack section, the time
// limit of the whole questionnaire, the instructions for the candidate and the rubrics for the scorer.

import type { Pack, Section } from '../pack-types.js';
import { rubricXhtml } from './export-rubric-xhtml.js';
import { PACKAGE_PATHS, QTI3_NS, qtiIdentifier } from './qti-names.js';
import { element, textElement, XML_DECLARATION } from './qti-xml.js';

function sectionXml(pack: Pack, section: Section): string {
  const instructions = section.instructions
    ? [element('qti-rubric-block', { use: 'instructions', view: 'candidate' }, [element('qti-content-body', {}, [textElement('p', {}, section.instructions.fr)])])]
    : [];
  const rubrics = section.rubricIds.flatMap((id) => {
    const rubric = pack.rubrics[id];
    return rubric ? [element('qti-rubric-block', { use: 'scoring', view: 'scorer' }, [element('qti-content-body', {}, [rubricXhtml(rubric)])])] : [];
  });
  const refs = section.questions.map((q) => element('qti-assessment-item-ref', { identifier: qtiIdentifier(q.id), href: `../${PACKAGE_PATHS.item(q.id)}` }));
  return element('qti-assessment-section', { identifier: qtiIdentifier(section.id), title: section.title.fr, visible: true }, [...instructions, ...rubrics, ...refs]);
}

export function testXml(pack: Pack): string {
  return XML_DECLARATION + element('qti-assessment-test', { xmlns: QTI3_NS, identifier: qtiIdentifier(pack.id), title: pack.title.fr }, [
    element('qti-time-limits', { 'max-time': pack.durationMinutes * 60 }),
    element('qti-test-part', { identifier: 'questionnaire', 'navigation-mode': 'nonlinear', 'submission-mode': 'simultaneous' }, pack.sections.map((s) => sectionXml(pack, s))),
  ]) + '\n';
}
