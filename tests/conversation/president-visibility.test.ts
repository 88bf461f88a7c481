import { describe, expect, it } from 'vitest';
import { cardWithVerb } from '../helpers/cards.js';
import { endedJury, scoreAndSubmit } from '../helpers/jury-scenarios.js';
import { cardsOf, visibleText } from '../helpers/test-app.js';

describe('the consolidation stays closed while a grid is reopened', () => {
  it('answers a refused save on an old consolidation card without showing anyone\'s values', async () => {
    const jury = await endedJury();
    await scoreAndSubmit(jury, 'marc', [80, 70, 75, 60, 50, 55, 60]);
    await scoreAndSubmit(jury, 'ines', [40, 50, 45, 50, 70, 45, 50]);
    await scoreAndSubmit(jury, 'claire', [60, 60, 61, 55, 56, 57, 57]);
    const consolidation = cardWithVerb(jury.delivered('claire'), 'synthesis.preview');
    const rev = (JSON.stringify(consolidation).match(/"rev":(\d+)/) ?? [])[1];

    const reopened = await jury.chat('claire').submit({ verb: 'grid.reopen', evaluationId: jury.evaluationId, evaluationRev: await jury.evaluationRev(), memberId: 'ines', reason: 'Ligne oubliée' });
    expect(visibleText(reopened)).not.toMatch(/Erreur|inattendue/);
    const evaluation = await jury.app.repositories.evaluations.get(jury.evaluationId);
    expect(evaluation?.state).not.toBe('collection_closed');

    // The old card's save, with a value the bot refuses: the answer must not carry the card again.
    const refused = await jury.chat('claire').submit({
      verb: 'synthesis.save',
      evaluationId: jury.evaluationId,
      rev: Number(rev ?? 0),
      'agreed_relation-client': '55,5',
    });
    expect(cardsOf(refused).some((card) => JSON.stringify(card).includes('synthesis.preview'))).toBe(false);
    expect(visibleText(refused)).not.toContain('75\u00a0%');
  });
});
