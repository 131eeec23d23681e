import type { Entry } from '../format.js';

// Answers a kiosk sent again to a server restored from an older backup (issue 10, items 1 and 3):
// the mark on the proctor's tile and the section of the printed session report.
export const recoveredAnswersFr = {
  'proctor.tile.recovered': { one: '⟲ {n} réponse récupérée du poste', other: '⟲ {n} réponses récupérées du poste' },
  'report.recovered': 'Réponses récupérées des postes',
  'report.recoveredNote':
    'Réponses que le serveur n’avait plus (restauré depuis une sauvegarde plus ancienne) et que le poste du candidat a renvoyées depuis sa copie. Le nombre compte les envois ; les questions sont nommées une fois.',
  'report.recoveredNone': 'Aucune : le serveur n’a perdu aucune réponse.',
  'report.recoveredCount': 'Envois',
  'report.recoveredQuestions': 'Questions',
} satisfies Record<string, Entry>;
