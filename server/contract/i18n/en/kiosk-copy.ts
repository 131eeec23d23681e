import type { Translation } from '../format.js';
import type { kioskCopyFr } from '../fr/kiosk-copy.js';

export const kioskCopyEn: Translation<typeof kioskCopyFr> = {
  'copy.otherTab.title': 'This script is already open in another tab or window',
  'copy.otherTab.text':
    'Only one tab can write, so that nothing is lost. Here your answers are read-only, as the server has saved them. Carry on in the other tab; if it is closed, this one takes over by itself.',
  'copy.diverged.title': 'The server received another version of this answer',
  'copy.diverged.text':
    'A version written elsewhere (another workstation or another tab) is newer on the server: it is the one shown above. Your version on this workstation is not lost: it is kept here for the proctor. Tell them.',
  'copy.diverged.yourText': { one: 'Your kept version ({n} character)', other: 'Your kept version ({n} characters)' },
  'event.answer-recovered': 'Answer recovered: sent again by the workstation after the server was restored',
};
