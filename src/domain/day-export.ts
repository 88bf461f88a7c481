import { auditEntry, auditTarget } from './audit.js';
import type { AuditEntry, Evaluation, Session, SignedVersion, Synthesis } from './model.js';
import type { OperationContext } from './operation-context.js';
import { forbidden, type Forbidden } from './outcome.js';
import { canActAsPresident } from './permissions.js';

/**
 * The jury day's results for the deliberation: what is signed goes out, nothing else. An
 * evaluation counts only with a signed synthesis (a reopened one has none until signed again),
 * so an unsigned evaluation is never exported as a result.
 */

export interface ExportedEvaluation {
  evaluation: Evaluation;
  signed: SignedVersion;
}

/** The day's signed evaluations, in the day's order (the order the president created them). */
export function exportedVersions(evaluations: readonly Evaluation[], syntheses: ReadonlyMap<string, Synthesis>): ExportedEvaluation[] {
  return evaluations.flatMap((evaluation) => {
    const signed = syntheses.get(evaluation.id)?.signed;
    return evaluation.state === 'signed' && signed ? [{ evaluation, signed }] : [];
  });
}

export type DayExport = { type: 'exported'; exported: ExportedEvaluation[]; audit: AuditEntry[] } | { type: 'nothing_signed' } | Forbidden;

/**
 * The president (or the lone professional) exports their day: the signed evaluations, and one
 * audit entry in the day's trail saying who, when and how many. Anyone else is refused.
 */
export function dayExport(
  session: Session,
  evaluations: readonly Evaluation[],
  syntheses: ReadonlyMap<string, Synthesis>,
  ctx: OperationContext,
): DayExport {
  const permission = canActAsPresident(session, ctx.actorId, 'export_day');
  if (permission.type === 'deny') return forbidden(permission.reason === 'not_a_member' ? 'not_a_member' : 'not_president');
  const exported = exportedVersions(
    evaluations.filter((e) => e.sessionId === session.id),
    syntheses,
  );
  if (exported.length === 0) return { type: 'nothing_signed' };
  const audit = auditEntry({
    id: ctx.newId(),
    scopeId: session.id,
    by: ctx.actorId,
    action: 'session.export',
    target: auditTarget.session(session.id),
    after: { evaluations: exported.length, evaluationIds: exported.map((e) => e.evaluation.id) },
    now: ctx.now,
  });
  return { type: 'exported', exported, audit: [audit] };
}
