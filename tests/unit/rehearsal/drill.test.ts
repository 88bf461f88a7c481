import { describe, expect, it } from 'vitest';
import { drillQuestions, questionsScale } from '../../../src/domain/rehearsal/index.js';
import { referential } from './fixture.js';

describe('drillQuestions: every question of every row of the grid', () => {
  it('lists them all, in the referential order, with their row', () => {
    const expected = referential.domains.flatMap((d) => d.rows.flatMap((r) => r.questions.map((q) => [q.id, q.text, r.title])));
    expect(drillQuestions(referential).map((q) => [q.id, q.text, q.rowTitle])).toEqual(expected);
  });

  it.each([
    ['gpa-taux-de-service', 'GPA'],
    ['gpa-procedure-rupture', 'GPA'],
    ['gpa-sources-ruptures', 'GPA'],
    ['prise-de-commande-propositions', 'Prise de commande'],
    ['organisation-journee', 'Organisation au moment de la prise de poste'],
    ['erreur-interne-traitement', "Traitement en interne d'une erreur"],
    ['gestion-litiges-procedure', 'Gestion des litiges'],
  ])('asks %s (row %s)', (id, rowTitle) => {
    expect(drillQuestions(referential).find((q) => q.id === id)?.rowTitle).toBe(rowTitle);
  });

  it('rates on the questions scale, four descriptors', () => {
    expect(questionsScale(referential).id).toBe('questions');
    expect(questionsScale(referential).descriptors).toHaveLength(4);
  });
});
