import { describe, expect, it } from 'vitest';
import { noticesDue, timeSpent } from '../../../src/domain/interview-clock.js';
import { makeEvaluation, minutesAfter, referential, T0 } from './fixture.js';

describe('timeSpent (minutes)', () => {
  it.each([
    ['not started', makeEvaluation('draft'), 10, null],
    ['running: up to now', makeEvaluation('in_progress'), 12.9, 12],
    ['ended at 43 min, read later', makeEvaluation('interview_ended', { endedAt: minutesAfter(43).toISOString() }), 90, 43],
    ['signed: end − start', makeEvaluation('signed', { endedAt: minutesAfter(45).toISOString() }), 200, 45],
    [
      'cancelled while running: up to the cancellation',
      makeEvaluation('cancelled', { cancellation: { reason: 'absent', at: minutesAfter(5).toISOString(), by: 'p', from: 'in_progress' } }),
      60,
      5,
    ],
    ['clock skew never negative', makeEvaluation('in_progress'), -3, 0],
  ])('%s', (_label, evaluation, nowMinutes, expected) => {
    expect(timeSpent(evaluation, minutesAfter(nowMinutes))).toBe(expected);
  });
});

describe('noticesDue', () => {
  it('gives the referential notice times after the start (35 and 45 minutes)', () => {
    expect(noticesDue(makeEvaluation('in_progress'), referential)).toEqual(
      referential.interview.noticesAtMinutes.map((m) => ({ atMinutes: m, dueAt: new Date(T0.getTime() + m * 60_000).toISOString() })),
    );
    expect(noticesDue(makeEvaluation('in_progress'), referential).map((n) => n.atMinutes)).toEqual([35, 45]);
    expect(noticesDue(makeEvaluation('in_progress'), referential)[0]?.dueAt).toBe('2026-11-28T09:35:00.000Z');
  });

  it('has none before the start', () => {
    expect(noticesDue(makeEvaluation('draft'), referential)).toEqual([]);
  });
});
