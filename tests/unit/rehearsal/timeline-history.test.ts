import { describe, expect, it } from 'vitest';
import type { Rehearsal } from '../../../src/domain/model.js';
import { criteriaProgress, formatMinutesSeconds, rehearsalHistory, timeline } from '../../../src/domain/rehearsal/index.js';
import { at, briefing, sheet, T0 } from './fixture.js';

describe('formatMinutesSeconds', () => {
  it.each([
    [0, '00:00'],
    [999, '00:01'],
    [59_000, '00:59'],
    [61_000, '01:01'],
    [75 * 60_000 + 3000, '75:03'],
    [-5, '00:00'],
  ])('%i ms → %s', (ms, text) => {
    expect(formatMinutesSeconds(ms)).toBe(text);
  });
});

describe('timeline: the time each answer took, from the last client line (or cue, or question)', () => {
  it('ignores hints and the condition question in between', () => {
    const transcript: Rehearsal['transcript'] = [
      { speaker: 'bot', text: 'cue', at: at(0).toISOString(), lineId: 'cue' },
      { speaker: 'candidate', text: 'Bonjour', at: new Date(T0.getTime() + 45_000).toISOString() },
      { speaker: 'client', text: 'relance', at: at(1).toISOString(), lineId: 'l1' },
      { speaker: 'bot', text: 'indice', at: at(2).toISOString(), lineId: 'hint:x' },
      { speaker: 'candidate', text: 'réponse', at: at(3.5).toISOString() },
      { speaker: 'client', text: 'relance', at: at(4).toISOString(), lineId: 'l2' },
    ];
    const times = timeline(briefing(1, { transcript })).map((e) => e.answerMs);
    expect(times).toEqual([undefined, 45_000, undefined, undefined, 150_000, undefined]);
  });
});

describe('rehearsalHistory: attempts per sheet and progress from one to the next', () => {
  const attempt = (id: string, sheet: number, start: number, minutes: number, rating: number | null, state: Rehearsal['state'] = 'done'): Rehearsal =>
    briefing(sheet, {
      id,
      sheet,
      state,
      startedAt: at(start).toISOString(),
      endedAt: at(start + minutes).toISOString(),
      selfRating: rating,
      selfAssessment: { a: 'acquis', b: 'a_travailler', c: 'acquis' },
    });

  it('groups by sheet (the drill last), oldest first, and compares completed attempts only', () => {
    const history = rehearsalHistory([
      attempt('r3', 2, 300, 5, 75),
      attempt('d1', 0, 50, 20, 60),
      attempt('r1', 2, 100, 8, 45),
      attempt('r2', 2, 200, 3, null, 'abandoned'),
      attempt('s1', 1, 10, 6, 50),
      briefing(3, { id: 'b', state: 'briefing' }),
    ]);
    expect(history.map((g) => [g.sheet, g.attempts.map((a) => a.id)])).toEqual([
      [1, ['s1']],
      [2, ['r1', 'r2', 'r3']],
      [0, ['d1']],
    ]);
    const sheet2 = history[1]?.attempts ?? [];
    expect(sheet2[0]?.progress).toBeUndefined();
    expect(sheet2[1]).toMatchObject({ state: 'abandoned', durationMs: null });
    expect(sheet2[1]?.progress).toBeUndefined();
    expect(sheet2[2]).toMatchObject({ acquis: 2, aTravailler: 1, rating: 75, durationMs: 5 * 60_000, progress: { ratingDelta: 30, durationDeltaMs: -3 * 60_000 } });
  });

  it('progress without a rating on one side says nothing about points', () => {
    const history = rehearsalHistory([attempt('a', 1, 0, 5, null), attempt('b', 1, 10, 6, 70)]);
    expect(history[0]?.attempts[1]?.progress).toEqual({ ratingDelta: null, durationDeltaMs: 60_000 });
  });

  it.each([
    ['half-up mean of the questions rated so far', { q1: 50, q2: 75 }, 63],
    ['one question rated', { q1: 40 }, 40],
    ['no question rated', {}, null],
  ] as const)('a drill stopped before its end, without a self-rating: %s', (_, questionRatings, rating) => {
    const drill = { ...attempt('d', 0, 0, 5, null, 'abandoned'), mode: 'drill' as const, questionRatings };
    expect(rehearsalHistory([drill])[0]?.attempts[0]?.rating).toBe(rating);
  });

  it('a self-rating wins over the question ratings; a role play never averages them', () => {
    const drill = { ...attempt('d', 0, 0, 5, 90), mode: 'drill' as const, questionRatings: { q1: 10 } };
    const rolePlay = { ...attempt('r', 1, 10, 5, null, 'abandoned'), questionRatings: { q1: 10 } };
    const history = rehearsalHistory([drill, rolePlay]);
    expect(history.map((g) => g.attempts[0]?.rating)).toEqual([null, 90]);
  });
});

describe('criteriaProgress: per criterion, acquired in how many of the last debriefed attempts', () => {
  const debriefed = (id: string, start: number, assessment: Rehearsal['selfAssessment'], state: Rehearsal['state'] = 'done', sheetNumber = 2): Rehearsal =>
    briefing(sheetNumber, { id, sheet: sheetNumber, state, startedAt: at(start).toISOString(), selfAssessment: assessment });

  it('looks at the last three debriefed attempts at the sheet only', () => {
    const attempts = [
      debriefed('a', 0, { 'destruction-avoir': 'acquis', 'accueil-calme': 'acquis' }), // fourth from the end: left out
      debriefed('b', 10, { 'destruction-avoir': 'a_travailler', 'accueil-calme': 'acquis' }),
      debriefed('c', 20, { 'destruction-avoir': 'acquis' }),
      debriefed('x', 25, { 'destruction-avoir': 'acquis' }, 'abandoned'), // interrupted: not counted
      debriefed('y', 26, { 'destruction-avoir': 'acquis' }, 'done', 1), // another sheet
      debriefed('d', 30, { 'destruction-avoir': 'acquis', 'questions-probleme': 'acquis' }),
    ];
    expect(criteriaProgress(attempts.reverse(), 'cqp-agc', sheet(2)).map((c) => [c.criterionId, c.acquired, c.of])).toEqual([
      ['destruction-avoir', 2, 3],
      ['accueil-calme', 1, 3],
      ['questions-probleme', 1, 3],
    ]);
  });

  it('is empty before any debrief, and counts what there is when fewer than three', () => {
    expect(criteriaProgress([debriefed('a', 0, {}, 'debrief')], 'cqp-agc', sheet(2))).toEqual([]);
    expect(criteriaProgress([debriefed('a', 0, { 'accueil-calme': 'acquis' })], 'cqp-agc', sheet(2))[1]).toMatchObject({ acquired: 1, of: 1 });
    expect(criteriaProgress([debriefed('a', 0, { 'accueil-calme': 'acquis' })], 'autre-cqp', sheet(2))).toEqual([]);
  });
});
