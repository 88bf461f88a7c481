/** Core French messages: welcome, help, errors. */
export const coreFr = {
  'welcome.title': 'Bienvenue dans le bot jury CQP',
  'welcome.body':
    "Je vous accompagne pendant l'évaluation d'un candidat au {cqp} : prise de notes ligne par ligne pendant l'entretien, pourcentages après l'épreuve, grille de report individuelle, puis synthèse du président du jury. Les candidats peuvent aussi s'entraîner aux jeux de rôles.",
  'welcome.privacy': "Chaque membre du jury ne voit que sa propre grille. Rien de ce que vous saisissez n'est montré dans une conversation de groupe.",
  'welcome.next': 'Écrivez « aide » à tout moment pour voir ce que je sais faire.',
  'help.title': 'Ce que je sais faire',
  'help.intro': 'Écrivez une de ces commandes (majuscules et accents facultatifs) :',
  'help.unknown': "Je n'ai pas compris « {text} ». Voici ce que je sais faire :",
  'help.unknownEmpty': "Je n'ai pas compris votre message. Voici ce que je sais faire :",
  'help.unknownBack': "Je n'ai pas compris « {text} ». Voici où vous en étiez ; « aide » donne la liste des commandes.",
  'help.unknownEmptyBack': "Je n'ai pas compris votre message. Voici où vous en étiez ; « aide » donne la liste des commandes.",
  'help.group': 'Dans une conversation de groupe, je ne montre aucune grille ni aucun pourcentage. Écrivez-moi dans une conversation personnelle pour évaluer ou vous entraîner.',
  'command.help': 'aide',
  'command.help.description': 'affiche cette aide',
  'error.personalOnly': "Pour protéger les grilles, cette action se fait uniquement dans votre conversation personnelle avec le bot. Ouvrez une conversation avec moi et réécrivez-la.",
  'error.turn': "Désolé, une erreur inattendue s'est produite. Tout ce que vous aviez enregistré est conservé ; réessayez dans un instant.",
  'error.badSubmission': "Cette action n'est pas reconnue ou ses données sont incomplètes. Rien n'a été modifié.",
  'error.oldCard': "Cette carte n'est plus à jour. Rien n'a été modifié ; voici la version actuelle.",
} as const;
