import type { Translation } from '../format.js';
import type { kioskOfflineFr } from '../fr/kiosk-offline.js';

export const kioskOfflineEn: Translation<typeof kioskOfflineFr> = {
  'offline.displaced.title': 'Your exam was just opened elsewhere',
  'offline.displaced.text':
    'The server closed this page’s connection because the same exam connected from another tab, another window or another workstation. Your answers stay on this workstation and the page reconnects by itself. If it was not you, tell the proctor.',
};
