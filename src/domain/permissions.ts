import type { AuditEntry, Evaluation, MemberGrid, Session, Synthesis } from './model.js';
import { gridOwnerOf } from './audit.js';
import { roleIn } from './jury.js';
import { collectionHasClosed } from './lifecycle.js';

/**
 * Who sees what and who may do what (DESIGN.md, "Lifecycle, visibility, roles").
 * Candidates are never jurors: like anyone off the jury they get `not_a_member`.
 */

export type DenyReason =
  | 'not_a_member'
  | 'not_president'
  | 'not_own_grid'
  | 'collection_open'
  | 'grid_not_submitted'
  | 'not_signed'
  | 'group_conversation';

export type Permission = { type: 'allow' } | { type: 'deny'; reason: DenyReason };

const ALLOW: Permission = Object.freeze({ type: 'allow' }) as Permission;
const deny = (reason: DenyReason): Permission => ({ type: 'deny', reason });

/** The evaluation's header, state, time and who joined and submitted: the jury only. */
export function canReadEvaluation(session: Session, userId: string): Permission {
  return roleIn(session, userId) === 'none' ? deny('not_a_member') : ALLOW;
}

/** What only the president does: admit or remove members, correct the header, close, consolidate, sign, reopen, cancel. */
export const PRESIDENT_ACTIONS = [
  'create_evaluation',
  'admit_member',
  'remove_member',
  'close_joining',
  'correct_header',
  'start_interview',
  'end_interview',
  'close_collection',
  'reopen_grid',
  'consolidate',
  'sign',
  'reopen_signed',
  'cancel',
  'read_trail',
  'export_day',
] as const;
export type PresidentAction = (typeof PRESIDENT_ACTIONS)[number];

/** Whether this person may act as the president of the jury day (the lone professional is its president). */
export function canActAsPresident(session: Session, userId: string, _action?: PresidentAction): Permission {
  const role = roleIn(session, userId);
  if (role === 'none') return deny('not_a_member');
  return role === 'president' ? ALLOW : deny('not_president');
}

/**
 * Reading a grid: until the collection closes everyone, president included, reads only
 * their own; afterwards the president also reads every submitted grid; members never
 * read anyone else's.
 */
export function canReadGrid(session: Session, evaluation: Evaluation, grid: Pick<MemberGrid, 'memberId' | 'state'>, viewerId: string): Permission {
  const role = roleIn(session, viewerId);
  if (role === 'none') return deny('not_a_member');
  if (grid.memberId === viewerId) return ALLOW;
  if (role !== 'president') return deny('not_own_grid');
  if (!collectionHasClosed(evaluation)) return deny('collection_open');
  return grid.state === 'submitted' ? ALLOW : deny('grid_not_submitted');
}

/** Only the grid's owner writes in it, while on the jury. */
export function canEditGrid(session: Session, grid: Pick<MemberGrid, 'memberId'>, userId: string): Permission {
  if (roleIn(session, userId) === 'none') return deny('not_a_member');
  return grid.memberId === userId ? ALLOW : deny('not_own_grid');
}

/** The consolidation (everyone's reported values side by side): the president, once the collection has closed. */
export function canReadConsolidation(session: Session, evaluation: Evaluation, userId: string): Permission {
  const president = canActAsPresident(session, userId);
  if (president.type === 'deny') return president;
  return collectionHasClosed(evaluation) ? ALLOW : deny('collection_open');
}

/**
 * The synthesis: the president, draft included. Others read the signed version (and the
 * replaced ones), never the draft: the jury, and anyone listed on a signed version.
 */
export function canReadSynthesis(session: Session, synthesis: Pick<Synthesis, 'signed' | 'replaced'>, userId: string): Permission {
  const role = roleIn(session, userId);
  if (role === 'president') return ALLOW;
  const versions = [...(synthesis.signed ? [synthesis.signed] : []), ...synthesis.replaced];
  const listed = versions.some((v) => v.signedBy.id === userId || v.members.some((m) => m.id === userId));
  if (role === 'none' && !listed) return deny('not_a_member');
  return versions.length > 0 ? ALLOW : deny('not_signed');
}

/** The trail: the president; entries about another member's grid only once the collection has closed. */
export function canReadAuditEntry(session: Session, evaluation: Evaluation, entry: Pick<AuditEntry, 'target'>, userId: string): Permission {
  const president = canActAsPresident(session, userId);
  if (president.type === 'deny') return president;
  const owner = gridOwnerOf(entry.target, evaluation.id);
  if (owner !== null && owner !== userId && !collectionHasClosed(evaluation)) return deny('collection_open');
  return ALLOW;
}

/** Grids and percentages are shown in a 1:1 chat only (Teams conversationType 'personal'). */
export function canShowGridIn(conversationType: string | undefined): Permission {
  return conversationType === 'personal' ? ALLOW : deny('group_conversation');
}
