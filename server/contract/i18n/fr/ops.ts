import type { Entry } from '../format.js';

// The operator's console: `npm run kiosk-kit` and the other installation commands.
export const opsFr = {
  'kioskKit.usage': 'Usage : npm run kiosk-kit -- <adresse du serveur> [--out <dossier>] [--lang fr|en]\n  ex. npm run kiosk-kit -- 192.168.1.10:8080',
  'kioskKit.badAddress': 'L’adresse « {address} » n’est pas celle d’un serveur Lectern : donnez-la comme les postes l’ouvrent, par exemple 192.168.1.10:8080 ou https://lectern.mon-centre.fr.',
  'kioskKit.cannotWrite': 'Impossible d’écrire dans {dir} ({reason}) : choisissez un autre dossier avec --out.',
  'kioskKit.written': 'Kit des postes d’examen pour {origin} écrit dans {dir} : lisez {readme}.',
} satisfies Record<string, Entry>;
