import type { Translation } from '../format.js';
import type { fallbackFr } from '../fr/fallback.js';

export const fallbackEn: Translation<typeof fallbackFr> = {
  'fallback.offer.title': 'The server no longer answers',
  'fallback.offer.text':
    'Your answers are kept on this workstation. If the server does not come back, save them to an encrypted fallback file (on this workstation or a USB key) and tell the proctor.',
  'fallback.save': 'Save my answers to a fallback file',
  'fallback.saved': 'Fallback file saved: {file}. Tell the proctor.',
  'fallback.failed': 'The fallback file could not be made ({message}): your answers stay on this workstation; tell the proctor.',
  'fallback.noKey': 'This workstation has no fallback key from the server: your answers stay on this workstation; tell the proctor.',
  'fallback.proctor.open': 'Proctor: fallback file',
  'fallback.proctor.label': 'Proctor code for the fallback file',
  'fallback.proctor.submit': 'Save the file',
  'fallback.proctor.cancel': 'Cancel',
  'fallback.proctor.wrong': 'This is not the proctor code of this session: check it on the dashboard.',
  'fallback.proctor.code': 'Proctor code for the fallback file: {code}',
  'fallback.refused.forged': 'The file {file} is not a Lectern fallback file (unreadable, or another format): nothing was imported.',
  'fallback.refused.truncated': 'The file {file} is incomplete (cut during the copy): nothing was imported; take it again from the workstation or the USB key.',
  'fallback.refused.altered': 'The file {file} was changed after the workstation saved it (its authentication fails): nothing was imported.',
  'fallback.refused.other-attempt':
    'The file {file} names candidate {candidate} but was encrypted with the key of candidate {other}: nothing was imported; check which workstation it comes from.',
  'fallback.refused.other-session': 'The file {file} belongs to session {session}, not this one: nothing was imported; import it on its session’s server.',
  'fallback.refused.unknown-attempt':
    'The file {file} is candidate {candidate}’s, whom this server does not know or who has no key (a backup older than their login): nothing was imported.',
  'fallback.imported': 'File {file} imported (candidate {candidate}): answers imported: {imported}; already held by the server: {held}.',
  'fallback.cli.usage': 'Usage: npm run import-fallback -- <.lectern files…> [--data <data folder>] [--session <session code>]',
  'fallback.cli.missing': 'The file {file} does not exist or cannot be read: check the path.',
  'fallback.cli.no-database': 'There is no database in {dataDir}: give the restored server’s data folder with --data.',
  'fallback.admin.title': 'Fallback files',
  'fallback.admin.intro':
    'When a workstation could not reach the server, it saves the candidate’s answers to an encrypted fallback file. Import those files here, on the restored or replacement server: an answer newer than the server’s replaces it, and is flagged in the session report.',
  'fallback.admin.files': 'Fallback files (.lectern)',
  'fallback.admin.submit': 'Import',
  'fallback.admin.importing': 'Importing…',
  'fallback.admin.choose': 'Choose at least one file.',
  'event.answer-imported': 'Answer imported from a fallback file',
  'action.fallback.imported': 'Fallback file imported',
  'action.fallback.refused': 'Fallback file refused',
};
