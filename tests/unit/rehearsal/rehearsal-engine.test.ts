import { describe, expect, it } from 'vitest';
import type { Rehearsal } from '../../../src/domain/model.js';
import {
  answerRehearsal,
  DRILL_SHEET,
  drillQuestions,
  hintRehearsal,
  newRehearsal,
  rateQuestion,
  resolveCondition,
  restartRehearsal,
  startRehearsal,
  stopRehearsal,
  submitDebrief,
  type RehearsalStep,
} from '../../../src/domain/rehearsal/index.js';
// The script's mechanics, on the sheets without client reactions (those are in client-reaction.test.ts).
import { at, briefing, deepFreeze, scriptOnly as referential, sheet, T0, changed } from './fixture.js';


function start(number: number, mode: 'ordered' | 'shuffled' = 'ordered', seed = 42) {
  return changed(startRehearsal(referential, deepFreeze(briefing(number)), { now: T0, mode, seed }));
}

/** Answers `answers` one after the other; returns the record and every step shown. */
function play(rehearsal: Rehearsal, answers: string[], minute = 1) {
  let current = rehearsal;
  const steps: RehearsalStep[] = [];
  answers.forEach((answer, i) => {
    const next = changed(answerRehearsal(referential, deepFreeze(current), answer, at(minute + i)));
    current = next.rehearsal;
    steps.push(...next.steps);
  });
  return { rehearsal: current, steps };
}

const lineIds = (steps: RehearsalStep[]) =>
  steps.flatMap((s) => (s.type === 'line' ? [s.line.id] : s.type === 'ended' ? [`end:${s.closing?.id ?? '-'}`] : [s.type]));

describe('newRehearsal', () => {
  it.each([1, 2, 3])('sheet %i starts at the briefing, ordered, rev 1', (n) => {
    const r = briefing(n);
    expect([r.state, r.mode, r.rev, r.sheet, r.transcript]).toEqual(['briefing', 'ordered', 1, n, []]);
  });
  it('the drill is sheet 0, mode drill', () => {
    expect(briefing(DRILL_SHEET).mode).toBe('drill');
  });
  it('refuses a sheet the referential does not have', () => {
    expect(newRehearsal({ id: 'x', userId: 'u', referential, sheet: 9, now: T0 })).toEqual({ type: 'forbidden', reason: 'unknown_sheet' });
  });
  it('reuses a briefing record for another choice, its rev going on', () => {
    const previous = briefing(1, { rev: 4 });
    const again = newRehearsal({ id: 'new-id', userId: 'candidate-1', referential, sheet: 2, now: T0, previous });
    expect(again).toMatchObject({ id: previous.id, rev: 5, sheet: 2, state: 'briefing' });
  });
});

describe('who speaks first follows the sheet', () => {
  it.each([
    [1, 'cue'],
    [3, 'cue'],
  ])('sheet %i: the candidate opens (the cue, no client line yet)', (n) => {
    const { rehearsal, steps } = start(n);
    expect(steps).toEqual([{ type: 'cue', text: sheet(n).candidateCue }]);
    expect(rehearsal.transcript).toMatchObject([{ speaker: 'bot', lineId: 'cue' }]);
    expect(rehearsal.state).toBe('playing');
  });
  it('sheet 2: the bot opens with its opening line (written for the purpose)', () => {
    const { steps } = start(2);
    expect(steps).toHaveLength(1);
    const [step] = steps;
    expect(step?.type === 'line' && step.line).toMatchObject({ id: 'appel-client', type: 'opening', fromSheet: false });
  });
  it('refuses to start twice', () => {
    const { rehearsal } = start(1);
    expect(startRehearsal(referential, rehearsal, { now: T0, mode: 'ordered', seed: 1 })).toEqual({ type: 'forbidden', reason: 'not_briefing' });
  });
});

