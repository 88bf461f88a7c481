import { describe, expect, it } from 'vitest';
import { foldForMatch } from '../../../src/referential/verbatim.js';
import { answerCondition, containsKeyword, matchCondition, parseYesNo, type ConditionMatch } from '../../../src/domain/rehearsal/index.js';
import { referential, sheet } from './fixture.js';

const claim = sheet(2).conditions.find((c) => c.id === 'reclamation-acceptee');
if (!claim) throw new Error('sheet 2 has no reclamation-acceptee condition');

describe('containsKeyword: whole words; case, accents, elision and simple inflection tolerated; negation-aware', () => {
  it.each<[string, string, boolean]>([
    ['Quel produit est concerné ?', 'quel', true],
    ['Quelque chose ne va pas', 'quel', false],
    ['Quelles quantités ?', 'quel', true], // plural and feminine
    ['Des avoirs', 'des avoir', true],
    ['Il faut pouvoir le vendre', 'avoir', false],
    ['Je vous fais un avoir.', 'avoir', true],
    ["J'accepte votre demande", 'accepte', true],
    ['J’accepte (apostrophe typographique)', 'accepte', true],
    ['Acceptez-vous ?', 'accepte', true], // conjugation
    ['Nous acceptons', 'accepte', true],
    ['Nous proposons la reprise', 'je propose la reprise', false],
    ['Nous proposons la reprise', 'nous propose la reprise', true],
    ["Je l'accepte", 'je le accepte', true], // elision
    ['Je le accepte', "je l'accepte", true],
    ['C’est inacceptable', 'accepte', false],
    ['UNE RÉDUCTION', 'réduction', true],
    ['une reduction', 'Réduction', true],
    ['Pouvez-vous me dire ?', 'pouvez-vous', true],
    ['pouvez vous me dire', 'pouvez-vous', true],
    ['Est ce que', 'est-ce que', true],
    // negation: a keyword inside « ne … pas », « pas de », « sans », « aucun » does not count
    ["Je ne vous propose pas d'avoir.", 'avoir', false],
    ['Je ne vous propose pas un avoir.', 'un avoir', false],
    ['Je ne vous propose pas un avoir.', 'je vous propose', false],
    ['Pas de reprise possible.', 'reprise', false],
    ['Aucun avoir ne sera fait.', 'un avoir', false],
    ['Sans remise.', 'remise', false],
    ['Je ne refuse pas.', 'refuse', false],
    ["Je n'ai jamais dit que j'accepte", "j'accepte", false],
    // … until the clause ends (punctuation, mais, et + a new subject)
    ["Je ne peux pas l'envoyer en urgence, mais je vous propose un avoir.", 'un avoir', true],
    ["Je ne peux pas l'envoyer en urgence mais je vous propose un avoir", 'un avoir', true],
    ["Je ne peux pas l'envoyer en urgence et je vous propose un avoir", 'un avoir', true],
    ['Je vous propose un avoir, pas un remboursement', 'un avoir', true],
    ['Je vous propose un avoir, pas un remboursement', 'remboursement', false],
    // « ne … que » restricts, set phrases negate nothing
    ['Je ne peux que vous proposer un avoir.', 'un avoir', true],
    ['Pas de souci, je vous fais un avoir.', 'un avoir', true],
    ['Pas de problème je vous fais un avoir', 'un avoir', true],
    ['Ne vous inquiétez pas, je vous fais un avoir.', 'un avoir', true],
    // a keyword holding a negation is read as written
    ['Je ne peux pas reprendre ce produit', 'je ne peux pas', true],
    ['Plus de stock, hélas.', 'plus de stock', true],
    ['Il ne reste plus de stock', 'stock', false],
    ["Je n’accepte pas cela", "n'accepte pas", true],
    ['accepte.', 'accepte', true],
    ['(accepte)', 'accepte', true],
    ['accepte2', 'accepte', false],
    ['la destruction   sur\nplace', 'destruction sur place', true],
    ['', 'accepte', false],
  ])('%j contains %j: %s', (text, keyword, expected) => {
    expect(containsKeyword(text, keyword)).toBe(expected);
    expect(containsKeyword(foldForMatch(text), keyword)).toBe(expected);
  });
});

