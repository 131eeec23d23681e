import type { Translation } from '../format.js';
import type { contentEvidenceFr } from '../fr/content-evidence.js';

export const contentEvidenceEn: Translation<typeof contentEvidenceFr> = {
  'grading.acceptedVariants': 'Accepted variants',
  'grading.likelyMisreadings': 'Likely misreadings',
  'grading.linkedKeyPoints': 'Linked key points, in this reading: {items}',
  'grading.keyPointCriterion': 'Criterion: {criterion}',
  'jury.linkedKeyPoints': 'Linked key points',
  'jury.competenceRubric': 'Competence',
  'jury.linkedLevel.found': 'found',
  'jury.linkedLevel.partly': 'partly',
  'jury.linkedLevel.missing': 'missing',
  'jury.linkedShare': 'share of linked key points (%)',
};