describe('the client lines, in the sheet order', () => {
  it('sheet 1: every relaunch verbatim, the insulting direction as its hostile line, then the closing', () => {
    const { rehearsal, steps } = play(start(1).rehearsal, Array.from({ length: 9 }, (_, i) => `Réponse ${i + 1}`));
    expect(lineIds(steps)).toEqual([...sheet(1).lines.slice(0, -1).map((l) => l.id), 'end:fin-appel']);
    const direction = steps.find((s) => s.type === 'line' && s.line.type === 'direction');
    expect(direction?.type === 'line' && direction.line).toMatchObject({
      direction: 'Le client devient insultant, que faites vous ?',
      fromSheet: false,
    });
    expect(rehearsal.state).toBe('debrief');
    expect(rehearsal.endedAt).toBe(at(9).toISOString());
  });

  it('sheet 3: four relaunches then the closing', () => {
    const { steps, rehearsal } = play(start(3).rehearsal, ['Bonjour', 'a', 'b', 'c', 'd']);
    expect(lineIds(steps)).toEqual(['taux-de-couverture', 'pas-d-accord', 'bonne-proposition', 'trop-de-stocks', 'end:fin-appel']);
    expect(rehearsal.state).toBe('debrief');
  });

  it('records each answer with the line it answers', () => {
    const { rehearsal } = play(start(3).rehearsal, ['Bonjour', 'Je vous explique']);
    const answers = rehearsal.transcript.filter((e) => e.speaker === 'candidate');
    expect(answers.map((e) => [e.text, e.lineId])).toEqual([
      ['Bonjour', 'cue'],
      ['Je vous explique', 'taux-de-couverture'],
    ]);
  });

  it('never changes the record it is given, and bumps rev by one per step', () => {
    const started = start(1).rehearsal;
    const next = changed(answerRehearsal(referential, deepFreeze(started), 'Bonjour', at(1))).rehearsal;
    expect(next.rev).toBe(started.rev + 1);
    expect(started.transcript).toHaveLength(1);
  });

  it.each([
    ['', { reason: 'answer_empty' }],
    ['   ', { reason: 'answer_empty' }],
    ['x'.repeat(2001), { reason: 'answer_too_long', length: 2001 }],
  ])('refuses the answer %j (%o)', (text, refusal) => {
    expect(answerRehearsal(referential, start(1).rehearsal, text, at(1))).toEqual({ type: 'invalid', ...refusal });
  });

  it('accepts an answer of exactly 2,000 characters', () => {
    expect(answerRehearsal(referential, start(1).rehearsal, 'x'.repeat(2000), at(1)).type).toBe('changed');
  });

  it('refuses an answer outside the play', () => {
    expect(answerRehearsal(referential, briefing(1), 'Bonjour', at(1))).toEqual({ type: 'forbidden', reason: 'not_active' });
  });
});

describe('sheet 2: the conditional line "Si réclamation acceptée"', () => {
  const neutral = ['Bonjour, je vous écoute.', 'Quel produit ?', 'Je regarde votre dossier.'];

  it.each<[string, string[], string[], 'keywords' | undefined, boolean]>([
    ['accepted by keywords', [...neutral, 'Je vous fais un avoir.', 'Je propose la destruction sur place.'], ['cout-transport', 'end:fin-appel'], 'keywords', true],
    ['refused by keywords', [...neutral, 'Je ne peux pas reprendre ce produit.'], ['end:fin-appel'], 'keywords', false],
    ['the latest decisive answer wins (refused, then accepted)', ['Je refuse.', 'Quel produit ?', 'Bon, j’accepte votre réclamation.', 'Je fais un avoir.', 'Au revoir'], ['cout-transport', 'end:fin-appel'], 'keywords', true],
    ['the latest decisive answer wins (accepted, then refused)', ['J’accepte.', 'Quel produit ?', 'Finalement non, impossible.', 'Au revoir'], ['end:fin-appel'], 'keywords', false],
  ])('%s', (_name, answers, tail, by, met) => {
    const { rehearsal, steps } = play(start(2).rehearsal, answers);
    const ids = lineIds(steps);
    expect(ids.slice(0, 3)).toEqual(['non-conformite', 'carton-vide', 'date-limite']);
    expect(ids.slice(3)).toEqual(tail);
    expect(rehearsal.cursor.decided).toEqual({ 'reclamation-acceptee': { met, by } });
    expect(rehearsal.state).toBe('debrief');
  });

  it.each([
    [true, ['cout-transport']],
    [false, ['end:fin-appel']],
  ])('unsure: the question to the candidate; oui=%s plays %j', (yes, expected) => {
    const asked = play(start(2).rehearsal, neutral.concat('Je vais voir ce que je peux faire.'));
    expect(lineIds(asked.steps).slice(-1)).toEqual(['condition']);
    expect(asked.rehearsal.state).toBe('awaiting_condition');
    expect(asked.rehearsal.cursor.pendingCondition).toBe('reclamation-acceptee');
    expect(asked.rehearsal.transcript.at(-1)).toMatchObject({ speaker: 'bot', lineId: 'condition:reclamation-acceptee' });
    expect(answerRehearsal(referential, asked.rehearsal, 'oui', at(9))).toEqual({ type: 'forbidden', reason: 'not_active' });
    const resolved = changed(resolveCondition(referential, deepFreeze(asked.rehearsal), yes, at(9)));
    expect(lineIds(resolved.steps)).toEqual(expected);
    expect(resolved.rehearsal.cursor.decided).toEqual({ 'reclamation-acceptee': { met: yes, by: 'question' } });
    expect(resolved.rehearsal.cursor.pendingCondition).toBeUndefined();
  });

  it('resolveCondition is refused when no question waits', () => {
    expect(resolveCondition(referential, start(2).rehearsal, true, at(1))).toEqual({ type: 'forbidden', reason: 'not_awaiting_condition' });
  });

  it('shuffled: the opening stays first, the conditional line and the closing keep their place', () => {
    const started = start(2, 'shuffled', 7);
    const order = started.rehearsal.cursor.order ?? [];
    expect(order[0]).toBe('appel-client');
    expect(order.slice(4)).toEqual(['cout-transport', 'fin-appel']);
    expect(order.slice(1, 4)).not.toEqual(['non-conformite', 'carton-vide', 'date-limite']);
    expect(started.rehearsal.cursor.seed).toBe(7);
    const { steps } = play(started.rehearsal, ['a', 'b', 'c', "J'accepte.", 'Au revoir']);
    expect(lineIds(steps)).toEqual([...order.slice(1, 4), 'cout-transport', 'end:fin-appel']);
  });
});

