/**
 * Static labels of the juror's cards (src/cards/evaluation). The referential's
 * texts (questions, relaunches, descriptors) are not here: the views carry them.
 */
export const cardsFr = {
  // The guide's header fields.
  'card.header.date': "Date de l'évaluation",
  'card.header.member': 'Nom et fonction du membre du jury ou du professionnel',
  'card.header.members': 'Nom et fonction des membres du jury ou du professionnel',
  'card.header.candidate': 'Nom et prénom du candidat',
  'card.header.company': 'Entreprise du candidat',
  'card.percent': '{value}\u00a0%',

  // Creation form.
  'card.create.title': 'Nouvelle évaluation',
  'card.create.intro':
    "Renseignez l'en-tête de la grille. En jury, vous présidez : vous recevrez un code à transmettre aux autres membres du jury.",
  'card.create.date': "Date de l'évaluation",
  'card.create.dateError': "Indiquez la date de l'évaluation.",
  'card.create.mode': "Mode d'évaluation",
  'card.create.mode.jury': 'Jury avec président',
  'card.create.mode.professional': 'Professionnel seul',
  'card.create.modeError': "Choisissez le mode d'évaluation.",
  'card.create.candidateLastName': 'Nom du candidat',
  'card.create.candidateFirstName': 'Prénom du candidat',
  'card.create.company': 'Entreprise du candidat',
  'card.create.creatorName': 'Votre nom et prénom',
  'card.create.creatorFunction': 'Votre fonction',
  'card.create.creatorFunctionPlaceholder': 'Ex. : responsable ADV',
  'card.create.required': 'Ce champ est obligatoire ({max} caractères au plus).',
  'card.create.submit': "Créer l'évaluation",

  // Name and function.
  'card.profile.title': 'Votre nom et votre fonction',
  'card.profile.privacy': 'Ils figurent sur les grilles et sont vus par le président du jury. Ils vous sont demandés une seule fois.',
  'card.profile.name': 'Nom et prénom',
  'card.profile.namePlaceholder': 'Ex. : Marc Petit',
  'card.profile.nameError': 'Indiquez votre nom et prénom (100 caractères au plus).',
  'card.profile.function': 'Fonction',
  'card.profile.functionPlaceholder': 'Ex. : commercial, formatrice, responsable ADV',
  'card.profile.functionError': 'Indiquez votre fonction (100 caractères au plus).',
  'card.profile.save': 'Enregistrer',

  // Code given to the president.
  'card.code.title': 'Évaluation créée',
  'card.code.titleSameDay': 'Candidat ajouté à la journée de jury',
  'card.code.label': 'Code de la journée de jury',
  'card.code.sameDay': 'Même journée, même code : les membres déjà admis retrouvent ce candidat sans rien faire.',
  'card.code.forward': 'Message à transmettre aux membres du jury :',
  'card.code.howTo':
    'Chaque membre écrit ce message au bot dans sa conversation personnelle. Vous recevrez pour chacun une demande à accepter ou à refuser.',

  // Join request, to the president.
  'card.join.title': 'Demande pour rejoindre le jury',
  'card.join.intro': "N'acceptez qu'une personne que vous attendez : elle pourra évaluer chaque candidat de la journée.",
  'card.join.name': 'Nom',
  'card.join.function': 'Fonction',
  'card.join.date': 'Journée du',
  'card.join.count': 'Déjà dans le jury (y compris vous)',
  'card.join.accept': 'Accepter',
  'card.join.refuse': 'Refuser',

  // Interview frame.
  'card.frame.title': "Cadre de l'entretien",
  'card.frame.jury': 'Jury',
  'card.frame.objectives': "Les objectifs de l'évaluation",
  'card.frame.steps': "Déroulement de l'entretien",
  'card.frame.principles': 'Principes de fonctionnement',
  'card.frame.start': "Démarrer l'entretien",
  'card.frame.notes': 'Prendre des notes',
  'card.frame.end': "Terminer l'entretien",
  'card.frame.scoring': 'Noter les lignes',
  'card.frame.report': 'Grille de report',

  // A row of the grid.
  'card.row.phase.notes': 'Prise de notes',
  'card.row.phase.scoring': 'Notation',
  'card.row.topLine': '{phase} · {position} — {clock}',
  'card.row.workstation': 'Observation au poste',
  'card.row.questionsHeading': 'Questions et jeux de rôles',
  'card.row.questions': 'Questions posées',
  'card.row.prompter': 'Souffleur : fiche n°{number} — {title}',
  'card.row.linesUsed': 'Relances cochées dans le souffleur : {count}',
  'card.row.notes': 'Prise de notes',
  'card.row.notesPlaceholder': "Vos observations, au fil de l'entretien",
  'card.row.notesError': '4 000 caractères au plus.',
  'card.row.source': "Source de l'observation",
  'card.row.sourcePlaceholder': 'Choisir…',
  'card.row.source.workstation': 'Observation au poste',
  'card.row.source.questions': 'Questions et jeux de rôles',
  'card.row.source.both': 'Les deux',
  'card.row.percentage': "Pourcentage d'atteinte de l'objectif (0 à 100)",
  'card.row.percentagePlaceholder': '0 à 100',
  'card.row.percentageError': 'Indiquez un nombre entier de 0 à 100.',
  'card.row.percentageLater':
    "Facultatif pendant l'entretien : le guide fait attribuer les pourcentages après l'épreuve, notes reprises.",
  'card.row.scales': "Échelles d'appréciation",
  'card.row.indicative': 'Repère indicatif',
  'card.row.quickPicks': 'Pourcentages indicatifs du guide (un clic enregistre la ligne) :',
  'card.row.notEvaluated': 'Non évalué',
  'card.row.notEvaluatedTitle': 'Je ne peux pas évaluer cette ligne (motif ci-dessous)',
  'card.row.notEvaluatedReason': 'Motif',
  'card.row.notEvaluatedReasonPlaceholder': 'Motif si non évalué, ex. : observation au poste impossible',
  'card.row.save': 'Enregistrer',
  'card.row.saveNext': 'Enregistrer et suivant',
  'card.row.previous': '◀ Ligne précédente',
  'card.row.goto': 'Aller à la ligne',
  'card.row.gotoRow': 'Ligne à ouvrir',
  'card.row.gotoPlaceholder': 'Choisir une ligne',
  'card.row.gotoSubmit': 'Enregistrer et ouvrir cette ligne',
  'card.row.pause': 'Pause',
  'card.row.report': 'Grille de report',

  // Prompter (the juror plays the client).
  'card.prompter.title': 'Souffleur : fiche n°{number} — {title}',
  'card.prompter.roles': 'Distribution des rôles',
  'card.prompter.candidate': 'Candidat',
  'card.prompter.jury': 'Jury',
  'card.prompter.context': 'Contexte',
  'card.prompter.note': 'Note : {text}',
  'card.prompter.relaunches': 'Relances',
  'card.prompter.linesUsed': 'Relances utilisées (cochez ce que vous avez joué)',
  'card.prompter.relaunch': '« {text} »',
  'card.prompter.direction': 'Consigne de jeu : {text}',
  'card.prompter.conditional': '{condition} : « {text} »',
  'card.prompter.criteria': 'Critères de réussite',
  'card.prompter.save': 'Enregistrer les relances cochées',

  // Individual report.
  'card.report.title': 'Grille de report des appréciations individuelles',
  'card.report.appraisal': "L'appréciation du domaine",
  'card.report.viewNotes': 'Voir les notes',
  'card.report.modify': 'Modifier',
  'card.report.comment': 'Commentaire pour le président du jury (facultatif)',
  'card.report.commentPlaceholder': 'Votre appréciation du domaine, 1 000 caractères au plus',
  'card.report.commentError': '1 000 caractères au plus.',
  'card.report.commentReadOnly': 'Votre commentaire',
  'card.report.beforeSubmit': 'Une fois soumise, votre grille ne se modifie plus, sauf si le président du jury la rouvre.',
  'card.report.saveComments': 'Enregistrer les commentaires',
  'card.report.submit': 'Soumettre ma grille',

  // Confirmation when domains have no evaluated row.
  'card.confirm.title': 'Des domaines ne sont pas évalués',
  'card.confirm.body': "Aucune ligne n'est évaluée dans ces domaines ; ils seront reportés « non évalué » :",
  'card.confirm.reminder': "Le guide demande que l'ensemble des domaines de compétences soit balayé.",
  'card.confirm.submit': 'Soumettre quand même',
  'card.confirm.back': 'Revenir à la grille de report',

  // Full notes of a row.
  'card.notes.title': 'Notes',
  'card.notes.empty': 'Aucune note pour cette ligne.',
  'card.notes.back': 'Revenir à la grille de report',
} as const;
