import type { Entry } from '../format.js';

// The proctor's screens made to hold for every person in the room (issue 13): the dialog of the
// candidate panel, the flags explained, the incident time measured from the server's events, the
// slips' address, the report's interruptions and the agreement figures.
export const proctorScreensFr = {
  'proctorScreens.flag.events': 'Événements à vérifier\u202f:',
  'proctorScreens.flag.eventsHelp': 'Sortie de la fenêtre, page masquée, collage, copie, raccourci bloqué ou rechargement\u202f: le détail est sur la ligne du dessous et dans le fil des événements.',
  'proctorScreens.panel.dialog': 'Poste {workstation}, candidat {code}',
  'proctorScreens.panel.escape': 'Échap ferme ce panneau.',
  'proctorScreens.roomMessage': 'Texte du message à toute la salle',
  'proctorScreens.candidateMessage': 'Texte du message au candidat {code}',
  'proctorScreens.lost.title': 'Temps perdu mesuré',
  'proctorScreens.lost.offline': 'hors ligne',
  'proctorScreens.lost.locked': 'verrouillé',
  'proctorScreens.lost.interrupted': 'serveur interrompu',
  'proctorScreens.lost.reason': '{what} de {from} à {to} ({minutes} min)',
  'proctorScreens.lost.give': { one: 'Accorder {n} minute d’incident', other: 'Accorder {n} minutes d’incident' },
  'proctorScreens.lost.none': 'Aucune coupure de plus d’une minute.',
  'proctorScreens.theme.contrast': 'Contraste élevé',
  'proctorScreens.slips.address': 'Adresse des postes',
  'proctorScreens.slips.addressHelp': 'Le QR code de chaque fiche mène à cette adresse, avec le poste.',
  'proctorScreens.slips.apply': 'Appliquer',
  'proctorScreens.slips.refused': 'Ce serveur n’écoute pas à l’adresse {address}\u202f: les fiches portent l’adresse de cette page. Choisissez-en une dans la liste.',
  'proctorScreens.lost.granted': 'Déjà accordé',
  'proctorScreens.report.interruption': 'Serveur interrompu de {from} à {to} ({duration})\u202f: du dernier signe de vie du serveur à son redémarrage.',
  'proctorScreens.report.interruptionPaused': 'La salle était en pause\u202f: aucun candidat n’a perdu de temps.',
  'proctorScreens.report.interruptionLost': 'Temps de composition écoulé pendant l’interruption, par candidat\u202f: {list}. À compenser comme temps d’incident.',
} satisfies Record<string, Entry>;
