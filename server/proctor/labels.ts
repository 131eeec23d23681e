// Names of supervision events, proctor actions and tile states in French and English. Pure data:
// the printable report (server) and the dashboard (client) both read it, so they say the same thing.

export type Lang = 'fr' | 'en';
type Labels = Record<string, { fr: string; en: string }>;

export const eventLabels: Labels = {
  'focus-lost': { fr: 'Focus perdu', en: 'Focus lost' },
  'focus-back': { fr: 'Focus retrouvé', en: 'Focus back' },
  'page-hidden': { fr: 'Page masquée', en: 'Page hidden' },
  'page-visible': { fr: 'Page de nouveau visible', en: 'Page visible again' },
  'fullscreen-left': { fr: 'Plein écran quitté', en: 'Fullscreen left' },
  'fullscreen-entered': { fr: 'Plein écran activé', en: 'Fullscreen entered' },
  paste: { fr: 'Collage', en: 'Paste' },
  copy: { fr: 'Copie', en: 'Copy' },
  'context-menu': { fr: 'Clic droit', en: 'Right-click' },
  'blocked-shortcut': { fr: 'Raccourci bloqué', en: 'Blocked shortcut' },
  reload: { fr: 'Rechargement de la page', en: 'Page reload' },
  'second-login': { fr: 'Connexion depuis un autre poste', en: 'Login from another workstation' },
  'connection-lost': { fr: 'Connexion perdue', en: 'Connection lost' },
  'connection-back': { fr: 'Connexion rétablie', en: 'Connection back' },
  'save-refused': { fr: 'Sauvegarde refusée', en: 'Save refused' },
  'message-acknowledged': { fr: 'Message lu et confirmé', en: 'Message acknowledged' },
};

export const actionLabels: Labels = {
  'session.created': { fr: 'Session ouverte', en: 'Session opened' },
  'session.started': { fr: 'Épreuve démarrée', en: 'Exam started' },
  'session.paused': { fr: 'Salle en pause', en: 'Room paused' },
  'session.resumed': { fr: 'Reprise de la salle', en: 'Room resumed' },
  'session.ended': { fr: 'Épreuve terminée', en: 'Exam ended' },
  'session.seb-key-set': { fr: 'Clé de configuration SEB exigée', en: 'SEB Config Key required' },
  'session.seb-key-cleared': { fr: 'Clé de configuration SEB retirée', en: 'SEB Config Key removed' },
  'candidate.logged-in': { fr: 'Connexion du candidat', en: 'Candidate logged in' },
  'candidate.notice-acknowledged': { fr: 'Avis de surveillance accepté', en: 'Monitoring notice acknowledged' },
  'candidate.submitted': { fr: 'Copie remise', en: 'Answers submitted' },
  'candidate.paused': { fr: 'Candidat en pause', en: 'Candidate paused' },
  'candidate.resumed': { fr: 'Reprise du candidat', en: 'Candidate resumed' },
  'candidate.extra-time': { fr: 'Temps supplémentaire', en: 'Extra time' },
  'candidate.moved': { fr: 'Changement de poste', en: 'Moved to another workstation' },
  'candidate.locked': { fr: 'Poste verrouillé', en: 'Workstation locked' },
  'candidate.unlocked': { fr: 'Poste déverrouillé', en: 'Workstation unlocked' },
  'candidate.marked-absent': { fr: 'Marqué absent', en: 'Marked absent' },
  'candidate.marked-present': { fr: 'Absence annulée', en: 'Absence cancelled' },
  'message.sent': { fr: 'Message envoyé', en: 'Message sent' },
  'incident.recorded': { fr: 'Incident consigné', en: 'Incident recorded' },
};

export const stateLabels: Labels = {
  absent: { fr: 'Absent', en: 'Absent' },
  'not-logged-in': { fr: 'Non connecté', en: 'Not logged in' },
  waiting: { fr: 'En attente', en: 'Waiting' },
  reading: { fr: 'Lit', en: 'Reading' },
  typing: { fr: 'Écrit', en: 'Typing' },
  idle: { fr: 'Inactif > 2 min', en: 'Idle > 2 min' },
  offline: { fr: 'Hors ligne', en: 'Offline' },
  late: { fr: 'Temps écoulé', en: 'Time up' },
  submitted: { fr: 'Remis', en: 'Submitted' },
};

export const sessionStateLabels: Labels = {
  waiting: { fr: 'pas encore démarrée', en: 'not started yet' },
  running: { fr: 'en cours', en: 'running' },
  paused: { fr: 'en pause', en: 'paused' },
  ended: { fr: 'terminée', en: 'ended' },
};

export const submitKindLabels: Labels = {
  candidate: { fr: 'par le candidat', en: 'by the candidate' },
  deadline: { fr: 'à la fin du temps', en: 'at the deadline' },
  proctor: { fr: 'à la fin de l’épreuve', en: 'when the exam ended' },
};

export const extensionKindLabels: Labels = {
  accommodation: { fr: 'Aménagement', en: 'Accommodation' },
  incident: { fr: 'Incident', en: 'Incident' },
};

export const refusalLabels: Labels = {
  late: { fr: 'après la fin du temps (conservée)', en: 'after the deadline (kept)' },
  ended: { fr: 'après la fin de l’épreuve (conservée)', en: 'after the end (kept)' },
  submitted: { fr: 'après la remise (conservée)', en: 'after submitting (kept)' },
  locked: { fr: 'poste verrouillé', en: 'workstation locked' },
  'not-started': { fr: 'épreuve pas démarrée', en: 'exam not started' },
  'unknown-question': { fr: 'question inconnue', en: 'unknown question' },
  'too-long': { fr: 'réponse trop longue', en: 'answer too long' },
  conflict: { fr: 'conflit entre deux postes', en: 'conflict between two workstations' },
};

export const pasteSourceLabels: Labels = {
  document: { fr: 'du document', en: 'from the document' },
  'own-answer': { fr: 'de ses propres réponses', en: 'from their own answers' },
  outside: { fr: 'de l’extérieur', en: 'from outside' },
};

export function label(labels: Labels, key: string, lang: Lang): string {
  return labels[key]?.[lang] ?? key;
}
