import {
  canReadEvaluation,
  createGrid,
  roleIn,
  scoresIn,
  type AuditEntry,
  type EvaluationContext,
  type Evaluation,
  type MemberGrid,
  type OperationContext,
  type Role,
  type Session,
  type UserState,
} from '../../../domain/index.js';
import type { Referential } from '../../../referential/schema.js';
import { operateOn } from '../../outcomes.js';
import type { BotServices } from '../../services.js';
import type { Turn } from '../../turn.js';

/** An evaluation as one member sees it: the record, its jury day, its referential and their role. */
export interface EvaluationScope {
  evaluation: Evaluation;
  session: Session;
  referential: Referential;
  role: Exclude<Role, 'none'>;
}

export function operationContext(turn: Turn): OperationContext {
  return { actorId: turn.userId, now: turn.now(), newId: turn.services.newId };
}

/** What an operation on this evaluation's grids or synthesis receives. */
export function evaluationContext(turn: Turn, scope: EvaluationScope): EvaluationContext {
  return { ...operationContext(turn), referential: scope.referential, session: scope.session, evaluation: scope.evaluation };
}

/**
 * Loads an evaluation for the person writing. Someone outside its jury (or
 * its tenant) is told it does not exist for them: the answer never reveals
 * whether it exists.
 */
export async function loadScope(turn: Turn, evaluationId: string, options: { fillsGrid?: boolean } = {}): Promise<EvaluationScope | undefined> {
  const scope = await readScope(turn.services, evaluationId, () => turn.userId, turn.tenantId);
  if (!scope) {
    turn.log('info', 'evaluation refused', { evaluation: evaluationId, outcome: 'not_a_member' });
    await turn.say(turn.t('evaluation.notFound'));
    return undefined;
  }
  // A president who presides without scoring has no grid: a grid action tells them so and opens nothing.
  if (options.fillsGrid && !scoresIn(scope.session, scope.evaluation, turn.userId)) {
    turn.log('info', 'grid refused', { evaluation: evaluationId, outcome: 'not_a_scorer' });
    await turn.say(turn.t('evaluation.grid.notAScorer'));
    return undefined;
  }
  return scope;
}

/**
 * The evaluation as `reader` (picked once its jury day is read) sees it, without a turn (a
 * delivery the bot makes unprompted); undefined when it does not exist for them, in `tenantId` when given.
 */
export async function readScope(services: BotServices, evaluationId: string, reader: (session: Session) => string, tenantId?: string): Promise<EvaluationScope | undefined> {
  const { repositories, referentials } = services;
  const evaluation = await repositories.evaluations.get(evaluationId);
  const session = evaluation ? await repositories.sessions.get(evaluation.sessionId) : undefined;
  const referential = evaluation ? referentials.get(evaluation.referentialId) : undefined;
  if (!evaluation || !session || !referential || (tenantId !== undefined && evaluation.tenantId !== tenantId)) return undefined;
  const userId = reader(session);
  if (canReadEvaluation(session, userId).type === 'deny') return undefined;
  const role = roleIn(session, userId);
  if (role === 'none') return undefined;
  return { evaluation, session, referential, role };
}

/** The member's own grid, created empty the first time they open it. */
export async function ownGrid(turn: Turn, scope: EvaluationScope): Promise<MemberGrid> {
  const { grids } = turn.services.repositories;
  const existing = await grids.get(scope.evaluation.id, turn.userId);
  if (existing) return existing;
  const created = createGrid(scope.evaluation, scope.session, turn.userId, scope.referential, turn.now());
  if (created.type !== 'created') throw new Error(`ownGrid: ${created.reason} for a member of the jury`);
  const saved = await grids.save(created.grid, null);
  // Created meanwhile by another turn of the same person: theirs is the one.
  return saved.type === 'saved' ? saved.record : (saved.current ?? created.grid);
}

/**
 * Runs an operation on the member's own grid inside the repository's read → decide → write (the grid
 * created empty first if they never opened it): the grid is read once, and the outcome comes with the
 * grid it was decided on, for the card shown after a refusal.
 */
export async function updateOwnGrid<O>(
  turn: Turn,
  scope: EvaluationScope,
  operate: (grid: MemberGrid) => O,
  changed: (outcome: O) => MemberGrid | undefined,
): Promise<{ current: MemberGrid; outcome: O } | undefined> {
  const update = () =>
    turn.services.repositories.grids.update(
      scope.evaluation.id,
      turn.userId,
      operateOn(
        (grid) => ({ current: grid, outcome: operate(grid) }),
        ({ outcome }) => changed(outcome),
      ),
    );
  // A card can only come from an opened grid, but a crafted one need not.
  return (await update()) ?? ((await ownGrid(turn, scope)) && (await update()));
}

/** What a grid operation wrote, for updateOwnGrid: the grid of a `saved` outcome. */
export function savedGrid(outcome: { type: string; grid?: MemberGrid }): MemberGrid | undefined {
  return outcome.type === 'saved' ? outcome.grid : undefined;
}

export async function appendAudit(turn: Turn, entries: readonly AuditEntry[]): Promise<void> {
  for (const entry of entries) await turn.services.repositories.audit.append(entry);
}

/** Merges a change into the user's state record (created on first need), stamped with this run's boot id. */
export async function updateUserState(turn: Turn, patch: Partial<UserState>): Promise<void> {
  const { userStates } = turn.services.repositories;
  const current = await userStates.get(turn.userId);
  await userStates.save(
    {
      schemaVersion: 1,
      flow: 'idle',
      ...current,
      ...patch,
      userId: turn.userId,
      bootId: turn.services.bootId,
      updatedAt: turn.now().toISOString(),
    },
    { stored: current },
  );
}

/** Remembers where the juror is, so `reprendre` (or any message after a restart) brings them back. */
export async function saveCursor(turn: Turn, cursor: NonNullable<UserState['evaluationCursor']>): Promise<void> {
  await updateUserState(turn, { evaluationCursor: cursor });
}
