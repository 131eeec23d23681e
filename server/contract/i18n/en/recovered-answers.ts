import type { Translation } from '../format.js';
import type { recoveredAnswersFr } from '../fr/recovered-answers.js';

export const recoveredAnswersEn: Translation<typeof recoveredAnswersFr> = {
  'proctor.tile.recovered': { one: '⟲ {n} answer recovered from the workstation', other: '⟲ {n} answers recovered from the workstation' },
  'report.recovered': 'Answers recovered from the workstations',
  'report.recoveredNote':
    'Answers the server no longer held (restored from an older backup) that the candidate’s workstation sent again from its copy. The count is of sends; each question is named once.',
  'report.recoveredNone': 'None: the server lost no answer.',
  'report.recoveredCount': 'Sends',
  'report.recoveredQuestions': 'Questions',
};
