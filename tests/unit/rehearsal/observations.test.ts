import { describe, expect, it } from 'vitest';
import { criteriaToHint, observe } from '../../../src/domain/rehearsal/index.js';
import { referential, sheet } from './fixture.js';

/** Per rule: an answer where the rule must find its criterion, and one where it must not. */
const samples: [sheet: number, ruleId: string, positive: string, negative: string][] = [
  [1, 'accueil', 'Bonjour Monsieur Martin, je vous appelle au sujet de votre commande.', 'Votre produit est en rupture de stock.'],
  [1, 'solutions-proposees', 'Je vous propose un produit de remplacement.', 'Le produit arrivera dans une semaine.'],
  [1, 'ton-pose', 'Je comprends votre mécontentement.', "C'est comme ça, il arrivera la semaine prochaine."],
  [2, 'destruction-sur-place', 'Je vous propose la destruction sur place du produit.', 'Renvoyez-nous le colis par transporteur.'],
  [2, 'avoir', 'En échange, nous vous ferons un avoir.', 'Il faut pouvoir le vendre, je le note.'],
  [2, 'accueil-calme', 'Bonjour, je vous écoute.', 'Oui ?'],
  [2, 'questions-nature-probleme', 'Quel produit est concerné ?', 'Quelque chose ne va pas avec la livraison.'],
  [3, 'argumentation-indicateurs', 'Votre taux de couverture reste suffisant sur ce produit.', 'Je fais ce que vous voulez.'],
  [3, 'recherche-accord', "Je vous propose d'ajuster la commande ensemble.", 'Ma commande est la bonne.'],
  [3, 'explication-gpa', 'Je vous explique : la commande est calculée en fonction des sorties.', "C'est le système qui décide."],
];

describe('observe: automatic observations on sample answers', () => {
  it('has a sample for every observation rule of every sheet', () => {
    const ruled = referential.rolePlays.flatMap((s) => s.observationRules.map((rule) => `${s.number}/${rule.id}`)).sort();
    expect(samples.map(([n, id]) => `${n}/${id}`).sort()).toEqual(ruled);
  });

  it.each(samples)('sheet %i, rule %s: found in %j', (number, ruleId, positive) => {
    const observation = observe(sheet(number), [positive]).find((o) => o.ruleId === ruleId);
    const rule = sheet(number).observationRules.find((r) => r.id === ruleId);
    expect(observation?.found).toBe(true);
    expect(observation?.text).toBe(rule?.found);
    expect(observation?.keywords.length).toBeGreaterThan(0);
  });

  it.each(samples)('sheet %i, rule %s: missing in %j (the negative sample)', (number, ruleId, _positive, negative) => {
    const observation = observe(sheet(number), [negative]).find((o) => o.ruleId === ruleId);
    const rule = sheet(number).observationRules.find((r) => r.id === ruleId);
    expect(observation?.found).toBe(false);
    expect(observation?.text).toBe(rule?.missing);
    expect(observation?.keywords).toEqual([]);
  });

  it.each(referential.rolePlays.flatMap((s) => s.observationRules.flatMap((rule) => rule.keywords.map((k) => [s.number, rule.id, k] as const))))(
    'sheet %i, rule %s: its keyword %j alone is enough',
    (number, ruleId, keyword) => {
      expect(observe(sheet(number), [`… ${keyword} …`]).find((o) => o.ruleId === ruleId)?.found).toBe(true);
    },
  );

  it('looks across all answers, and reports every rule once, in the sheet order', () => {
    const observations = observe(sheet(2), ['Bonjour, je vous écoute.', 'Quelle commande ?', 'Destruction sur place contre un avoir.']);
    expect(observations.map((o) => [o.ruleId, o.found])).toEqual([
      ['destruction-sur-place', true],
      ['avoir', true],
      ['accueil-calme', true],
      ['questions-nature-probleme', true],
    ]);
  });

  it('with no answer, every rule is missing', () => {
    expect(observe(sheet(1), []).every((o) => !o.found)).toBe(true);
  });
});

describe('criteriaToHint: the criteria still worth a hint', () => {
  it('with no answer: every criterion of the sheet', () => {
    expect(criteriaToHint(sheet(2), []).map((c) => c.id)).toEqual(sheet(2).successCriteria.map((c) => c.id));
  });

  it('leaves out a criterion once all its rules found it, keeps one with only some rules found', () => {
    const ids = criteriaToHint(sheet(2), ['Bonjour, je vous écoute.', 'Je propose de le détruire sur place.']).map((c) => c.id);
    expect(ids).toEqual(['destruction-avoir', 'questions-probleme']); // destruction found, avoir not yet
  });

  it('keeps criteria that no rule can observe (sheet 1 "Réponses claires")', () => {
    const everything = 'Bonjour, je comprends, je vous propose un remplacement.';
    expect(criteriaToHint(sheet(1), [everything]).map((c) => c.id)).toEqual(['reponses-claires']);
  });

  it('when everything was observed, none (indice then says there is no hint left)', () => {
    const everything = 'Bonjour, je vous écoute. Quel produit ? Destruction sur place et un avoir.';
    expect(criteriaToHint(sheet(2), [everything])).toEqual([]);
  });

  it('a negated proposal observes nothing', () => {
    const ids = criteriaToHint(sheet(2), ['Bonjour, quel produit ?', "Je ne vous propose pas la destruction sur place, ni d'avoir."]).map((c) => c.id);
    expect(ids).toEqual(['destruction-avoir']);
  });
});
