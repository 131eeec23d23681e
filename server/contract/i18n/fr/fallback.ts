// The fallback file (issue 10, item 4): the kiosk's offer and the proctor's code, the admin's
// import (page and npm run import-fallback), and the flag of imported answers in the feed and report.
export const fallbackFr = {
  'fallback.offer.title': 'Le serveur ne répond plus',
  'fallback.offer.text':
    'Vos réponses sont gardées sur ce poste. Si le serveur ne revient pas, enregistrez-les dans un fichier de secours chiffré (sur ce poste ou sur une clé USB) et prévenez le surveillant.',
  'fallback.save': 'Enregistrer mes réponses dans un fichier de secours',
  'fallback.saved': 'Fichier de secours enregistré : {file}. Prévenez le surveillant.',
  'fallback.failed': 'Le fichier de secours n’a pas pu être créé ({message}) : vos réponses restent sur ce poste ; prévenez le surveillant.',
  'fallback.noKey': 'Ce poste n’a pas reçu de clé de secours du serveur : vos réponses restent sur ce poste ; prévenez le surveillant.',
  'fallback.proctor.open': 'Surveillant : fichier de secours',
  'fallback.proctor.label': 'Code surveillant du fichier de secours',
  'fallback.proctor.submit': 'Enregistrer le fichier',
  'fallback.proctor.cancel': 'Annuler',
  'fallback.proctor.wrong': 'Ce n’est pas le code surveillant de cette session : vérifiez-le sur le tableau de bord.',
  'fallback.proctor.code': 'Code surveillant du fichier de secours : {code}',
  'fallback.refused.forged': 'Le fichier {file} n’est pas un fichier de secours Lectern (contenu illisible ou d’un autre format) : rien n’a été importé.',
  'fallback.refused.truncated': 'Le fichier {file} est incomplet (coupé pendant la copie) : rien n’a été importé ; reprenez-le sur le poste ou la clé USB.',
  'fallback.refused.altered': 'Le fichier {file} a été modifié depuis son enregistrement sur le poste (son authentification échoue) : rien n’a été importé.',
  'fallback.refused.other-attempt':
    'Le fichier {file} indique le candidat {candidate} mais a été chiffré avec la clé du candidat {other} : rien n’a été importé ; vérifiez de quel poste il vient.',
  'fallback.refused.other-session': 'Le fichier {file} appartient à la session {session}, pas à celle-ci : rien n’a été importé ; importez-le sur le serveur de sa session.',
  'fallback.refused.unknown-attempt':
    'Le fichier {file} est celui du candidat {candidate}, que ce serveur ne connaît pas ou qui n’a pas de clé (sauvegarde antérieure à sa connexion) : rien n’a été importé.',
  'fallback.imported': 'Fichier {file} importé (candidat {candidate}) : réponses importées : {imported} ; déjà détenues par le serveur : {held}.',
  'fallback.cli.usage': 'Utilisation : npm run import-fallback -- <fichiers .lectern…> [--data <dossier de données>] [--session <code de session>]',
  'fallback.cli.missing': 'Le fichier {file} n’existe pas ou ne peut pas être lu : vérifiez le chemin.',
  'fallback.cli.no-database': 'Il n’y a pas de base de données dans {dataDir} : indiquez le dossier de données du serveur restauré avec --data.',
  'fallback.admin.title': 'Fichiers de secours',
  'fallback.admin.intro':
    'Quand un poste n’a pas pu joindre le serveur, il enregistre les réponses du candidat dans un fichier de secours chiffré. Importez ces fichiers ici, sur le serveur restauré ou de remplacement : une réponse plus récente que celle du serveur la remplace, et elle est signalée dans le rapport de session.',
  'fallback.admin.files': 'Fichiers de secours (.lectern)',
  'fallback.admin.submit': 'Importer',
  'fallback.admin.importing': 'Import en cours…',
  'fallback.admin.choose': 'Choisissez au moins un fichier.',
  'event.answer-imported': 'Réponse importée d’un fichier de secours',
  'action.fallback.imported': 'Fichier de secours importé',
  'action.fallback.refused': 'Fichier de secours refusé',
};
