import type { Entry } from '../format.js';

// The kiosk as a second copy of the answers (issue 10, items 1, 6, 8): one writer per attempt,
// answers that diverged from the server's, answers the kiosk sent again to a restored server.
export const kioskCopyFr = {
  'copy.otherTab.title': 'Cette copie est déjà ouverte dans un autre onglet ou une autre fenêtre',
  'copy.otherTab.text':
    'Un seul onglet peut écrire, pour que rien ne se perde. Ici, vos réponses sont en lecture seule, telles que le serveur les a enregistrées. Continuez dans l’autre onglet ; s’il est fermé, celui-ci prend le relais de lui-même.',
  'copy.diverged.title': 'Le serveur a reçu une autre version de cette réponse',
  'copy.diverged.text':
    'Une version écrite ailleurs (autre poste ou autre onglet) est plus récente sur le serveur : c’est elle qui est affichée ci-dessus. Votre version sur ce poste n’est pas perdue : elle est conservée ici pour le surveillant. Prévenez-le.',
  'copy.diverged.yourText': { one: 'Votre version conservée ({n} caractère)', other: 'Votre version conservée ({n} caractères)' },
  'event.answer-recovered': 'Réponse récupérée : renvoyée par le poste après une restauration du serveur',
} satisfies Record<string, Entry>;
