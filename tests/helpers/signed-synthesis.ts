import type { Evaluation, Session, SignedVersion, Synthesis } from '../../src/domain/model.js';

/**
 * A realistic signed synthesis (three-member jury, « », œ, accents, a 2,000-character
 * comment) for the PDF tests: records as storage holds them.
 */

/** Real ids are long (Teams aadObjectId, randomUUID): tokens naming two of them run past 150 characters. */
export const EVALUATION_ID = '3f6c1a52-9d0e-4b7a-8c21-5e4f7a9b0c13';
export const UNSIGNED_EVALUATION_ID = '8a2d4e6f-1b3c-4d5e-9f70-a1b2c3d4e5f6';

export const president = { id: '5b0e7c1d-2f3a-4e5b-8c6d-7e8f9a0b1c2d', name: 'Claire Martin', function: 'Présidente du jury, responsable d’agence' };
export const members = [
  { id: '29:1xYzAbCdEfGhIjKlMnOpQrStUvWxYz0123456789-AbCdEfGhIjKlMnOpQrStUvWx', name: 'Marc Petit', function: 'Commercial sédentaire' },
  { id: 'c4d5e6f7-a8b9-4c0d-9e1f-2a3b4c5d6e7f', name: 'Inès Roy', function: 'Formatrice « relation client »' },
];
export const outsider = { id: 'd9e8f7a6-b5c4-4d3e-8f2a-1b0c9d8e7f6a', name: 'Zoé Blanc', function: 'Candidate' };

export const COMMENT_START = 'Début du commentaire : Mme Œuvray a mené « l’appel du client » avec aisance';
export const COMMENT_END = 'fin du commentaire unifié, à relire en cœur de réunion.';

/** Exactly `length` characters: a start, paragraphs of realistic French, an end. */
export function longComment(length = 2000): string {
  const paragraph =
    '\nLe cœur de l’échange était structuré : reformulation, proposition d’un produit de remplacement, ' +
    'suivi écrit promis sous 48\u00a0heures. Les objections « c’est moi le client » ont été traitées sans ' +
    'agacement, avec des arguments chiffrés sur le taux de service (95\u202f%).';
  let body = `${COMMENT_START}.`;
  while (body.length + paragraph.length + COMMENT_END.length + 2 < length) body += paragraph;
  const room = length - body.length - COMMENT_END.length - 2;
  body += `\n${' Posture professionnelle et écoute active.'.repeat(20).slice(1, room + 1)} `;
  return body + COMMENT_END;
}

export const signedAt = '2026-11-28T13:05:00.000Z'; // 14 h 05 in Paris

export function sessionRecord(over: Partial<Session> = {}): Session {
  return {
    schemaVersion: 1,
    id: 'session-pdf',
    tenantId: 'tenant-a',
    referentialId: 'cqp-agc',
    date: '2026-11-28',
    mode: 'jury',
    president,
    code: null,
    members: members.map((m) => ({ ...m, joinedAt: '2026-11-28T08:00:00.000Z' })),
    joinRequests: [],
    evaluationIds: [EVALUATION_ID, UNSIGNED_EVALUATION_ID],
    createdAt: '2026-11-28T07:55:00.000Z',
    ...over,
  };
}

export function evaluationRecord(over: Partial<Evaluation> = {}): Evaluation {
  return {
    schemaVersion: 1,
    id: EVALUATION_ID,
    sessionId: 'session-pdf',
    tenantId: 'tenant-a',
    referentialId: 'cqp-agc',
    mode: 'jury',
    header: { date: '2026-11-28', candidateLastName: 'Œuvray-Dupré', candidateFirstName: 'Léa', company: 'Coopérative « Les Vergers »' },
    state: 'signed',
    startedAt: '2026-11-28T09:00:00.000Z',
    endedAt: '2026-11-28T09:44:00.000Z',
    rev: 0,
    excludedMemberIds: [],
    createdAt: '2026-11-28T08:00:00.000Z',
    ...over,
  };
}

export function signedVersion(over: Partial<SignedVersion> = {}): SignedVersion {
  return {
    domains: {
      'relation-client': { percentage: 60, notEvaluatedReason: null },
      'produits-offres': { percentage: 75, notEvaluatedReason: null },
      'outil-organisation': { percentage: 45, notEvaluatedReason: null },
    },
    comment: longComment(),
    signedBy: president,
    signedAt,
    members: [president, ...members],
    ...over,
  };
}

export function synthesisRecord(over: Partial<Synthesis> = {}): Synthesis {
  const signed = signedVersion();
  return {
    schemaVersion: 1,
    evaluationId: EVALUATION_ID,
    rev: 7,
    domains: signed.domains,
    comment: signed.comment,
    signed,
    replaced: [],
    updatedAt: signedAt,
    ...over,
  };
}
