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

/** Whether this person fills a grid for this evaluation: everyone on the jury, but a president who presides without scoring. */
export function scoresIn(session: Session, evaluation: Pick<Evaluation, 'presidentScores'>, userId: string): boolean {
  if (roleIn(session, userId) === 'none') return false;
  return userId !== session.president.id || evaluation.presidentScores !== false;
}

/** The jurors who score this evaluation, president first when they score. */
export function scorersOf(session: Session, evaluation: Pick<Evaluation, 'presidentScores'>): Person[] {
  return juryOf(session).filter((p) => scoresIn(session, evaluation, p.id));
}

/** The jurors whose grid the collection waits for: those who score, minus those the president left out. */
export function expectedMemberIds(session: Session, evaluation: Evaluation): string[] {
  return scorersOf(session, evaluation)
    .map((p) => p.id)
    .filter((id) => !evaluation.excludedMemberIds.includes(id));
}
