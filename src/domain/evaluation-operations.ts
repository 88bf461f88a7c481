import type { AuditEntry, Evaluation, Header, Session } from './model.js';
import { headerSchema } from './model.js';
import type { OperationContext } from './operation-context.js';
import type { Forbidden, Invalid, Unchanged } from './outcome.js';
import { forbidden, invalid, UNCHANGED } from './outcome.js';
import { auditEntry, auditTarget, changedFields } from './audit.js';
import { canActAsPresident } from './permissions.js';

export interface HeaderInput {
  candidateLastName: string;
  candidateFirstName: string;
  company: string;
  /** Defaults to the jury day's date. */
  date?: string;
}

function presidentRefusal(session: Session, ctx: OperationContext): Forbidden | null {
  const permission = canActAsPresident(session, ctx.actorId);
  if (permission.type === 'allow') return null;
  return forbidden(permission.reason === 'not_a_member' ? 'not_a_member' : 'not_president');
}

function parseHeader(header: unknown): { type: 'ok'; header: Header } | Invalid {
  const parsed = headerSchema.safeParse(header);
  if (parsed.success) return { type: 'ok', header: parsed.data };
  const field = parsed.error.issues[0]?.path.join('.');
  return invalid('invalid_header', field ? { field } : {});
}

/** The president adds one candidate's evaluation (draft) to the jury day. */
export function createEvaluation(
  session: Session,
  input: { id: string; header: HeaderInput; /** Whether the president fills a grid too (default: yes; always in professional mode). */ presidentScores?: boolean },
  ctx: OperationContext,
): { type: 'created'; evaluation: Evaluation; session: Session; audit: AuditEntry[] } | Forbidden | Invalid {
  const refusal = presidentRefusal(session, ctx);
  if (refusal) return refusal;
  const header = parseHeader({ ...input.header, date: input.header.date ?? session.date });
  if (header.type === 'invalid') return header;
  const evaluation: Evaluation = {
    schemaVersion: 1,
    id: input.id,
    sessionId: session.id,
    tenantId: session.tenantId,
    referentialId: session.referentialId,
    mode: session.mode,
    header: header.header,
    state: 'draft',
    presidentScores: session.mode === 'professional' || input.presidentScores !== false,
    rev: 0,
    excludedMemberIds: [],
    createdAt: ctx.now.toISOString(),
  };
  const next: Session = { ...session, evaluationIds: [...session.evaluationIds, evaluation.id] };
  const audit = auditEntry({
    id: ctx.newId(),
    scopeId: evaluation.id,
    by: ctx.actorId,
    action: 'evaluation.create',
    target: auditTarget.evaluation(evaluation.id),
    after: { header: evaluation.header, state: evaluation.state, presidentScores: evaluation.presidentScores },
    now: ctx.now,
  });
  return { type: 'created', evaluation, session: next, audit: [audit] };
}

/** The president corrects the header (any time before signature), audited field by field. */
export function correctHeader(
  evaluation: Evaluation,
  session: Session,
  patch: Partial<Header>,
  ctx: OperationContext,
): { type: 'corrected'; evaluation: Evaluation; audit: AuditEntry[] } | Unchanged | Forbidden | Invalid {
  if (evaluation.sessionId !== session.id) throw new Error('correctHeader: the evaluation does not belong to this session');
  const refusal = presidentRefusal(session, ctx);
  if (refusal) return refusal;
  if (evaluation.state === 'signed') return forbidden('evaluation_signed', evaluation.state);
  if (evaluation.state === 'cancelled') return forbidden('evaluation_closed', evaluation.state);
  const header = parseHeader({ ...evaluation.header, ...patch });
  if (header.type === 'invalid') return header;
  const diff = changedFields(evaluation.header, header.header);
  if (Object.keys(diff.after).length === 0) return UNCHANGED;
  const audit = auditEntry({
    id: ctx.newId(),
    scopeId: evaluation.id,
    by: ctx.actorId,
    action: 'evaluation.header_correct',
    target: auditTarget.evaluation(evaluation.id),
    before: diff.before,
    after: diff.after,
    now: ctx.now,
  });
  return { type: 'corrected', evaluation: { ...evaluation, header: header.header }, audit: [audit] };
}
