import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { referentialSchema, type Referential } from '../../../src/referential/schema.js';
import type { Evaluation, EvaluationState, MemberGrid, Mode, Person, RowEntry, Session } from '../../../src/domain/model.js';
import type { EvaluationContext, OperationContext } from '../../../src/domain/operation-context.js';
import { rowEntrySchema } from '../../../src/domain/model.js';

/**
 * The referential the domain tests run on: the real data/referentiels/cqp-agc.json when it
 * exists (it must then parse), else a small inline one of the same shape (same domain and
 * row ids, same bands). Tests take question and line ids from it, never hard-code them.
 */
const referentialPath = fileURLToPath(new URL('../../../data/referentiels/cqp-agc.json', import.meta.url));

export const referentialSource: 'file' | 'inline' = existsSync(referentialPath) ? 'file' : 'inline';

export const referential: Referential =
  referentialSource === 'file' ? referentialSchema.parse(JSON.parse(readFileSync(referentialPath, 'utf8'))) : inlineReferential();

function inlineReferential(): Referential {
  const bands = [
    { from: 0, to: 30 },
    { from: 30, to: 50 },
    { from: 50, to: 70 },
    { from: 70, to: 100 },
  ];
  const scale = (id: 'workstation' | 'questions') => ({
    id,
    title: `Échelle ${id}`,
    descriptors: bands.map((band, i) => ({ id: `${id}-${i + 1}`, text: `Repère ${i + 1}`, band })),
  });
  const row = (id: string, questions: string[], rolePlays: number[]) => ({
    id,
    title: id,
    workstation: id,
    questions: questions.map((q) => ({ id: q, text: `Question ${q} ?` })),
    rolePlays,
  });
  const sheet = (number: number) => ({
    number,
    id: `fiche-${number}`,
    title: `Fiche ${number}`,
    roles: { candidate: 'Assistant(e) de gestion clientèle', jury: 'Client' },
    context: ['Contexte.'],
    opener: 'candidate',
    lines: [
      { id: `relance-${number}-a`, type: 'relaunch', text: 'Relance A', fromSheet: true },
      { id: `relance-${number}-b`, type: 'relaunch', text: 'Relance B', fromSheet: true },
    ],
    successCriteria: [{ id: 'critere', text: 'Critère', hint: 'Indice' }],
  });
  return referentialSchema.parse({
    schemaVersion: 1,
    id: 'cqp-agc',
    name: 'CQP Assistant(e) de Gestion Client',
    guideTitle: 'Guide',
    audience: 'Jury',
    intro: 'Intro',
    objectives: { paragraphs: ['Objectif'], capacitiesIntro: 'Capacités :', capacities: ['capacité'] },
    interview: {
      durationMinutes: 45,
      noticesAtMinutes: [35, 45],
      maxPeopleAtWorkstation: 3,
      maxPeopleAdvice: "il est conseillé de ne pas réunir plus de 3 personnes dans le jury pendant l'observation au poste.",
      steps: [{ id: 'expliquer', text: 'Expliquer' }],
    },
    procedure: { before: ['avant'], during: ['pendant'], after: ['après'] },
    principles: ['équité'],
    presidentNote: 'président',
    headerFields: { individual: [{ id: 'date', label: 'Date' }], synthesis: [{ id: 'date', label: 'Date' }] },
    grids: { observation: 'o', individualReport: 'r', synthesis: 's', synthesisAudience: 'a', comment: 'c', signature: 'sig' },
    scales: { title: 'Échelles', marks: [0, 30, 50, 70, 100], interpretation: 'bandes', list: [scale('workstation'), scale('questions')] },
    domains: [
      {
        id: 'relation-client',
        title: 'RELATION CLIENT / ARGUMENTATION',
        rows: [row('delais', [], [1]), row('litige', [], [2]), row('gpa', ['gpa-q1', 'gpa-q2', 'gpa-q3'], [3])],
      },
      { id: 'produits-offres', title: 'PRODUITS / OFFRES COMMERCIALES', rows: [row('prise-de-commande', ['pdc-q1'], [])] },
      {
        id: 'outil-organisation',
        title: 'OUTIL / ORGANISATION DU TRAVAIL',
        rows: [
          row('organisation-prise-de-poste', ['org-q1'], []),
          row('erreur-interne', ['err-q1'], []),
          row('gestion-litiges', ['lit-q1'], []),
        ],
      },
    ],
    rolePlays: [sheet(1), sheet(2), sheet(3)],
  });
}

export const DOMAINS = ['relation-client', 'produits-offres', 'outil-organisation'] as const;
export const ROWS = ['delais', 'litige', 'gpa', 'prise-de-commande', 'organisation-prise-de-poste', 'erreur-interne', 'gestion-litiges'] as const;

