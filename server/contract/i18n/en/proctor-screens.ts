import type { Translation } from '../format.js';
import type { proctorScreensFr } from '../fr/proctor-screens.js';

export const proctorScreensEn: Translation<typeof proctorScreensFr> = {
  'proctorScreens.flag.events': 'Events to check:',
  'proctorScreens.flag.eventsHelp': 'Left the window, page hidden, paste, copy, blocked shortcut or reload: the details are on the line below and in the event feed.',
  'proctorScreens.panel.dialog': 'Workstation {workstation}, candidate {code}',
  'proctorScreens.panel.escape': 'Escape closes this panel.',
  'proctorScreens.roomMessage': 'Text of the message to the whole room',
  'proctorScreens.candidateMessage': 'Text of the message to candidate {code}',
  'proctorScreens.lost.title': 'Measured lost time',
  'proctorScreens.lost.offline': 'offline',
  'proctorScreens.lost.locked': 'locked',
  'proctorScreens.lost.interrupted': 'server interrupted',
  'proctorScreens.lost.reason': '{what} from {from} to {to} ({minutes} min)',
  'proctorScreens.lost.give': { one: 'Give {n} minute of incident time', other: 'Give {n} minutes of incident time' },
  'proctorScreens.lost.none': 'No break longer than a minute.',
  'proctorScreens.theme.contrast': 'High contrast',
  'proctorScreens.slips.address': 'Workstations’ address',
  'proctorScreens.slips.addressHelp': 'Each slip’s QR code leads to this address, with the workstation.',
  'proctorScreens.slips.apply': 'Apply',
  'proctorScreens.slips.refused': 'This server does not listen at {address}: the slips carry this page’s address. Pick one from the list.',
  'proctorScreens.lost.granted': 'Already given',
  'proctorScreens.report.interruption': 'Server interrupted from {from} to {to} ({duration}): from the server’s last sign of life to its restart.',
  'proctorScreens.report.interruptionPaused': 'The room was paused: no candidate lost time.',
  'proctorScreens.report.interruptionLost': 'Writing time that ran during the interruption, per candidate: {list}. To give back as incident time.',
};
