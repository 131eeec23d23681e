// The rubric given to sections imported from another tool, which carries none Lectern can read:
// one competence criterion, "the answers contain the expected key points", for the author to
// replace with the certification's own criteria (the importer says so).

export const IMPORTED_RUBRIC = {
  id: 'imported-competence',
  kind: 'competence',
  title: { fr: 'Compétence évaluée (rubrique à compléter après import QTI)', en: 'Assessed competence (rubric to complete after the QTI import)' },
  criteria: [
    {
      id: 'key-points',
      title: { fr: 'Les réponses contiennent les points clés attendus', en: 'The answers contain the expected key points' },
      descriptors: {
        met: { fr: 'Les points clés de chaque question sont présents et exacts.', en: 'The key points of each question are present and correct.' },
        partly: { fr: 'Une partie des points clés est présente, ou certains sont imprécis.', en: 'Some of the key points are present, or some are imprecise.' },
        notMet: { fr: 'Les points clés sont absents ou faux.', en: 'The key points are missing or wrong.' },
      },
    },
  ],
  threshold: { partlyCountsAsMet: false },
} as const;