describe('matchCondition on sheet 2 "Si réclamation acceptée": negative keywords first, then keywords', () => {
  it.each<[string, ConditionMatch]>([
    // met
    ["J'accepte votre réclamation, bien sûr.", 'met'],
    ["D'accord, on reprend la marchandise.", 'met'],
    ['Je vous fais un avoir, pas de souci.', 'met'],
    // a negated acceptance is not one (a refusal only when it says so)
    ["Je n'accepte pas votre réclamation.", 'not_met'],
    ['Je ne vous fais pas un avoir.', 'unsure'],
    ["Je ne vous propose pas d'avoir.", 'unsure'],
    ['Nous acceptons le retour de la marchandise.', 'met'],
    ['Je vous fais un avoir du montant de la commande.', 'met'],
    ['Nous allons reprendre la marchandise à nos frais.', 'met'],
    ['On reprend le produit, pas de souci.', 'met'],
    ['Nous prenons en charge le transport.', 'met'],
    ['Je vais procéder au remboursement.', 'met'],
    ['Nous allons vous renvoyer le bon produit dès demain.', 'met'],
    ['JE VOUS FAIS UN AVOIR', 'met'],
    // not met (a refusal wins over an acceptance keyword in the same answer)
    ['Je ne peux pas reprendre un produit accepté à la livraison.', 'not_met'],
    ['Nous refusons cette réclamation.', 'not_met'],
    ['Ce n’est pas possible, vous avez signé le bon.', 'not_met'],
    ["Je n'accepte pas ce retour.", 'not_met'],
    ['Je ne peux pas vous faire un avoir.', 'not_met'],
    ['Désolé, pas de reprise après acceptation.', 'not_met'],
    ['Ce ne sera pas pris en charge.', 'not_met'],
    ['C’est impossible.', 'not_met'],
    // unsure: neither list
    ['Pouvez-vous me donner le numéro de commande ?', 'unsure'],
    ['Je regarde votre dossier.', 'unsure'],
    ['Acceptez-vous de patienter ?', 'unsure'],
    ['Je ne reprends jamais ce genre de produit', 'unsure'],
    ['Il faut pouvoir vendre le produit.', 'unsure'],
    ['Quelque chose a dû se passer au dépôt.', 'unsure'],
    ['', 'unsure'],
  ])('%j → %s', (answer, expected) => {
    expect(matchCondition(claim, answer)).toBe(expected);
  });

  const conditions = referential.rolePlays.flatMap((s) => s.conditions);

  it.each(conditions.flatMap((condition) => condition.keywords.map((keyword) => [condition.id, keyword] as const)))(
    'every keyword of %s meets it on its own: %j',
    (conditionId, keyword) => {
      const condition = conditions.find((c) => c.id === conditionId);
      if (!condition) throw new Error(conditionId);
      expect(matchCondition(condition, `Bon, ${keyword}.`)).toBe('met');
    },
  );

  it.each(conditions.flatMap((condition) => condition.negativeKeywords.map((keyword) => [condition.id, keyword] as const)))(
    'every negative keyword of %s refuses it on its own: %j',
    (conditionId, keyword) => {
      const condition = conditions.find((c) => c.id === conditionId);
      if (!condition) throw new Error(conditionId);
      expect(matchCondition(condition, `Désolé, ${keyword}.`)).toBe('not_met');
    },
  );
});

describe('parseYesNo: the answer to a condition question', () => {
  it.each<[string, boolean | null]>([
    ['oui', true],
    ['Oui !', true],
    ["oui, je l'accepte", true],
    ['OUI', true],
    ['yes', true],
    ['non', false],
    ['Non.', false],
    ['no', false],
    ['peut-être', null],
    ['', null],
    ['ouiii', null],
    ['nonobstant', null],
  ])('%j → %s', (text, expected) => {
    expect(parseYesNo(text)).toBe(expected);
  });
});

describe('answerCondition: natural answers to the condition question', () => {
  it.each<[string, boolean | null]>([
    ['oui', true],
    ['non', false],
    ["J'accepte", true],
    ["Je l'accepte.", true],
    ["d'accord, on reprend", true],
    ["D'accord.", true],
    ['Bien sûr', true],
    ['Tout à fait.', true],
    ["non, ce n'est pas possible", false],
    ["Ce n'est pas possible.", false],
    ['Je refuse.', false],
    ["Pas d'accord.", false],
    ['Hors de question.', false],
    ["Je n'accepte pas", false],
    ['Absolument pas', false],
    ['peut-être', null],
    ['je ne sais pas', null],
    ['', null],
  ])('%j → %s', (text, expected) => {
    expect(answerCondition(claim, text)).toBe(expected);
  });
});
