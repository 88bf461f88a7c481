import type { AuditEntry } from './model.js';

export const AUDIT_ACTIONS = [
  'session.create',
  'session.join_request',
  'session.join_accept',
  'session.join_refuse',
  'session.member_remove',
  'session.joining_close',
  'session.export',
  'evaluation.create',
  'evaluation.header_correct',
  'evaluation.start',
  'evaluation.end',
  'evaluation.collection_close',
  'evaluation.collection_reopen',
  'evaluation.consolidate',
  'evaluation.submit',
  'evaluation.sign',
  'evaluation.reopen_signed',
  'evaluation.cancel',
  'grid.row_save',
  'grid.comments_save',
  'grid.submit',
  'grid.reopen',
  'synthesis.create',
  'synthesis.save',
  'synthesis.sign',
  'synthesis.reopen',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The `target` strings of audit entries: which record changed. */
export const auditTarget = {
  session: (sessionId: string) => `session:${sessionId}`,
  evaluation: (evaluationId: string) => `evaluation:${evaluationId}`,
  grid: (evaluationId: string, memberId: string) => `grid:${evaluationId}:${memberId}`,
  synthesis: (evaluationId: string) => `synthesis:${evaluationId}`,
};

/** The member whose grid an audit target names, or null when the target is not a grid. */
export function gridOwnerOf(target: string, evaluationId: string): string | null {
  const prefix = `grid:${evaluationId}:`;
  return target.startsWith(prefix) ? target.slice(prefix.length) : null;
}

export interface AuditInput {
  id: string;
  /** The evaluation (or jury day) whose trail the entry belongs to. */
  scopeId: string;
  by: string;
  action: AuditAction;
  target: string;
  before?: unknown;
  after?: unknown;
  reason?: string;
  now: Date;
}

/** Builds an audit entry (who, when, what, before/after), ready to store. */
export function auditEntry(input: AuditInput): AuditEntry {
  const entry: AuditEntry = {
    schemaVersion: 1,
    id: input.id,
    scopeId: input.scopeId,
    at: input.now.toISOString(),
    by: input.by,
    action: input.action,
    target: input.target,
  };
  if (input.before !== undefined) entry.before = input.before;
  if (input.after !== undefined) entry.after = input.after;
  if (input.reason !== undefined) entry.reason = input.reason;
  return entry;
}

/** The fields of `after` that differ from `before`, as a before/after pair for an audit entry. */
export function changedFields<T extends object>(before: T, after: T): { before: Partial<T>; after: Partial<T> } {
  const changedBefore: Partial<T> = {};
  const changedAfter: Partial<T> = {};
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof T>;
  for (const key of keys) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      changedBefore[key] = before[key];
      changedAfter[key] = after[key];
    }
  }
  return { before: changedBefore, after: changedAfter };
}
