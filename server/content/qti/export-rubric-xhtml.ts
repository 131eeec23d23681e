// The rubrics of a section written as XHTML for the scorer (a qti-rubric-block view="scorer"), so
// a corrector in another QTI tool reads the same criteria as in Lectern. French, the exam's
// language of administration; both languages travel in the manifest's Lectern metadata.

import type { Localized, Rubric } from '../pack-types.js';
import { element, textElement } from './qti-xml.js';

function row(cells: readonly string[], header = false): string {
  return element('tr', {}, cells.map((c) => textElement(header ? 'th' : 'td', {}, c)));
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return element('table', {}, [element('thead', {}, [row(head, true)]), element('tbody', {}, rows.map((r) => row(r)))]);
}

const fr = (text: Localized): string => text.fr;

function readingRubric(rubric: Extract<Rubric, { kind: 'reading' }>): string[] {
  const { keyPointLevels: k, interpretationLevels: i, threshold: t } = rubric;
  return [
    table(['Point clé', 'Descripteur'], [['trouvé', fr(k.found)], ['en partie', fr(k.partly)], ['absent', fr(k.missing)]]),
    table(['Interprétation', 'Descripteur'], [['correcte', fr(i.correct)], ['partielle', fr(i.partial)], ['contresens', fr(i.misunderstanding)]]),
    textElement('p', {}, `Seuil : au moins ${Math.round(t.minKeyPointShare * 100)} % des points clés, au plus ${t.maxMisunderstandings} contresens.`),
  ];
}

function writingRubric(rubric: Extract<Rubric, { kind: 'writing' }>): string[] {
  return [
    table(['Critère', 'Bande 5', 'Bande 3', 'Bande 1'], rubric.criteria.map((c) => [fr(c.title), fr(c.bands[5]), fr(c.bands[3]), fr(c.bands[1])])),
    textElement('p', {}, `Seuil : chaque critère au moins à la bande ${rubric.threshold.minBandEach}, total au moins ${rubric.threshold.minTotal}.`),
  ];
}

function competenceRubric(rubric: Extract<Rubric, { kind: 'competence' }>): string[] {
  return [
    table(['Critère', 'Acquis', 'En partie', 'Non acquis'], rubric.criteria.map((c) => [fr(c.title), fr(c.descriptors.met), fr(c.descriptors.partly), fr(c.descriptors.notMet)])),
    textElement('p', {}, rubric.threshold.partlyCountsAsMet ? 'Un critère « en partie » compte comme acquis.' : 'Un critère « en partie » compte comme non acquis.'),
  ];
}

/** One rubric as XHTML: its title, CEFR references if any, descriptors and threshold. */
export function rubricXhtml(rubric: Rubric): string {
  const cefr = rubric.kind === 'competence' ? [] : [element('ul', {}, rubric.cefr.map((c) => textElement('li', {}, `${c.scale} — ${c.level}`)))];
  const body = rubric.kind === 'reading' ? readingRubric(rubric) : rubric.kind === 'writing' ? writingRubric(rubric) : competenceRubric(rubric);
  return element('div', { class: `lectern-rubric lectern-rubric-${rubric.kind}` }, [textElement('h2', {}, fr(rubric.title)), ...cefr, ...body]);
}
