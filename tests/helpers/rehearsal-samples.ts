/**
 * Scripted answers to the rehearsal's sheets, shared by the engine's table tests and the
 * conversation tests: a poor attempt and a good attempt per sheet (the closing note of issue
 * #12 quotes their transcripts), and one good answer per line of each sheet that does not
 * end the call early, so that every line can be heard.
 */

/** Whole attempts, in the ordered mode: the answers in turn (a condition's question takes the next one). */
export const SAMPLE_ATTEMPTS: Record<number, { poor: string[]; good: string[] }> = {
  1: {
    poor: [
      'Allô, votre commande ne sera pas livrée demain.',
      'Désolé.',
      'Je comprends tout à fait, je vous propose une solution.',
      "C'est comme ça, je n'y peux rien.",
      'Non.',
      'Je comprends tout à fait, je vous propose une solution.',
      'Je ne vous propose pas de produit de remplacement.',
      'Je ne sais pas.',
      'Je ne sais pas.',
      'Pas possible.',
      'Bof.',
      'Je ne sais pas.',
      'Rien.',
      'Vous êtes vous-même un incapable !',
    ],
    good: [
      "Bonjour Monsieur, Léa Martin, du service clients. Je vous appelle au sujet de votre commande : le produit est en rupture de stock et ne pourra pas être livré demain comme prévu, mais au mieux dans une semaine.",
      "Vous avez raison, et je suis désolée de vous prévenir si tard : notre fournisseur vient de nous signaler un retard de production, et je vous ai appelé dès que je l'ai su.",
      "Je comprends : une livraison dans une semaine arrive avant Noël, vos clients seront servis à temps pour les fêtes.",
      "Je ne peux pas vous l'envoyer en urgence car il n'y a plus de stock, mais dès réception je vous l'expédie en express.",
      "Je peux vous proposer un produit équivalent, disponible en stock, que je peux vous livrer jeudi.",
    ],
  },
  2: {
    poor: [
      'Oui ?',
      "Ce n'est pas de notre faute, vous avez signé le bon de livraison.",
      'Désolé.',
      'Ah.',
      'Je suis désolé, vraiment désolé.',
      "Je ne vous propose pas d'avoir, ni de reprise.",
      "Je ne sais pas quoi vous dire.",
      'non, ce n\'est pas possible',
    ],
    good: [
      'Bonjour Monsieur, je comprends. Pouvez-vous me donner votre numéro de commande et me dire ce qui ne correspond pas ?',
      "Vous avez raison, cela n'aurait pas dû arriver : je vais vérifier avec la préparation ce qui s'est passé. Quelle quantité avez-vous reçue ?",
      'Combien de cartons étaient vides ? Avez-vous pu prendre des photos ?',
      "Je comprends. Plutôt que de vous faire renvoyer la marchandise, je vous propose la destruction sur place du produit, et je vous fais un avoir du montant de la commande.",
    ],
  },
  3: {
    poor: [
      'Bonjour, vous avez modifié la commande.',
      "C'est le système qui calcule, c'est comme ça.",
      'Désolé.',
      'Ok.',
      "Je comprends tout à fait, je vous propose une solution.",
      'Je ne sais pas.',
      'Non.',
      'Tant pis.',
      'Il faut bien les mettre quelque part.',
    ],
    good: [
      "Bonjour Madame, c'est Léa, votre assistante GPA. Je vous appelle au sujet de la commande que vous avez modifiée : elle n'est plus optimisée pour le chargement du camion.",
      "Je vous explique : la commande est calculée en fonction des sorties de produits, et sur ce produit votre stock de sécurité couvrait encore dix jours. C'est pour cela qu'il n'était pas dans la proposition.",
      "Je comprends, c'est vous qui décidez. Je vous propose qu'on ajuste la commande ensemble : on garde votre ligne et on complète le camion avec le produit le plus vendu.",
      "Vous avez raison, la proposition doit vous convenir dès le départ. Pour éviter cela, je vous propose de valider ensemble chaque semaine les ajustements, à partir de vos prévisions de ventes.",
      "Je comprends la question de la place : on peut réduire les quantités et fractionner les livraisons, avec des livraisons plus fréquentes, tout en gardant votre taux de service.",
    ],
  },
};

/** Per sheet, a good answer to each line (and to the cue), none meeting the sheet's main criterion on its own. */
export const GOOD_ANSWERS: Record<number, Record<string, string>> = {
  1: {
    cue: 'Bonjour Monsieur, Léa Martin du service clients. Je vous appelle au sujet de votre commande : le produit est en rupture de stock et ne sera pas livré demain, mais au mieux dans une semaine.',
    'commande-quinze-jours': 'Vous avez raison, je suis désolée : notre fournisseur vient de nous signaler un retard de production.',
    'fetes-de-noel': 'Je comprends : une livraison dans une semaine arrive avant Noël, à temps pour les fêtes.',
    'envoi-urgence': "Il n'y a plus de stock, mais dès réception je vous l'expédie en express.",
    'proposition-remplacement': 'Je peux vous proposer un produit équivalent, de la même gamme.',
    'reduction-importante': 'Je peux vous accorder une remise de dix pour cent sur le produit de remplacement.',
    'reprise-produit': 'Nous venons le reprendre à nos frais, avec un bon de retour.',
    'client-insultant': 'Monsieur, restons courtois, je comprends votre colère.',
    'prochaine-commande': 'Je m’engage à vérifier le stock avant de confirmer votre prochaine commande.',
  },
  2: {
    'appel-client': 'Bonjour Monsieur, je vous écoute. Pouvez-vous me donner votre numéro de commande ?',
    'non-conformite': 'Vous avez raison, je vais vérifier avec la préparation ce qui s’est passé.',
    'carton-vide': 'Combien de cartons étaient vides ?',
    'date-limite': 'Je comprends, je vous fais un avoir.',
    'cout-transport': 'Alors je vous propose la destruction sur place du produit.',
  },
  3: {
    cue: 'Bonjour Madame, je vous appelle au sujet de la commande que vous avez modifiée.',
    'taux-de-couverture': 'Je vous explique : la commande est calculée en fonction des sorties de produits.',
    'pas-d-accord': 'Je vous propose qu’on ajuste la commande ensemble.',
    'bonne-proposition': 'Vous avez raison : pour éviter cela, validons ensemble les ajustements chaque semaine.',
    'trop-de-stocks': 'On peut fractionner les livraisons pour réduire votre stock.',
  },
};
