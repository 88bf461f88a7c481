import { describe, expect, it } from 'vitest';
import type { Rehearsal } from '../../../src/domain/model.js';
import {
  answerRehearsal,
  conversationShape,
  readAnswer,
  startRehearsal,
  type RehearsalStep,
} from '../../../src/domain/rehearsal/index.js';
import { GOOD_ANSWERS, SAMPLE_ATTEMPTS } from '../../helpers/rehearsal-samples.js';
import { at, briefing, deepFreeze, referential, sheet, T0, changed } from './fixture.js';
import { playAttempt, playByLine, promptOf, transcriptText } from './play-attempt.js';

/** The client's reactions, on the real referential's data: one conversation table per sheet. */


/** Started, then answered up to (not including) the line `lineId`, with good answers. */
function upTo(number: number, lineId: string): Rehearsal {
  let r = changed(startRehearsal(referential, briefing(number), { now: T0, mode: 'ordered', seed: 1 })).rehearsal;
  for (let minute = 1; promptOf(r) !== lineId; minute += 1) {
    const prompt = promptOf(r) ?? '';
    r = changed(answerRehearsal(referential, r, GOOD_ANSWERS[number]?.[prompt] ?? '', at(minute))).rehearsal;
    if (minute > 20 || r.state !== 'playing') throw new Error(`${lineId} not reached`);
  }
  return r;
}

/** What the client says in the steps: `kind: text` for a reaction, the line id for a sheet line, `end:<closing>`. */
const said = (steps: readonly RehearsalStep[]) =>
  steps.map((s) => (s.type === 'reaction' ? `${s.kind}: ${s.text}` : s.type === 'line' ? s.line.id : s.type === 'ended' ? `end:${s.closing?.id ?? '-'}` : s.type));

const answer = (r: Rehearsal, text: string, minute = 30) => changed(answerRehearsal(referential, deepFreeze(r), text, at(minute)));

const insistOf = (number: number, lineId: string) => sheet(number).client?.reactions.find((x) => x.line === lineId)?.insist.text ?? '';

/** Per sheet: a line, a good answer, an off-topic one, a negated proposal, and the line that follows. */
const table = [
  [1, 'proposition-remplacement', 'Je peux vous proposer un produit équivalent, de la même gamme.', 'Je comprends tout à fait, je vous propose une solution.', 'Je ne vous propose pas de produit de remplacement.', 'reduction-importante'],
  [1, 'commande-quinze-jours', 'Notre fournisseur vient de nous signaler un retard de production.', 'Il fait beau aujourd’hui chez vous ?', 'Ce n’est pas une rupture de stock.', 'fetes-de-noel'],
  // Nothing said about the claim yet: the conditional line's question comes next.
  [2, 'date-limite', 'Je vous propose de le détruire sur place.', 'Je suis vraiment désolé, vraiment.', "Je ne vous propose pas d'avoir, ni la destruction.", 'condition'],
  [2, 'appel-client', 'Bonjour Monsieur, quel est votre numéro de commande ?', 'Je suis désolé.', 'Bonjour.', 'non-conformite'],
  [3, 'pas-d-accord', 'Je vous propose qu’on ajuste la commande ensemble.', 'Je comprends tout à fait, je vous propose une solution.', 'Je ne vous propose pas d’ajuster la commande.', 'bonne-proposition'],
  [3, 'trop-de-stocks', 'On peut fractionner les livraisons pour réduire votre stock.', 'Le temps passe vite.', 'Nous ne pouvons pas fractionner les livraisons.', 'end:fin-appel'],
] as const;

