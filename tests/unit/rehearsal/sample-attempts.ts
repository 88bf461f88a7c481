import type { Rehearsal } from '../../../src/domain/model.js';
import { answerCondition, answerRehearsal, resolveCondition, sheetOf, startRehearsal } from '../../../src/domain/rehearsal/index.js';
import { at, briefing, referential } from './fixture.js';

/**
 * Scripted attempts at each sheet, played on the real engine and the real referential: a
 * poor one (curt, off-topic, apologies only) and a good one. The tests check how the client
 * reacts to them; their transcripts are the ones the issue's closing note quotes.
 */
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

/** One minute per answer; a condition's question is answered with the next scripted answer, read naturally. */
export function playAttempt(number: number, answers: readonly string[]): Rehearsal {
  const started = startRehearsal(referential, briefing(number), { now: at(0), mode: 'ordered', seed: 1 });
  if (started.type !== 'changed') throw new Error(started.type);
  let rehearsal = started.rehearsal;
  let minute = 0;
  for (const answer of answers) {
    if (rehearsal.state === 'debrief') break;
    minute += 1;
    if (rehearsal.state === 'awaiting_condition') {
      const condition = sheetOf(referential, number)?.conditions.find((c) => c.id === rehearsal.cursor.pendingCondition);
      const yes = condition ? answerCondition(condition, answer) : null;
      if (yes === null) continue;
      const resolved = resolveCondition(referential, rehearsal, yes, at(minute));
      if (resolved.type !== 'changed') throw new Error(resolved.type);
      rehearsal = resolved.rehearsal;
      continue;
    }
    const result = answerRehearsal(referential, rehearsal, answer, at(minute));
    if (result.type !== 'changed') throw new Error(`${result.type}: ${'reason' in result ? result.reason : ''}`);
    rehearsal = result.rehearsal;
  }
  return rehearsal;
}

/** The transcript as the closing note quotes it: who speaks, and what a client's line does. */
export function transcriptText(rehearsal: Rehearsal): string[] {
  return rehearsal.transcript.map((entry) => {
    if (entry.speaker === 'candidate') return `Candidat : ${entry.text}`;
    if (entry.speaker === 'bot') return `[${entry.lineId === 'cue' ? 'consigne' : 'bot'}] ${entry.text}`;
    return `Client${entry.reaction ? ` (${entry.reaction})` : ''} : ${entry.text}`;
  });
}
