import type { Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { actionsOf, cardWithVerb, inputsOf } from '../helpers/cards.js';
import { JuryHarness } from '../helpers/jury.js';
import { ROW_IDS, scoreAndSubmit } from '../helpers/jury-scenarios.js';
import { visibleText } from '../helpers/test-app.js';
import { referential } from '../unit/rehearsal/fixture.js';

/** Every text of the guide: quoted word for word (it speaks of "le jury ou le professionnel"), so left out of the check. */
const GUIDE_TEXTS: string[] = [];
(function collect(node: unknown): void {
  if (typeof node === 'string') GUIDE_TEXTS.push(node);
  else if (Array.isArray(node)) node.forEach(collect);
  else if (node && typeof node === 'object') Object.values(node).forEach(collect);
})(referential);
GUIDE_TEXTS.sort((a, b) => b.length - a.length);

/** Lines of what the bot itself says that speak of a president or a jury. */
function juryWords(replies: Partial<Activity>[]): string[] {
  return visibleText(replies)
    .split('\n')
    .filter((line) => /présid|jury/i.test(GUIDE_TEXTS.reduce((rest, text) => (text.length > 3 ? rest.split(text).join(' ') : rest), line)));
}

describe('a lone professional reads texts meant for a professional alone', () => {
  it('never reads « président » or « jury » from creation to the signed synthesis, and gets one readable comment', async () => {
    const jury = new JuryHarness();
    const seen: Partial<Activity>[] = [];
    const keep = (replies: Partial<Activity>[]) => {
      seen.push(...replies);
      return replies;
    };
    keep(await jury.create('paul', 'professional'));
    keep(await jury.chat('paul').submit({ verb: 'evaluation.start', evaluationId: jury.evaluationId }));
    const notes = keep(await jury.openGrid('paul', 'notes'));
    keep(await jury.onRow('paul', notes, 'next', { notes: 'Reformule bien la demande.' }));
    jury.clock.advance(40);
    keep(await jury.chat('paul').submit({ verb: 'evaluation.end', evaluationId: jury.evaluationId }));
    let row = keep(await jury.openGrid('paul', 'scoring'));
    for (const [index] of ROW_IDS.entries()) row = keep(await jury.onRow('paul', row, index === ROW_IDS.length - 1 ? 'report' : 'next', { percentage: '70' }));
    keep(
      await scoreAndSubmit(jury, 'paul', [70, 70, 70, 50, 60, 60, 60], {
        'relation-client': 'Écoute active, reformulations claires',
        'outil-organisation': 'Organisation méthodique du poste.',
      }),
    );
    keep(await jury.chat('paul').submit({ verb: 'grid.report', evaluationId: jury.evaluationId }));
    const received = keep(jury.delivered('paul'));
    const consolidation = cardWithVerb(received, 'synthesis.preview');
    const comment = inputsOf(consolidation).comment ?? '';
    // One paragraph in the professional's own words: no per-domain heading, no name.
    expect(comment).toContain('Écoute active, reformulations claires.');
    expect(comment).toContain('Organisation méthodique du poste.');
    expect(comment).not.toMatch(/—|Paul Girard|\n/);
    const preview = keep(
      await jury.chat('paul').submit({ ...inputsOf(consolidation), ...actionsOf(consolidation).find((a) => a.data.verb === 'synthesis.preview')?.data }),
    );
    keep(await jury.click('paul', preview, 'synthesis.sign'));
    keep(jury.delivered('paul'));
    keep(await jury.say('paul', 'tableau de bord'));
    keep(await jury.chat('paul').submit({ verb: 'evaluation.audit', evaluationId: jury.evaluationId }));
    // After signing: a change is refused, the synthesis reopened with a reason, the consolidation shown again.
    keep(await jury.chat('paul').submit({ verb: 'synthesis.save', evaluationId: jury.evaluationId, rev: 99, comment: 'Autre formulation.' }));
    const reopenForm = cardWithVerb(keep(await jury.chat('paul').submit({ verb: 'synthesis.reopenForm', evaluationId: jury.evaluationId })), 'synthesis.reopen');
    const reopen = actionsOf(reopenForm).find((a) => a.data.verb === 'synthesis.reopen')?.data;
    keep(await jury.chat('paul').submit({ ...reopen, reason: 'Faute de frappe dans le commentaire' }));
    expect((await jury.app.repositories.evaluations.get(jury.evaluationId))?.state).not.toBe('signed');
    expect(juryWords(seen)).toEqual([]);
  });
});
