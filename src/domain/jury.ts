import type { Evaluation, Person, Session } from './model.js';

export type Role = 'president' | 'member' | 'none';

/** The person's role on this jury day: the president (the professional, in professional mode), an admitted member, or none. */
export function roleIn(session: Session, userId: string): Role {
  if (session.president.id === userId) return 'president';
  return session.members.some((m) => m.id === userId) ? 'member' : 'none';
}

/** Everyone on the jury, president first; each fills their own grid. */
export function juryOf(session: Session): Person[] {
  return [session.president, ...session.members].map(({ id, name, function: fn }) => ({ id, name, function: fn }));
}

/** The jurors whose grid the collection waits for: the jury minus those the president left out. */
export function expectedMemberIds(session: Session, evaluation: Evaluation): string[] {
  return juryOf(session)
    .map((p) => p.id)
    .filter((id) => !evaluation.excludedMemberIds.includes(id));
}
