import { describe, it, expect } from 'vitest';
import { foldForMatch, normalizeVerbatim } from '../../src/referential/verbatim.js';

describe('normalizeVerbatim', () => {
  it.each([
    ['underline markup and the Question label', '<u>Question</u> : Citer les sources de ruptures de stocks', 'Citer les sources de ruptures de stocks'],
    ['the role-play label', '<u>Jeu de rôles</u> : voir fiche n°1', 'voir fiche n°1'],
    ['the sheet note label', 'Note : La GPA consiste à gérer', 'La GPA consiste à gérer'],
    ['a label without space before the colon', 'Question: décrivez', 'décrivez'],
    ['italics', '<i>Date de l\'évaluation</i>', "Date de l'évaluation"],
    ['bold spread over two lines', '**Signature du président du jury ou du\nprofessionnel**', 'Signature du président du jury ou du professionnel'],
    ['typographic apostrophe', 'l’évaluation d‘un candidat', "l'évaluation d'un candidat"],
    ['non-breaking and narrow spaces', 'les « règles\u00a0du\u202fjeu »', 'les « règles du jeu »'],
    ['tabs, newlines and runs of spaces', '\t Le  client\nréagit :  ', 'Le client réagit :'],
    ['a label word inside the text is kept', 'Il fait bien le tour de chaque question : oui', 'Il fait bien le tour de chaque question : oui'],
    ['the guide\'s typos are kept', 'le jury se concerta', 'le jury se concerta'],
    ['nothing to do', 'Prise de commande', 'Prise de commande'],
    ['empty', '  ', ''],
  ])('%s', (_case, input, expected) => {
    expect(normalizeVerbatim(input)).toBe(expected);
  });
});

describe('foldForMatch', () => {
  it.each([
    ['lowercase and accents', 'Détruire SUR Place', 'detruire sur place'],
    ['cedilla, circumflex and diaeresis', 'Ça coûte, Noël', 'ca coute, noel'],
    ['ligatures', 'Œuvre et cæcum', 'oeuvre et caecum'],
    ['typographic apostrophe', 'd’un avoir', "d'un avoir"],
    ['whitespace collapsed and trimmed', '  un\u00a0avoir\n\tsur  place ', 'un avoir sur place'],
    ['hyphens are kept', 'Pouvez-vous', 'pouvez-vous'],
  ])('%s', (_case, input, expected) => {
    expect(foldForMatch(input)).toBe(expected);
  });

  it('makes a keyword and a typed answer meet', () => {
    expect(foldForMatch('Je vous propose la DESTRUCTION sur place, contre un avoir.')).toContain(foldForMatch('destruction sur place'));
  });
});
