import type { Entry } from '../format.js';

// Issue 16: what the pack says beside its key points (accepted variants, likely misreadings, the
// criterion a key point is evidence for), in the grading view and in the jury's export.
export const contentEvidenceFr = {
  'grading.acceptedVariants': 'Variantes acceptées',
  'grading.likelyMisreadings': 'Contresens probables',
  'grading.keyPointCriterion': 'Critère : {criterion}',
  'grading.linkedKeyPoints': 'Points clés liés, dans cette lecture : {items}',
  'jury.linkedKeyPoints': 'Points clés liés',
  'jury.competenceRubric': 'Compétence',
  'jury.linkedLevel.found': 'trouvé',
  'jury.linkedLevel.partly': 'partiel',
  'jury.linkedLevel.missing': 'manquant',
  'jury.linkedShare': 'part des points clés liés (%)',
} satisfies Record<string, Entry>;
