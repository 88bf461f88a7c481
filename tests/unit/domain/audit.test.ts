import { describe, expect, it } from 'vitest';
import { auditEntry, auditTarget, changedFields, gridOwnerOf } from '../../../src/domain/audit.js';
import { auditEntrySchema } from '../../../src/domain/model.js';
import { T0 } from './fixture.js';

describe('auditEntry', () => {
  it('builds a stored entry: who, when, what, before/after, reason', () => {
    const entry = auditEntry({
      id: 'a-1',
      scopeId: 'evaluation-1',
      by: 'aad-claire',
      action: 'evaluation.cancel',
      target: auditTarget.evaluation('evaluation-1'),
      before: { state: 'draft' },
      after: { state: 'cancelled' },
      reason: 'Candidate absente',
      now: T0,
    });
    expect(entry).toEqual({
      schemaVersion: 1,
      id: 'a-1',
      scopeId: 'evaluation-1',
      at: '2026-11-28T09:00:00.000Z',
      by: 'aad-claire',
      action: 'evaluation.cancel',
      target: 'evaluation:evaluation-1',
      before: { state: 'draft' },
      after: { state: 'cancelled' },
      reason: 'Candidate absente',
    });
    expect(auditEntrySchema.parse(entry)).toEqual(entry);
  });

  it('leaves out what is not given', () => {
    const entry = auditEntry({ id: 'a', scopeId: 's', by: 'b', action: 'session.create', target: 'session:s', now: T0 });
    expect(Object.keys(entry).sort()).toEqual(['action', 'at', 'by', 'id', 'schemaVersion', 'scopeId', 'target']);
  });
});

describe('audit helpers', () => {
  it.each([
    [auditTarget.grid('e1', 'aad-marc'), 'aad-marc'],
    [auditTarget.grid('e2', 'aad-marc'), null],
    [auditTarget.synthesis('e1'), null],
    [auditTarget.evaluation('e1'), null],
  ])('gridOwnerOf(%s) = %s', (target, owner) => {
    expect(gridOwnerOf(target, 'e1')).toBe(owner);
  });

  it('changedFields keeps only what changed', () => {
    expect(changedFields({ a: 1, b: [1], c: 'x' }, { a: 1, b: [2], c: 'y' })).toEqual({ before: { b: [1], c: 'x' }, after: { b: [2], c: 'y' } });
  });
});