export function rowOf(rowId: string) {
  const row = referential.domains.flatMap((d) => d.rows).find((r) => r.id === rowId);
  if (!row) throw new Error(`fixture: no row ${rowId}`);
  return row;
}

export function questionIdsOf(rowId: string): string[] {
  return rowOf(rowId).questions.map((q) => q.id);
}

export function lineIdsOf(rowId: string): string[] {
  const numbers = rowOf(rowId).rolePlays;
  return referential.rolePlays.filter((s) => numbers.includes(s.number)).flatMap((s) => s.lines.map((l) => l.id));
}

export const claire: Person = { id: 'aad-claire', name: 'Claire Martin', function: 'Responsable ADV' };
export const marc: Person = { id: 'aad-marc', name: 'Marc Petit', function: 'Commercial' };
export const ines: Person = { id: 'aad-ines', name: 'Inès Roux', function: 'Formatrice' };
export const paul: Person = { id: 'aad-paul', name: 'Paul Leroy', function: 'Professionnel' };
export const lea: Person = { id: 'aad-lea', name: 'Léa Dupont', function: 'Candidate' };
export const stranger: Person = { id: 'aad-stranger', name: 'Sam Inconnu', function: 'Curieux' };

export const T0 = new Date('2026-11-28T09:00:00.000Z');
export const minutesAfter = (minutes: number, from: Date = T0) => new Date(from.getTime() + minutes * 60_000);

/** Deterministic ids for audit entries. */
export function idMaker(prefix = 'audit'): () => string {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

/** A seeded uniform random source in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A jury day with Claire presiding; `members` are admitted. */
export function makeSession(over: { mode?: Mode; members?: Person[]; president?: Person; code?: string | null } = {}): Session {
  const mode = over.mode ?? 'jury';
  return {
    schemaVersion: 1,
    id: 'session-1',
    tenantId: 'tenant-a',
    referentialId: 'cqp-agc',
    date: '2026-11-28',
    mode,
    president: over.president ?? (mode === 'professional' ? paul : claire),
    code: over.code === undefined ? (mode === 'jury' ? 'K7QF-2M9X' : null) : over.code,
    members: (over.members ?? (mode === 'jury' ? [marc, ines] : [])).map((p) => ({ ...p, joinedAt: T0.toISOString() })),
    joinRequests: [],
    evaluationIds: ['evaluation-1'],
    createdAt: T0.toISOString(),
  };
}

export function makeEvaluation(state: EvaluationState = 'draft', over: Partial<Evaluation> = {}): Evaluation {
  return {
    schemaVersion: 1,
    id: 'evaluation-1',
    sessionId: 'session-1',
    tenantId: 'tenant-a',
    referentialId: 'cqp-agc',
    mode: 'jury',
    header: { date: '2026-11-28', candidateLastName: 'Dupont', candidateFirstName: 'Léa', company: 'Laiterie du Val' },
    state,
    rev: 0,
    excludedMemberIds: [],
    createdAt: T0.toISOString(),
    ...(state === 'draft' ? {} : { startedAt: T0.toISOString() }),
    ...over,
  };
}

export function opCtx(actor: Person | string, now: Date = minutesAfter(50)): OperationContext {
  return { actorId: typeof actor === 'string' ? actor : actor.id, now, newId: idMaker() };
}

export function evalCtx(
  actor: Person | string,
  evaluation: Evaluation,
  session: Session = makeSession({ mode: evaluation.mode }),
  now: Date = minutesAfter(50),
): EvaluationContext {
  return { ...opCtx(actor, now), referential, session, evaluation };
}

export type RowValues = Partial<Record<(typeof ROWS)[number], number | string | null>>;

/**
 * A grid whose rows hold the given values: a number is a percentage, a string a
 * *non évalué* reason, null or absent nothing.
 */
export function makeGrid(memberId: string, values: RowValues = {}, over: Partial<MemberGrid> = {}): MemberGrid {
  const rows: Record<string, RowEntry> = {};
  for (const rowId of ROWS) {
    const value = values[rowId];
    rows[rowId] = rowEntrySchema.parse({
      percentage: typeof value === 'number' ? value : null,
      notEvaluatedReason: typeof value === 'string' ? value : null,
    });
  }
  return {
    schemaVersion: 1,
    evaluationId: 'evaluation-1',
    memberId,
    rev: 0,
    state: 'open',
    rows,
    domainComments: {},
    reopenings: [],
    updatedAt: T0.toISOString(),
    ...over,
  };
}

/** Every row scored with the same percentage. */
export function fullValues(percentage: number): RowValues {
  return Object.fromEntries(ROWS.map((id) => [id, percentage])) as RowValues;
}