describe.each(table)('sheet %i, line %s', (number, lineId, good, offTopic, negated, nextLine) => {
  const at0 = () => upTo(number, lineId);

  it('a good answer: a short acknowledgement, then the next line', () => {
    const { steps } = answer(at0(), good);
    const acks = sheet(number).client?.acknowledgements.map((a) => a.text) ?? [];
    expect(steps[0]?.type === 'reaction' && steps[0].kind).toBe('acknowledge');
    expect(acks).toContain(steps[0]?.type === 'reaction' ? steps[0].text : '');
    expect(said(steps).slice(1)).toEqual([nextLine]);
  });

  it.each([offTopic, 'Désolé.', 'Oui.'])('%j: the client insists once, then the script moves on', (poor) => {
    const first = answer(at0(), poor);
    expect(said(first.steps)).toEqual([`insist: ${insistOf(number, lineId)}`]);
    expect(promptOf(first.rehearsal)).toBe(lineId);
    const second = answer(first.rehearsal, poor, 31);
    expect(said(second.steps)).toEqual([nextLine]); // no acknowledgement for a poor answer
  });

  it('a negated proposal is not taken as one', () => {
    const client = sheet(number).client;
    if (!client) throw new Error(`sheet ${number} has no client data`);
    const reading = readAnswer(client, client.reactions.find((r) => r.line === lineId), negated);
    expect(reading.expected).toEqual([]);
    expect(said(answer(at0(), negated).steps)[0]).toMatch(/^(insist|escalate): /);
  });
});

describe('the acknowledgements vary', () => {
  it.each([1, 2, 3])('sheet %i: two acknowledgements in a row are never the same', (number) => {
    const r = playByLine(number, GOOD_ANSWERS[number] ?? {});
    const acks = r.transcript.filter((e) => e.reaction === 'acknowledge').map((e) => e.text);
    expect(acks.length).toBeGreaterThanOrEqual(3);
    acks.forEach((text, i) => i > 0 && expect(text).not.toBe(acks[i - 1]));
  });
});

describe('every line of every sheet stays reachable, verbatim', () => {
  it.each([
    [1, 'ordered'],
    [2, 'ordered'],
    [3, 'ordered'],
    [1, 'shuffled'],
    [2, 'shuffled'],
    [3, 'shuffled'],
  ] as const)('sheet %i, %s: good answers hear every line of the sheet, in the order played, word for word', (number, mode) => {
    const r = playByLine(number, GOOD_ANSWERS[number] ?? {}, mode, 5);
    const lines = r.transcript.filter((e) => e.speaker === 'client' && !e.reaction);
    expect(lines.map((e) => e.lineId)).toEqual(r.cursor.order);
    for (const entry of lines) expect(entry.text).toBe(sheet(number).lines.find((l) => l.id === entry.lineId)?.text);
    expect(r.transcript.filter((e) => e.reaction === 'insist' || e.reaction === 'escalate')).toEqual([]);
    expect(r.cursor.endedBy).toBeUndefined();
    expect(r.state).toBe('debrief');
  });
});

describe('the main criterion met early ends the call with the closing line', () => {
  it('sheet 2: destruction on site in exchange for a credit note, at the first relaunch', () => {
    const r = upTo(2, 'non-conformite');
    const { rehearsal, steps } = answer(r, 'Je vous propose de détruire la marchandise sur place et je vous fais un avoir.');
    expect(said(steps)).toEqual([`conclude: ${sheet(2).client?.conclusion?.line?.text}`, 'end:fin-appel']);
    expect(rehearsal.state).toBe('debrief');
    expect(rehearsal.cursor).toMatchObject({ endedBy: 'conclusion', skipped: ['carton-vide', 'date-limite', 'cout-transport'] });
    expect(rehearsal.transcript.at(-1)).toMatchObject({ speaker: 'client', lineId: 'fin-appel', text: 'Bien, j\'attends votre confirmation par écrit. Au revoir.' });
    // The line being answered when the call ended was played: only the others are « non jouées ».
    expect(conversationShape(sheet(2), rehearsal).notPlayed.map((l) => l.id)).toEqual(['carton-vide', 'date-limite', 'cout-transport']);
  });

  it('sheet 1: a dated, concrete alternative', () => {
    const { rehearsal, steps } = answer(upTo(1, 'envoi-urgence'), 'Je peux vous livrer un produit équivalent jeudi.');
    expect(said(steps).at(-1)).toBe('end:fin-appel');
    expect(rehearsal.cursor.skipped).toEqual(['proposition-remplacement', 'reduction-importante', 'reprise-produit', 'client-insultant', 'prochaine-commande']);
  });

  it.each([
    [2, 'Je ne vous propose pas la destruction sur place, ni un avoir.'],
    [2, 'Je vous propose la destruction sur place.'], // half of it
    [1, 'Je ne peux pas vous livrer un produit équivalent jeudi.'],
    [1, 'Je vous livre un produit équivalent.'], // no date
  ])('sheet %i: %j does not end the call', (number, text) => {
    const r = upTo(number, number === 1 ? 'proposition-remplacement' : 'date-limite');
    expect(answer(r, text).rehearsal.state).not.toBe('debrief');
  });

  it('sheet 3 has no early end: every relaunch is played', () => {
    expect(sheet(3).client?.conclusion).toBeUndefined();
  });
});

