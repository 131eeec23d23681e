// One question as a QTI 3.0 item, one section's document as a QTI 3.0 shared stimulus.
//
// Items are human scored: a string response, a SCORE outcome marked external-scored="human" and
// no response processing; the key points go to a rubric block only the scorer sees.

import type { Pack, Question, Section } from '../pack-types.js';
import { renderPrompt } from '../render-markdown.js';
import { CHARACTERS_PER_WORD, PACKAGE_PATHS, QTI3_NS, qtiIdentifier, stimulusIdentifier } from './qti-names.js';
import { element, htmlToXhtml, textElement, XML_DECLARATION } from './qti-xml.js';

/** The key points, as an ordered list for the scorer. */
function keyPointsBlock(question: Question): string {
  const items = question.keyPoints.map((kp) => element('li', { id: `${qtiIdentifier(question.id)}-${kp.id}` }, [htmlToXhtml(renderPrompt(kp.text))]));
  return element('qti-rubric-block', { use: 'scoring', view: 'scorer' }, [
    element('qti-content-body', {}, [textElement('p', {}, 'Points clés attendus'), element('ol', {}, items)]),
  ]);
}

export function itemXml(section: Section, question: Question): string {
  const stimulusRef = section.documentHtml === undefined
    ? []
    : [element('qti-assessment-stimulus-ref', { identifier: stimulusIdentifier(section.id), href: `../${PACKAGE_PATHS.stimulus(section.id)}`, title: section.title.fr })];
  const interaction = element('qti-extended-text-interaction', {
    'response-identifier': 'RESPONSE',
    format: 'plain',
    'expected-length': question.targetWords * CHARACTERS_PER_WORD,
  }, [element('qti-prompt', {}, [htmlToXhtml(question.promptHtml)])]);
  return XML_DECLARATION + element('qti-assessment-item', {
    xmlns: QTI3_NS,
    identifier: qtiIdentifier(question.id),
    title: question.id,
    'time-dependent': false,
    adaptive: false,
    'xml:lang': section.answerLanguage,
  }, [
    element('qti-response-declaration', { identifier: 'RESPONSE', cardinality: 'single', 'base-type': 'string' }),
    element('qti-outcome-declaration', { identifier: 'SCORE', cardinality: 'single', 'base-type': 'float', 'external-scored': 'human' }),
    ...stimulusRef,
    element('qti-item-body', {}, [keyPointsBlock(question), interaction]),
  ]) + '\n';
}

/** The section's document; its images point at their copies under content/ in the package. */
export function stimulusXml(pack: Pack, section: Section): string {
  const assetPrefix = `/api/packs/${encodeURIComponent(pack.id)}/assets/`;
  const rewrite = (src: string): string =>
    src.startsWith(assetPrefix) ? `../${PACKAGE_PATHS.content(src.slice(assetPrefix.length).split('/').map(decodeURIComponent).join('/'))}` : src;
  return XML_DECLARATION + element('qti-assessment-stimulus', {
    xmlns: QTI3_NS,
    identifier: stimulusIdentifier(section.id),
    title: section.title.fr,
  }, [element('qti-stimulus-body', {}, [htmlToXhtml(section.documentHtml ?? '', rewrite)])]) + '\n';
}
