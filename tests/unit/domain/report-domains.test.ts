import { describe, expect, it } from 'vitest';
import { reportDomains, rowStatus } from '../../../src/domain/report-domains.js';
import { DOMAINS, fullValues, makeGrid, referential, type RowValues } from './fixture.js';

const values = (grid: RowValues) => reportDomains(makeGrid('m', grid), referential).map((d) => d.value);

describe('reportDomains (the juror reported domain %)', () => {
  it('follows the referential order of domains', () => {
    expect(reportDomains(makeGrid('m'), referential).map((d) => d.domainId)).toEqual([...DOMAINS]);
  });

  it.each<[string, RowValues, (number | null)[]]>([
    ['every row at 0', fullValues(0), [0, 0, 0]],
    ['every row at 100', fullValues(100), [100, 100, 100]],
    ['56 and 57 → 56.5 → 57', { delais: 56, litige: 57, gpa: 'absent', 'prise-de-commande': 50, 'organisation-prise-de-poste': 60 }, [57, 50, 60]],
    ['three rows 50/60/70', { delais: 50, litige: 60, gpa: 70 }, [60, null, null]],
    ['mean 56.33 → 56', { delais: 56, litige: 56, gpa: 57 }, [56, null, null]],
    ['mean 56.67 → 57', { delais: 56, litige: 57, gpa: 57 }, [57, null, null]],
    ['non évalué left out, never 0', { delais: 80, litige: 'pas de litige', gpa: 'pas de GPA dans l’entreprise' }, [80, null, null]],
    [
      'a domain whose rows are all non évalué',
      { delais: 'a', litige: 'b', gpa: 'c', 'prise-de-commande': 40, 'organisation-prise-de-poste': 30, 'erreur-interne': 40, 'gestion-litiges': 50 },
      [null, 40, 40],
    ],
    ['nothing entered', {}, [null, null, null]],
  ])('%s', (_label, grid, expected) => {
    expect(values(grid)).toEqual(expected);
  });

  it('lists evaluated, not evaluated (with the reason) and missing rows', () => {
    const [relation, produits, outil] = reportDomains(makeGrid('m', { delais: 70, litige: 'pas observé' }), referential);
    expect(relation).toEqual({
      domainId: 'relation-client',
      value: 70,
      evaluated: ['delais'],
      notEvaluated: [{ rowId: 'litige', reason: 'pas observé' }],
      missing: ['gpa'],
    });
    expect(produits?.missing).toEqual(['prise-de-commande']);
    expect(outil?.value).toBeNull();
  });

  it('treats a row absent from the grid as missing', () => {
    const grid = makeGrid('m', fullValues(50));
    delete grid.rows.gpa;
    expect(reportDomains(grid, referential)[0]?.missing).toEqual(['gpa']);
  });

  it.each([
    [{ percentage: 0, notEvaluatedReason: null }, 'scored'],
    [{ percentage: null, notEvaluatedReason: 'absent' }, 'not_evaluated'],
    [{ percentage: null, notEvaluatedReason: null }, 'missing'],
    [undefined, 'missing'],
  ] as const)('rowStatus(%j) = %s', (entry, status) => {
    expect(rowStatus(entry === undefined ? undefined : { notes: '', source: null, questionsUsed: [], linesUsed: [], ...entry })).toBe(status);
  });
});
