import { describe, expect, it } from 'vitest';
import { auditSentence } from '../../src/bot/features/president/audit-sentences.js';
import type { AuditEntry } from '../../src/domain/index.js';
import { translator } from '../../src/i18n/translate.js';
import { claire, ines, marc, referential } from './domain/fixture.js';

const context = { t: translator('fr'), people: [claire, marc, ines], referential };

function entry(action: string, by: string, before?: unknown, after?: unknown, extra: Partial<AuditEntry> = {}): AuditEntry {
  return { schemaVersion: 1, id: 'a-1', scopeId: 'evaluation-1', at: '2026-11-28T09:00:00.000Z', by, action, target: `grid:evaluation-1:${by}`, before, after, ...extra };
}

describe('an audit entry as a French sentence', () => {
  it.each([
    ['a score', entry('grid.row_save', marc.id, { rowId: 'erreur-interne', percentage: null }, { rowId: 'erreur-interne', percentage: 70 }), "Marc Petit a noté la ligne « Traitement en interne d'une erreur » : 70\u00a0%."],
    [
      'a row left out',
      entry('grid.row_save', ines.id, { rowId: 'gpa', notEvaluatedReason: null }, { rowId: 'gpa', notEvaluatedReason: 'Non abordé' }),
      'Inès Roux a marqué la ligne « GPA » non évaluée : Non abordé.',
    ],
    [
      'several changes on a row',
      entry('grid.row_save', marc.id, { rowId: 'delais', notes: '', source: null }, { rowId: 'delais', notes: 'Propose un délai\nréaliste', source: 'workstation' }),
      'Marc Petit a modifié la ligne « Gestion de la relation client dans le cadre des délais » : notes « Propose un délai réaliste » ; source : Observation au poste.',
    ],
    ['a submitted grid', entry('grid.submit', marc.id, { state: 'open' }, { state: 'submitted', reported: { 'relation-client': 75, 'produits-offres': null } }), 'Marc Petit a soumis sa grille : RELATION CLIENT / ARGUMENTATION 75\u00a0%, PRODUITS / OFFRES COMMERCIALES Non évalué.'],
    [
      'a corrected header',
      entry('evaluation.header_correct', claire.id, { company: 'Laiterie' }, { company: 'Laiterie du Val' }, { target: 'evaluation:evaluation-1' }),
      "Claire Martin a corrigé l'en-tête : entreprise : « Laiterie » → « Laiterie du Val ».",
    ],
    [
      'a saved synthesis',
      entry('synthesis.save', claire.id, { domains: { 'relation-client': { percentage: 58, notEvaluatedReason: null } } }, { domains: { 'relation-client': { percentage: 60, notEvaluatedReason: null } }, comment: 'Solide.' }, { target: 'synthesis:evaluation-1' }),
      'Claire Martin a enregistré la synthèse : RELATION CLIENT / ARGUMENTATION : 60\u00a0% ; commentaire « Solide. ».',
    ],
    ['a reopened grid, with its reason', entry('grid.reopen', claire.id, { state: 'submitted' }, { state: 'open' }, { target: `grid:evaluation-1:${ines.id}`, reason: 'Erreur de saisie' }), "Claire Martin a rouvert la grille d'Inès Roux. Motif : Erreur de saisie."],
    ['an action this version does not know', entry('grid.stamp', marc.id), 'Marc Petit : grid.stamp.'],
  ])('%s', (_label, given, sentence) => {
    expect(auditSentence(context, given, true)).toBe(sentence);
  });

  it('keeps every value out while the entry is not readable yet', () => {
    const hidden = auditSentence(context, entry('grid.row_save', marc.id, { rowId: 'erreur-interne', notes: '' }, { rowId: 'erreur-interne', notes: 'SECRET', percentage: 70 }), false);
    expect(hidden).toBe('Marc Petit : Ligne de grille enregistrée (valeurs visibles à la clôture de la collecte).');
  });

  it('cuts long quoted notes', () => {
    const long = 'a'.repeat(500);
    const sentence = auditSentence(context, entry('grid.row_save', marc.id, { rowId: 'gpa', notes: '' }, { rowId: 'gpa', notes: long }), true);
    expect(sentence).toContain(`« ${'a'.repeat(160)}… »`);
    expect(sentence.length).toBeLessThan(260);
  });
});
