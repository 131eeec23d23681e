import type { Entry } from '../format.js';

// The kiosk telling the candidate the truth (issue 13, item 3): a save after the end is kept for
// the jury, the time given or stopped is announced with the new end, the messages' stack and the
// document's scroll areas have names.
export const kioskScreensFr = {
  'screens.refused.late':
    'Temps écoulé : vos dernières modifications sont arrivées après la fin. Elles ne comptent pas dans la copie, mais le serveur les a gardées à part pour le jury. Prévenez le surveillant.',
  'screens.refused.ended':
    'La session est terminée : vos dernières modifications ne comptent pas dans la copie, mais le serveur les a gardées à part pour le jury. Prévenez le surveillant.',
  'screens.refused.submitted':
    'Votre copie est déjà rendue : vos dernières modifications ne comptent pas, mais le serveur les a gardées à part pour le jury.',
  'screens.field.late': 'Arrivée après la fin : gardée à part pour le jury',
  'screens.clock.extra': { one: 'Temps supplémentaire accordé : {n} minute. Nouvelle fin : {time}.', other: 'Temps supplémentaire accordé : {n} minutes. Nouvelle fin : {time}.' },
  'screens.clock.reduced': 'Votre temps a été corrigé par le surveillant. Nouvelle fin : {time}.',
  'screens.clock.paused': 'Épreuve en pause : le temps est arrêté. Attendez les consignes du surveillant.',
  'screens.clock.resumed': 'L’épreuve reprend. Nouvelle fin : {time}.',
  'screens.clock.dismiss': 'Compris',
  'screens.messages.region': { one: 'Message du surveillant (1)', other: 'Messages du surveillant ({n})' },
  'screens.messages.older': 'Message précédent, reçu à {time}',
  'screens.document.codeBlock': 'Bloc de code du document (défilement avec les flèches)',
  'screens.document.table': 'Tableau du document (défilement avec les flèches)',
  'screens.receipt.noAnswer': 'Aucune réponse : la copie est rendue vide. Son empreinte identifie votre copie (session, code candidat, heure de remise).',
} satisfies Record<string, Entry>;
