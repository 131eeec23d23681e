import type { Translation } from '../format.js';
import type { kioskScreensFr } from '../fr/kiosk-screens.js';

export const kioskScreensEn: Translation<typeof kioskScreensFr> = {
  'screens.refused.late':
    'Time is up: your last changes arrived after the end. They do not count in the script, but the server kept them aside for the jury. Tell the proctor.',
  'screens.refused.ended': 'The session has ended: your last changes do not count in the script, but the server kept them aside for the jury. Tell the proctor.',
  'screens.refused.submitted': 'Your script is already submitted: your last changes do not count, but the server kept them aside for the jury.',
  'screens.field.late': 'Arrived after the end: kept aside for the jury',
  'screens.clock.extra': { one: 'Extra time given: {n} minute. New end: {time}.', other: 'Extra time given: {n} minutes. New end: {time}.' },
  'screens.clock.reduced': 'The proctor corrected your time. New end: {time}.',
  'screens.clock.paused': 'The exam is paused: the clock is stopped. Wait for the proctor’s instructions.',
  'screens.clock.resumed': 'The exam resumes. New end: {time}.',
  'screens.clock.dismiss': 'Understood',
  'screens.messages.region': { one: 'Message from the proctor (1)', other: 'Messages from the proctor ({n})' },
  'screens.messages.older': 'Earlier message, received at {time}',
  'screens.document.codeBlock': 'Code block of the document (scroll with the arrow keys)',
  'screens.document.table': 'Table of the document (scroll with the arrow keys)',
  'screens.receipt.noAnswer': 'No answer: the script is handed in empty. Its fingerprint identifies your script (session, candidate code, time handed in).',
};
