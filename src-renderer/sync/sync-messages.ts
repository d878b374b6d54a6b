/*
 * What the sync machinery tells the user, in one place so the session, the client and the screens
 * say the same thing. Lower-case first: the status line puts them after « Erreur : ».
 */

export const TOKEN_REFUSED_MESSAGE = 'le serveur a refusé le jeton d’accès';

export const CLIENT_OUTDATED_MESSAGE = 'cette version de Bocage est trop ancienne pour le serveur : mettez l’application à jour';

export const SERVER_OUTDATED_MESSAGE =
  'le serveur de synchronisation doit être mis à jour pour cette version de Bocage : prévenez la personne qui l’administre';

export const DOCUMENT_FORBIDDEN_MESSAGE = 'vous n’avez pas accès à cette mission sur le serveur';

export const UNEXPECTED_SERVER_ANSWER_MESSAGE =
  'le serveur de synchronisation a donné une réponse inattendue ; nouvel essai dans quelques instants';

/** A partner's account: the team's mission list and contacts stay on their own machine. */
export const WORKSPACE_NOT_SHARED_MESSAGE = 'la liste des missions et l’annuaire de l’équipe ne sont pas partagés avec votre compte';
