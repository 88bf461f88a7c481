/**
 * Static labels of the president's cards (src/cards/president). The header's
 * four fields reuse the juror's `card.header.*`; names, values and comments come
 * from the views.
 */
export const presidentCardsFr = {
  'pcard.back': 'Revenir au tableau de bord',

  // Consolidation.
  'pcard.consolidation.title': 'Consolidation des appréciations',
  'pcard.consolidation.intro':
    'Pourcentages reportés par chaque membre, domaine par domaine. Accordez-vous sur une appréciation par domaine, puis rédigez le commentaire unique du jury.',
  'pcard.consolidation.intro.alone': 'Vos pourcentages, domaine par domaine. Retenez une appréciation par domaine, puis rédigez votre commentaire.',
  'pcard.consolidation.members': 'Grilles consolidées',
  'pcard.consolidation.excluded': 'Laissés hors de la synthèse (grille non soumise à la clôture de la collecte) :',
  'pcard.consolidation.mean': 'Moyenne',
  'pcard.consolidation.min': 'Min.',
  'pcard.consolidation.max': 'Max.',
  'pcard.consolidation.spread': 'Écart',
  'pcard.consolidation.divergence': '⚠ Divergence : écart de {spread} (seuil : ≥ {threshold})',
  'pcard.consolidation.rowDifferences': 'Lignes où les avis diffèrent le plus',
  'pcard.consolidation.agreed': 'Appréciation retenue (%)',
  'pcard.consolidation.agreedPlaceholder': '0 à 100',
  'pcard.consolidation.agreedError': 'Indiquez un nombre entier de 0 à 100.',
  'pcard.consolidation.notEvaluated': 'Non évalué',
  'pcard.consolidation.notEvaluatedTitle': 'Le jury ne peut pas apprécier ce domaine (motif ci-dessous)',
  'pcard.consolidation.notEvaluatedTitle.alone': 'Vous ne pouvez pas apprécier ce domaine (motif ci-dessous)',
  'pcard.consolidation.reason': 'Motif',
  'pcard.consolidation.reasonPlaceholder': 'Motif si non évalué, 500 caractères au plus',
  'pcard.consolidation.comment': 'Commentaire unique du jury (2 000 caractères au plus)',
  'pcard.consolidation.comment.alone': 'Votre commentaire (2 000 caractères au plus)',
  'pcard.consolidation.commentPlaceholder': 'La formulation unique qui figurera sur la grille de synthèse',
  'pcard.consolidation.commentError': '2 000 caractères au plus.',
  'pcard.consolidation.footer':
    "Rien n'est envoyé avant la signature : « Vérifier avant de signer » montre la grille de synthèse et ses destinataires.",
  'pcard.consolidation.save': 'Enregistrer',
  'pcard.consolidation.preview': 'Vérifier avant de signer',

  // Before signing.
  'pcard.preview.title': 'Vérifier avant de signer',
  'pcard.preview.intro': "Voici la grille de synthèse telle qu'elle sera envoyée.",
  'pcard.preview.recipients': 'Sera envoyée à :',
  'pcard.preview.warning':
    'Une fois signée, la synthèse ne se modifie plus : seul le président peut la rouvrir, avec un motif, et chaque membre en est informé.',
  'pcard.preview.warning.alone': 'Une fois signée, la synthèse ne se modifie plus : vous pouvez la rouvrir, avec un motif.',
  'pcard.preview.sign': 'Signer et envoyer',
  'pcard.preview.back': 'Revenir à la consolidation',

  // The grille de synthèse.
  'pcard.synthesis.domains': 'Domaines',
  'pcard.synthesis.appraisal': "L'appréciation de chaque domaine",
  'pcard.synthesis.comment': 'Commentaires :',
  'pcard.synthesis.noComment': 'Aucun commentaire.',
  'pcard.synthesis.signature': 'Signature du président du jury ou du professionnel',
  'pcard.synthesis.signature.alone': 'Signature du professionnel',
  'pcard.synthesis.pdf': 'Version imprimable (PDF)',

  // Link to the printable synthesis.
  'pcard.pdf.title': 'Grille de synthèse imprimable',
  'pcard.pdf.personal': 'Ce lien vous est personnel. Une fois expiré, demandez-en un autre depuis la grille de synthèse.',
  'pcard.pdf.open': 'Ouvrir le PDF',

  // Dashboard.
  'pcard.dashboard.title': 'Tableau de bord',
  'pcard.dashboard.empty': "Aucune évaluation pour l'instant. Écrivez « nouvelle évaluation » pour en créer une.",
  'pcard.dashboard.day': 'Journée du {date} · {role}',
  'pcard.dashboard.company': 'Entreprise',
  'pcard.dashboard.state': 'État',
  'pcard.dashboard.time': "Durée de l'entretien",
  'pcard.dashboard.members': 'Membres du jury',
  'pcard.dashboard.agreed': 'Appréciations retenues',
  'pcard.dashboard.open': 'Ouvrir',
  'pcard.dashboard.remind': 'Relancer',
  'pcard.dashboard.close': 'Clore la collecte',
  'pcard.dashboard.consolidation': 'Consolidation',
  'pcard.dashboard.cancel': "Annuler l'évaluation",
  'pcard.dashboard.reopenGrid': 'Rouvrir une grille',
  'pcard.dashboard.reopenSynthesis': 'Rouvrir la synthèse signée',
  'pcard.dashboard.header': "Corriger l'en-tête",
  'pcard.dashboard.audit': 'Journal',
  'pcard.dashboard.more': "Plus d'actions…",
  'pcard.dashboard.export': 'Exporter les résultats',
  'pcard.dashboard.dayReview': 'Bilan de la journée',
  'pcard.dashboard.cut': 'Pour tenir dans la carte, {count} évaluation(s) des journées les plus anciennes ne sont pas affichées.',

  // Review of the jury day.
  'pcard.day.title': 'Bilan de la journée',
  'pcard.day.date': 'Journée du {date}',
  'pcard.day.candidates': 'Temps et appréciations retenues par candidat',
  'pcard.day.time': "Durée de l'entretien : {time}",
  'pcard.day.noCandidate': "Aucun candidat pour l'instant.",
  'pcard.day.calibration': 'Étalonnage du jury',
  'pcard.day.calibrationIntro':
    "Par membre et par domaine, son pourcentage reporté et l'appréciation retenue, en moyenne sur les évaluations consolidées de la journée. Le guide invite le jury à se concerter après les premiers candidats pour affiner son approche.",
  'pcard.day.noCalibration': "Aucune évaluation consolidée pour l'instant.",
  'pcard.day.equalTreatment': 'Équité de traitement',
  'pcard.day.equalTreatmentIntro': 'Temps consacré à chacun et niveau des questions posées, candidat par candidat.',
  'pcard.day.cut': "Pour tenir dans la carte, le détail des questions et relances des {count} derniers candidats n'est pas affiché.",
  'pcard.day.back': 'Tableau de bord',

  // Reason asked before an action.
  'pcard.reason.member': 'Membre dont la grille est rouverte',
  'pcard.reason.memberPlaceholder': 'Choisir un membre',
  'pcard.reason.memberError': 'Choisissez le membre.',
  'pcard.reason.reason': 'Motif',
  'pcard.reason.reasonPlaceholder': "Inscrit au journal de l'évaluation, 500 caractères au plus",
  'pcard.reason.reasonError': 'Indiquez un motif (500 caractères au plus).',
  'pcard.reason.submit.cancel': "Annuler l'évaluation",
  'pcard.reason.submit.reopenGrid': 'Rouvrir la grille',
  'pcard.reason.submit.reopenSynthesis': 'Rouvrir la synthèse signée',

  // Header correction.
  'pcard.header.title': "Corriger l'en-tête",
  'pcard.header.intro': "La correction est inscrite au journal de l'évaluation, avec la valeur d'avant.",
  'pcard.header.date': "Date de l'évaluation",
  'pcard.header.dateError': "Indiquez la date de l'évaluation.",
  'pcard.header.candidateLastName': 'Nom du candidat',
  'pcard.header.candidateFirstName': 'Prénom du candidat',
  'pcard.header.company': 'Entreprise du candidat',
  'pcard.header.required': 'Ce champ est obligatoire ({max} caractères au plus).',
  'pcard.header.save': 'Enregistrer la correction',

  // Confirmations.
  'pcard.confirm.close': 'Clore la collecte',
  'pcard.confirm.remind': 'Relancer',
  'pcard.confirm.cancel': 'Annuler',

  // Audit trail.
  'pcard.audit.title': 'Journal',
  'pcard.audit.candidate': 'Évaluation de {candidate}',
  'pcard.audit.older': 'Entrées plus anciennes',
  'pcard.audit.newer': 'Entrées plus récentes',
  'pcard.audit.empty': 'Aucune entrée.',
  'pcard.audit.cut': 'Pour tenir dans la carte, les {count} entrées les plus anciennes de cette page ne sont pas affichées.',
} as const;