describe('sheet 1: the insulting client calms down or hangs up', () => {
  const insult = () => upTo(1, 'client-insultant');
  const reaction = () => sheet(1).client?.reactions.find((r) => r.line === 'client-insultant');

  it.each([
    'Monsieur, restons courtois, je comprends votre colère.',
    'Je vous demande de rester poli. Je vous propose de vous rappeler dans une heure.',
    'Je comprends que vous soyez en colère, reprenons calmement.',
  ])('%j: the client calms down, then the next relaunch', (text) => {
    const { steps } = answer(insult(), text);
    expect(said(steps)).toEqual([`calm: ${reaction()?.calmed?.text}`, 'prochaine-commande']);
  });

  it.each(['Vous êtes vous-même un incapable !', "C'est comme ça, débrouillez-vous."])('%j: the client hangs up, the call ends', (text) => {
    const { rehearsal, steps } = answer(insult(), text);
    expect(said(steps)).toEqual([`hang_up: ${reaction()?.hangUp?.text}`, 'end:-']);
    expect(rehearsal.state).toBe('debrief');
    expect(rehearsal.cursor).toMatchObject({ endedBy: 'hang_up', skipped: ['prochaine-commande'] });
  });

  it('no handling: the client goes on once, then hangs up', () => {
    const first = answer(insult(), 'Bon.');
    expect(said(first.steps)).toEqual([`insist: ${reaction()?.insist.text}`]);
    expect(said(answer(first.rehearsal, 'Euh…', 31).steps)).toEqual([`hang_up: ${reaction()?.hangUp?.text}`, 'end:-']);
  });
});

describe('escalation and calming down', () => {
  it('a curt refusal escalates and waits; acknowledging and proposing calms the client, then the next line', () => {
    const r = upTo(1, 'envoi-urgence');
    const escalated = answer(r, "Non, c'est impossible.");
    expect(said(escalated.steps)).toEqual([`escalate: ${sheet(1).client?.escalation.lines[0]?.text}`]);
    const calmed = answer(escalated.rehearsal, 'Je comprends votre colère. Je vous propose de vous l’expédier en express dès réception.', 31);
    expect(said(calmed.steps)).toEqual([`calm: ${sheet(1).client?.calming.lines[0]?.text}`, 'proposition-remplacement']);
  });

  it('while the client is angry, a good answer without acknowledging the problem is not acknowledged', () => {
    const escalated = answer(upTo(1, 'envoi-urgence'), 'Impossible.');
    const next = answer(escalated.rehearsal, 'Dès réception je vous l’expédie en express.', 31);
    expect(said(next.steps)).toEqual(['proposition-remplacement']);
  });

  it('a refusal that offers something does not escalate', () => {
    const { steps } = answer(upTo(1, 'envoi-urgence'), "Ce n'est pas possible en urgence, mais je vous propose un produit équivalent.");
    expect(said(steps)[0]).toMatch(/^acknowledge: /);
  });

  it('a second curt answer on the same line comes with the next line', () => {
    const escalated = answer(upTo(3, 'taux-de-couverture'), "C'est le système, c'est comme ça.");
    const again = answer(escalated.rehearsal, 'Tant pis.', 31);
    expect(said(again.steps)).toEqual([`escalate: ${sheet(3).client?.escalation.lines[1]?.text}`, 'pas-d-accord']);
  });
});