describe('hint, restart, stop', () => {
  it('indice gives the hint of each unmet criterion once, in the sheet order, then says none is left', () => {
    let r = start(2).rehearsal;
    const seen: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const hinted = hintRehearsal(referential, deepFreeze(r));
      if (hinted.type !== 'hinted' || hinted.hint.kind !== 'criterion') throw new Error('no hint');
      seen.push(hinted.hint.criterion.id);
      r = hinted.rehearsal;
    }
    expect(seen).toEqual(['destruction-avoir', 'accueil-calme', 'questions-probleme']);
    expect(hintRehearsal(referential, r)).toEqual({ type: 'exhausted' });
    expect(r.hintsUsed).toBe(3);
    expect(r.cursor.hinted).toEqual(seen);
    expect(r.transcript).toHaveLength(1); // counted, not written into the transcript
  });

  it('indice skips a criterion the answers met since; recommencer gives the hints again', () => {
    const first = hintRehearsal(referential, start(2).rehearsal);
    if (first.type !== 'hinted') throw new Error('no hint');
    const { rehearsal } = play(first.rehearsal, ['Bonjour, je vous écoute. Quel produit ?']);
    expect(hintRehearsal(referential, rehearsal)).toEqual({ type: 'exhausted' }); // accueil and questions now observed
    const restarted = changed(restartRehearsal(referential, rehearsal, { now: at(5), seed: 1 })).rehearsal;
    const again = hintRehearsal(referential, restarted);
    expect(again.type === 'hinted' && again.hint.kind === 'criterion' && again.hint.criterion.id).toBe('destruction-avoir');
  });

  it('indice skips what the answers already show', () => {
    const { rehearsal } = play(start(2).rehearsal, ['Bonjour, je vous écoute. Quel produit ?']);
    const hinted = hintRehearsal(referential, rehearsal);
    expect(hinted.type === 'hinted' && hinted.hint.kind === 'criterion' && hinted.hint.criterion.id).toBe('destruction-avoir');
  });

  it('indice in the drill: the two upper descriptors of the questions scale', () => {
    const drill = start(DRILL_SHEET).rehearsal;
    const hinted = hintRehearsal(referential, drill);
    expect(hinted.type === 'hinted' && hinted.hint.kind === 'scale' && hinted.hint.descriptors.map((d) => d.id)).toEqual(['questions-3', 'questions-4']);
  });

  it('indice is refused outside the play', () => {
    expect(hintRehearsal(referential, briefing(1))).toEqual({ type: 'forbidden', reason: 'not_active' });
  });

  it('recommencer: from the first line again, same record, clean transcript, clock restarted', () => {
    const { rehearsal } = play(start(2).rehearsal, ['a', 'b']);
    const restarted = changed(restartRehearsal(referential, deepFreeze(rehearsal), { now: at(10), seed: 3 }));
    expect(restarted.rehearsal).toMatchObject({ id: rehearsal.id, rev: rehearsal.rev + 1, state: 'playing', startedAt: at(10).toISOString(), hintsUsed: 0 });
    expect(lineIds(restarted.steps)).toEqual(['appel-client']);
    expect(restarted.rehearsal.transcript).toHaveLength(1);
  });

  it('recommencer in shuffled mode draws a new order from the new seed', () => {
    const started = start(1, 'shuffled', 1).rehearsal;
    const restarted = changed(restartRehearsal(referential, started, { now: at(1), seed: 2 })).rehearsal;
    expect(restarted.mode).toBe('shuffled');
    expect(restarted.cursor.seed).toBe(2);
  });

  it('stop: abandoned, with the time it stopped; refused once stopped', () => {
    const stopped = changed(stopRehearsal(deepFreeze(start(1).rehearsal), at(3))).rehearsal;
    expect([stopped.state, stopped.endedAt]).toEqual(['abandoned', at(3).toISOString()]);
    expect(stopRehearsal(stopped, at(4))).toEqual({ type: 'forbidden', reason: 'not_active' });
    expect(restartRehearsal(referential, stopped, { now: at(4), seed: 1 })).toEqual({ type: 'forbidden', reason: 'not_active' });
  });
});

