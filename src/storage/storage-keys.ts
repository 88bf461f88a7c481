/**
 * Every storage key in one place. Each id is URI-encoded so that an id holding
 * `/` can never make two keys collide (Web Chat ids are self-declared).
 */
const id = (value: string): string => encodeURIComponent(value);

export const storageKeys = {
  session: (sessionId: string) => `session/${id(sessionId)}`,
  sessionByCode: (tenantId: string, code: string) => `session-code/${id(tenantId)}/${id(normaliseCode(code))}`,
  sessionsByPresidentOnDate: (tenantId: string, presidentId: string, date: string) =>
    `sessions-by-president/${id(tenantId)}/${id(presidentId)}/${id(date)}`,
  sessionsOfMember: (userId: string) => `sessions-of/${id(userId)}`,
  evaluation: (evaluationId: string) => `evaluation/${id(evaluationId)}`,
  grid: (evaluationId: string, memberId: string) => `grid/${id(evaluationId)}/${id(memberId)}`,
  synthesis: (evaluationId: string) => `synthesis/${id(evaluationId)}`,
  profile: (userId: string) => `profile/${id(userId)}`,
  conversationReference: (userId: string) => `conversation-reference/${id(userId)}`,
  /** Before audit chunks: one entry's partition. Still read. */
  auditEntry: (scopeId: string, entryId: string) => `audit/${id(scopeId)}/${id(entryId)}`,
  auditChunk: (scopeId: string, chunk: number) => `audit-chunk/${id(scopeId)}/${chunk}`,
  auditHead: (scopeId: string) => `audit-head/${id(scopeId)}`,
  /** Before audit chunks: one partition per entry, listed by this index. Still read. */
  auditTrail: (scopeId: string) => `audit-trail/${id(scopeId)}`,
  outboxMessage: (messageKey: string) => `outbox/${id(messageKey)}`,
  outboxPending: () => 'outbox-pending',
  timer: (timerId: string) => `timer/${id(timerId)}`,
  timersPending: () => 'timers-pending',
  rehearsal: (rehearsalId: string) => `rehearsal/${id(rehearsalId)}`,
  rehearsalsOfUser: (userId: string) => `rehearsals-of/${id(userId)}`,
  userState: (userId: string) => `user-state/${id(userId)}`,
};

/** Joining codes are typed by people: case and surrounding spaces do not count. */
export function normaliseCode(code: string): string {
  return code.trim().toUpperCase();
}
