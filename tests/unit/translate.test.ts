import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/translate.js';

describe('French elision of "de" before a value', () => {
  const fr = translator('fr');
  it.each([
    ['Emma Durand', "L'évaluation d'Emma Durand est annulée."],
    ['Inès Morel', "L'évaluation d'Inès Morel est annulée."],
    ['Léa Dupont', "L'évaluation de Léa Dupont est annulée."],
    ['Hugo Petit', "L'évaluation de Hugo Petit est annulée."],
    ['Yanis Roux', "L'évaluation de Yanis Roux est annulée."],
  ])('%s', (candidate, expected) => {
    expect(fr('president.cancel.done', { candidate })).toBe(expected);
  });

  it('leaves English alone and keeps unknown placeholders', () => {
    expect(translator('en')('president.cancel.done', { candidate: 'Emma Durand' })).toContain('Emma Durand');
    expect(fr('president.cancel.done')).toContain('de {candidate}');
  });
});
