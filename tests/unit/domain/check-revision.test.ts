import { describe, expect, it } from 'vitest';
import { checkRevision, submissionFingerprint } from '../../../src/domain/check-revision.js';

const submission = { verb: 'grid.save', ids: { evaluationId: 'e', memberId: 'm' }, rev: 3, values: { rowId: 'gpa', percentage: 55 } };

describe('submissionFingerprint', () => {
  it('ignores key order and undefined values', () => {
    expect(submissionFingerprint(submission)).toBe(
      submissionFingerprint({ values: { percentage: 55, rowId: 'gpa', notes: undefined }, rev: 3, ids: { memberId: 'm', evaluationId: 'e' }, verb: 'grid.save' }),
    );
  });

  it.each([
    ['verb', { ...submission, verb: 'grid.next' }],
    ['ids', { ...submission, ids: { evaluationId: 'e', memberId: 'other' } }],
    ['rev', { ...submission, rev: 4 }],
    ['values', { ...submission, values: { rowId: 'gpa', percentage: 56 } }],
    ['null vs absent', { ...submission, values: { rowId: 'gpa', percentage: 55, notes: null } }],
  ])('differs when the %s differ', (_label, other) => {
    expect(submissionFingerprint(other)).not.toBe(submissionFingerprint(submission));
  });
});

describe('checkRevision', () => {
  const fp = submissionFingerprint(submission);
  it.each([
    ['current rev', { rev: 3, lastSubmission: undefined }, 3, 'other', 'current'],
    ['older rev, same as the last applied: double click', { rev: 4, lastSubmission: fp }, 3, fp, 'duplicate'],
    ['older rev, different submission', { rev: 4, lastSubmission: fp }, 3, 'other', 'stale'],
    ['older rev, nothing applied yet', { rev: 4, lastSubmission: undefined }, 3, fp, 'stale'],
    ['a rev from the future (forged)', { rev: 4, lastSubmission: fp }, 9, fp, 'stale'],
  ])('%s → %s', (_label, record, rev, fingerprint, type) => {
    expect(checkRevision(record, rev, fingerprint).type).toBe(type);
  });

  it('hands back the current record with a stale answer', () => {
    const record = { rev: 5, lastSubmission: 'x', payload: 1 };
    expect(checkRevision(record, 2, 'y')).toEqual({ type: 'stale', current: record });
  });
});
