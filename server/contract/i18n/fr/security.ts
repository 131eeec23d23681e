// Login throttles and abuse limits (issue 14): the refusals' wording, and the proctor's and the
// admin's lists of waits. The server's error codes are worded here as `error.<code>`; the pages
// load this area with the errors area (client/common/error-text.ts).
export const securityFr = {
  'error.candidate-code-throttled': 'Ce code candidat a été refusé plusieurs fois : vérifiez-le sur votre convocation et demandez au surveillant. Nouvel essai possible dans {retryAfterMinutes} min.',
  'error.throttle-not-found': 'Cette attente est déjà terminée ou levée : rechargez la liste.',
  'error.unknown-reference': 'La demande désigne un élément qui n’existe pas (compte, session, candidat) : rechargez la page et recommencez.',
  'error.already-exists': 'Cet élément existe déjà : rechargez la page pour le voir.',
  'action.throttle.cleared': 'Attente de connexion levée',
  'security.throttles.title': 'Connexions refusées',
  'security.throttles.empty': 'Aucune connexion manquée en ce moment.',
  'security.throttles.kind.account': 'Compte',
  'security.throttles.kind.address': 'Adresse',
  'security.throttles.kind.session': 'Codes faux dans la session',
  'security.throttles.kind.candidate-code': 'Code candidat saisi',
  'security.throttles.failures': { one: '{n} échec', other: '{n} échecs' },
  'security.throttles.wait': 'attente : {minutes} min',
  'security.throttles.slowed': 'ralenti, jamais bloqué',
  'security.throttles.clear': 'Lever',
  'security.throttles.cleared': 'Attente levée.',
  'security.login.accountThrottled': 'Trop d’essais manqués pour ce compte : réessayez dans {minutes} min, ou demandez à un administrateur de lever l’attente.',
};