describe('the debrief', () => {
  const ended = () => play(start(3).rehearsal, ['a', 'b', 'c', 'd', 'e']).rehearsal;

  it.each<[string, number | string]>([
    ['0', 0],
    ['55', 55],
    [' 70 ', 70],
    ['100', 100],
    ['55,5', 'rating_decimal_comma'],
    ['140', 'rating_out_of_range'],
    ['-1', 'rating_out_of_range'],
    ['55.5', 'rating_not_integer'],
    ['', 'rating_not_a_number'],
    ['beaucoup', 'rating_not_a_number'],
  ])('self-rating %j → %s', (rating, expected) => {
    const result = submitDebrief(referential, ended(), { assessment: {}, rating }, at(20));
    if (typeof expected === 'number') expect(changed(result).rehearsal).toMatchObject({ state: 'done', selfRating: expected });
    else expect(result).toEqual({ type: 'invalid', reason: expected });
  });

  it('records the self-assessment per criterion', () => {
    const done = changed(
      submitDebrief(referential, ended(), { assessment: { 'reponse-argumentee': 'acquis', 'attitude-facilitatrice': 'a_travailler', 'explication-pedagogique': '' }, rating: '60' }, at(20)),
    ).rehearsal;
    expect(done.selfAssessment).toEqual({ 'reponse-argumentee': 'acquis', 'attitude-facilitatrice': 'a_travailler' });
    expect(done.debriefedAt).toBe(at(20).toISOString());
  });

  it.each<Record<string, string>>([{ 'pas-un-critere': 'acquis' }, { 'reponse-argumentee': 'peut-etre' }])('refuses %j', (assessment) => {
    expect(submitDebrief(referential, ended(), { assessment, rating: '50' }, at(20))).toEqual({ type: 'invalid', reason: 'unknown_criterion' });
  });

  it('is refused before the end of the play', () => {
    expect(submitDebrief(referential, start(3).rehearsal, { assessment: {}, rating: '50' }, at(20))).toEqual({ type: 'forbidden', reason: 'not_in_debrief' });
  });
});

describe('the question drill', () => {
  const questions = drillQuestions(referential);

  it('asks every question, one at a time, each answered then rated; the mean is the self-rating', () => {
    let { rehearsal, steps } = start(DRILL_SHEET);
    expect(steps).toMatchObject([{ type: 'question', index: 0, total: questions.length }]);
    const ratings = [50, 60, 70, 40, 55, 65, 75];
    questions.forEach((question, i) => {
      const answered = changed(answerRehearsal(referential, rehearsal, `Réponse ${i}`, at(i * 2 + 1)));
      expect(answered.steps).toMatchObject([{ type: 'rate', question: { id: question.id } }]);
      expect(answerRehearsal(referential, answered.rehearsal, 'encore', at(i * 2 + 1))).toEqual({ type: 'forbidden', reason: 'not_active' });
      const rated = changed(rateQuestion(referential, answered.rehearsal, question.id, String(ratings[i]), at(i * 2 + 2)));
      rehearsal = rated.rehearsal;
      steps = rated.steps;
      if (i < questions.length - 1) expect(steps).toMatchObject([{ type: 'question', index: i + 1 }]);
    });
    expect(steps).toEqual([{ type: 'drill_ended' }]);
    expect(rehearsal.state).toBe('done');
    expect(rehearsal.selfRating).toBe(59); // 415 / 7 = 59.29
    expect(Object.keys(rehearsal.questionRatings ?? {})).toEqual(questions.map((q) => q.id));
  });

  it.each([
    ['55,5', 'rating_decimal_comma'],
    ['140', 'rating_out_of_range'],
  ])('refuses the rating %j', (rating, reason) => {
    const answered = changed(answerRehearsal(referential, start(DRILL_SHEET).rehearsal, 'Réponse', at(1))).rehearsal;
    expect(rateQuestion(referential, answered, questions[0]?.id ?? '', rating, at(2))).toEqual({ type: 'invalid', reason });
  });

  it('refuses a rating for another question, or before the answer', () => {
    const started = start(DRILL_SHEET).rehearsal;
    expect(rateQuestion(referential, started, questions[0]?.id ?? '', '50', at(1)).type).toBe('forbidden');
    const answered = changed(answerRehearsal(referential, started, 'Réponse', at(1))).rehearsal;
    expect(rateQuestion(referential, answered, questions[1]?.id ?? '', '50', at(2))).toEqual({ type: 'invalid', reason: 'unknown_question' });
  });
});
