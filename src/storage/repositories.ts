import { createAuditRepository, type AuditRepository } from './audit-repository.js';
import {
  createConversationReferenceRepository,
  type ConversationReferenceRepository,
} from './conversation-reference-repository.js';
import { createEvaluationRepository, type EvaluationRepository } from './evaluation-repository.js';
import { createGridRepository, type GridRepository } from './grid-repository.js';
import { KeyedMutex } from './keyed-mutex.js';
import type { KeyValueStore } from './key-value-store.js';
import { MemoryStore } from './memory-store.js';
import { createOutboxRepository, type OutboxRepository } from './outbox-repository.js';
import { createProfileRepository, type ProfileRepository } from './profile-repository.js';
import { createRehearsalRepository, type RehearsalRepository } from './rehearsal-repository.js';
import { createSessionRepository, type SessionRepository } from './session-repository.js';
import { createSynthesisRepository, type SynthesisRepository } from './synthesis-repository.js';
import { createTimerRepository, type TimerRepository } from './timer-repository.js';
import { createUserStateRepository, type UserStateRepository } from './user-state-repository.js';

/** Every storage port the bot uses. */
export interface Repositories {
  sessions: SessionRepository;
  evaluations: EvaluationRepository;
  grids: GridRepository;
  syntheses: SynthesisRepository;
  profiles: ProfileRepository;
  conversationReferences: ConversationReferenceRepository;
  audit: AuditRepository;
  outbox: OutboxRepository;
  timers: TimerRepository;
  rehearsals: RehearsalRepository;
  userStates: UserStateRepository;
}

/**
 * The repositories over any KeyValueStore (a botbuilder Storage fits too).
 * Create one set per store per process: they share the in-process lock that
 * makes this process's read-decide-write one at a time per key.
 */
export function createRepositories(storage: KeyValueStore): Repositories {
  const context = { storage, locks: new KeyedMutex() };
  const syntheses = createSynthesisRepository(context);
  const audit = createAuditRepository(context);
  return {
    sessions: createSessionRepository(context),
    evaluations: createEvaluationRepository(context, { syntheses, audit }),
    grids: createGridRepository(context),
    syntheses,
    profiles: createProfileRepository(context),
    conversationReferences: createConversationReferenceRepository(context),
    audit,
    outbox: createOutboxRepository(context),
    timers: createTimerRepository(context),
    rehearsals: createRehearsalRepository(context),
    userStates: createUserStateRepository(context),
  };
}

/** The in-memory twin for tests: the same code over MemoryStore. */
export function createInMemoryRepositories(): Repositories {
  return createRepositories(new MemoryStore());
}