describe('the sample attempts of the closing note', () => {
  const kinds = (r: Rehearsal) => r.transcript.flatMap((e) => (e.reaction ? [e.reaction] : []));

  // `PRINT_TRANSCRIPTS=1 npx vitest run tests/unit/rehearsal/client-reaction.test.ts` prints them.
  if (process.env.PRINT_TRANSCRIPTS) {
    it.each([1, 2, 3])('sheet %i: the transcripts', (number) => {
      for (const kind of ['poor', 'good'] as const) {
        const r = playAttempt(number, SAMPLE_ATTEMPTS[number]?.[kind] ?? []);
        console.log(`Fiche n°${number}, tentative ${kind === 'poor' ? 'faible' : 'réussie'}\n${transcriptText(r).join('\n')}`);
        expect(r.state).toBe('debrief');
      }
    });
  }

  it.each([1, 2, 3])('sheet %i, poor: the client insists and escalates, never acknowledges', (number) => {
    const r = playAttempt(number, SAMPLE_ATTEMPTS[number]?.poor ?? []);
    expect(r.state).toBe('debrief');
    expect(kinds(r)).toContain('insist');
    expect(kinds(r)).toContain('escalate');
    expect(kinds(r)).not.toContain('acknowledge');
  });

  it.each([1, 2, 3])('sheet %i, good: acknowledged every time, never pressed', (number) => {
    const r = playAttempt(number, SAMPLE_ATTEMPTS[number]?.good ?? []);
    expect(r.state).toBe('debrief');
    expect(kinds(r).filter((k) => k !== 'acknowledge' && k !== 'conclude')).toEqual([]);
  });

  it('sheet 1 poor ends with the client hanging up; sheets 1 and 2 good end early on the main criterion', () => {
    expect(playAttempt(1, SAMPLE_ATTEMPTS[1]?.poor ?? []).cursor.endedBy).toBe('hang_up');
    expect(playAttempt(1, SAMPLE_ATTEMPTS[1]?.good ?? []).cursor.endedBy).toBe('conclusion');
    expect(playAttempt(2, SAMPLE_ATTEMPTS[2]?.good ?? []).cursor.endedBy).toBe('conclusion');
  });
});

describe('conversationShape: the debrief per line', () => {
  it('sheet 2 poor: per line, whether the client insisted, the time to answer and the ideas heard', () => {
    const shape = conversationShape(sheet(2), playAttempt(2, SAMPLE_ATTEMPTS[2]?.poor ?? []));
    expect(shape.relaunches.map((r) => [r.line.id, r.insisted, r.answerMs])).toEqual([
      ['appel-client', true, 60_000],
      ['non-conformite', true, 60_000],
      ['carton-vide', true, 60_000],
      ['date-limite', true, 60_000],
    ]);
    expect(shape.relaunches.every((r) => r.heard.length === 0)).toBe(true);
    expect(shape.relaunches[3]?.missed).toEqual(['la destruction sur place', 'un avoir', 'une reprise ou un remboursement']);
    expect(shape.notPlayed).toEqual([]);
  });

  it('sheet 2 good: the ideas heard per line, ended on the main criterion, the unplayed line listed', () => {
    const shape = conversationShape(sheet(2), playAttempt(2, SAMPLE_ATTEMPTS[2]?.good ?? []));
    expect(shape.relaunches.map((r) => [r.line.id, r.insisted, r.heard])).toEqual([
      ['appel-client', false, ['poser des questions sur le problème']],
      ['non-conformite', false, ['vérifier ce qui s\'est passé', 'poser des questions sur le problème']],
      ['carton-vide', false, ['poser des questions sur le problème']],
      ['date-limite', false, ['la destruction sur place', 'un avoir', 'une reprise ou un remboursement']],
    ]);
    expect(shape.endedBy).toBe('conclusion');
    expect(shape.notPlayed.map((l) => l.id)).toEqual(['cout-transport']);
  });
});
