import type {
  AuditEntry,
  Evaluation,
  MemberGrid,
  OutboxMessage,
  Profile,
  Rehearsal,
  Session,
  Synthesis,
  Timer,
  UserState,
} from '../../src/domain/model.js';

/** Small valid records for storage tests; each takes overrides. */
const at = '2026-11-28T09:00:00.000Z';

export const sampleSession = (over: Partial<Session> = {}): Session => ({
  schemaVersion: 1,
  id: 'session-1',
  tenantId: 'tenant-a',
  referentialId: 'cqp-agc',
  date: '2026-11-28',
  mode: 'jury',
  president: { id: 'president', name: 'Claire Martin', function: 'Responsable' },
  code: 'K7Q2-MX9P',
  members: [],
  joinRequests: [],
  evaluationIds: [],
  createdAt: at,
  ...over,
});

export const sampleEvaluation = (over: Partial<Evaluation> = {}): Evaluation => ({
  schemaVersion: 1,
  id: 'evaluation-1',
  sessionId: 'session-1',
  tenantId: 'tenant-a',
  referentialId: 'cqp-agc',
  mode: 'jury',
  header: { date: '2026-11-28', candidateLastName: 'Durand', candidateFirstName: 'Léa', company: 'Acme' },
  state: 'draft',
  rev: 0,
  excludedMemberIds: [],
  createdAt: at,
  ...over,
});

export const sampleGrid = (over: Partial<MemberGrid> = {}): MemberGrid => ({
  schemaVersion: 1,
  evaluationId: 'evaluation-1',
  memberId: 'juror-1',
  rev: 1,
  state: 'open',
  rows: {},
  domainComments: {},
  reopenings: [],
  updatedAt: at,
  ...over,
});

export const sampleSynthesis = (over: Partial<Synthesis> = {}): Synthesis => ({
  schemaVersion: 1,
  evaluationId: 'evaluation-1',
  rev: 1,
  domains: {},
  comment: '',
  replaced: [],
  updatedAt: at,
  ...over,
});

export const sampleProfile = (over: Partial<Profile> = {}): Profile => ({
  schemaVersion: 1,
  userId: 'juror-1',
  name: 'Paul Leroy',
  function: 'Formateur',
  updatedAt: at,
  ...over,
});

export const sampleAuditEntry = (over: Partial<AuditEntry> = {}): AuditEntry => ({
  schemaVersion: 1,
  id: 'audit-1',
  scopeId: 'evaluation-1',
  at,
  by: 'president',
  action: 'header.update',
  target: 'evaluation-1',
  before: { company: 'Acme' },
  after: { company: 'Acme SA' },
  ...over,
});

export const sampleOutboxMessage = (over: Partial<OutboxMessage> = {}): OutboxMessage => ({
  schemaVersion: 1,
  key: 'synthesis/evaluation-1/juror-1/1',
  userId: 'juror-1',
  activity: { type: 'message', text: 'Synthèse signée' },
  createdAt: at,
  attempts: 0,
  nextAttemptAt: at,
  ...over,
});

export const sampleTimer = (over: Partial<Timer> = {}): Timer => ({
  schemaVersion: 1,
  id: 'evaluation-1/35',
  kind: 'interview.35',
  evaluationId: 'evaluation-1',
  dueAt: '2026-11-28T09:35:00.000Z',
  payload: {},
  ...over,
});

export const sampleRehearsal = (over: Partial<Rehearsal> = {}): Rehearsal => ({
  schemaVersion: 1,
  id: 'rehearsal-1',
  userId: 'candidate-1',
  referentialId: 'cqp-agc',
  sheet: 1,
  mode: 'ordered',
  rev: 1,
  state: 'playing',
  cursor: {},
  transcript: [],
  selfAssessment: {},
  selfRating: null,
  hintsUsed: 0,
  startedAt: at,
  ...over,
});

export const sampleUserState = (over: Partial<UserState> = {}): UserState => ({
  schemaVersion: 1,
  userId: 'juror-1',
  flow: 'scoring',
  evaluationId: 'evaluation-1',
  rowId: 'delais',
  updatedAt: at,
  ...over,
});
