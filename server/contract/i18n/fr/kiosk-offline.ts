import type { Entry } from '../format.js';

// The kiosk without its server (issue 10, item 7) and the socket the server closed because the
// same candidate connected once too often (close code 4008, server/contract/socket-limits.ts).
export const kioskOfflineFr = {
  'offline.displaced.title': 'Votre copie vient d’être ouverte ailleurs',
  'offline.displaced.text':
    'Le serveur a fermé la connexion de cette page parce que la même copie s’est connectée depuis un autre onglet, une autre fenêtre ou un autre poste. Vos réponses restent sur ce poste et la page se reconnecte d’elle-même. Si ce n’est pas vous, prévenez le surveillant.',
} satisfies Record<string, Entry>;
