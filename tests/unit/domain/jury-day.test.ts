import { describe, expect, it } from 'vitest';
import {
  afterSubmission,
  auditEntrySchema,
  canReadConsolidation,
  canReadGrid,
  consolidate,
  createEvaluation,
  createGrid,
  createSession,
  createSynthesis,
  decideJoin,
  endInterview,
  memberReportsFor,
  noticesDue,
  requestJoin,
  saveAgreement,
  saveRow,
  sign,
  startInterview,
  submitGrid,
  timeSpent,
  type AuditEntry,
  type Evaluation,
  type MemberGrid,
  type Person,
  type Session,
} from '../../../src/domain/index.js';
import { claire, ines, marc, minutesAfter, questionIdsOf, referential, seededRandom, T0, type RowValues } from './fixture.js';

/** JOURNEYS.md §1, through the public API: what the bot layer will chain. */
describe('a jury day: president + two jurors', () => {
  it('runs from the code to the signed synthesis, with the audit trail', () => {
    const trail: AuditEntry[] = [];
    let n = 0;
    const ctx = (actor: Person, minutes: number) => ({ actorId: actor.id, now: minutesAfter(minutes), newId: () => `a-${++n}` });
    const must = <T extends { type: string }, K extends T['type']>(result: T, type: K): Extract<T, { type: K }> => {
      if (result.type !== type) throw new Error(`expected ${type}, got ${JSON.stringify(result)}`);
      const withAudit = result as unknown as { audit?: AuditEntry[] };
      if (withAudit.audit) trail.push(...withAudit.audit);
      return result as Extract<T, { type: K }>;
    };

    // Morning: Claire creates the day and Léa's evaluation; the code goes to Marc and Inès.
    let session: Session = must(
      createSession(
        { id: 'session-1', tenantId: 'tenant-a', referentialId: referential.id, date: '2026-11-28', mode: 'jury', president: claire },
        { ...ctx(claire, -60), random: seededRandom(99) },
      ),
      'created',
    ).session;
    const created = must(createEvaluation(session, { id: 'evaluation-1', header: { candidateLastName: 'Dupont', candidateFirstName: 'Léa', company: 'Laiterie du Val' } }, ctx(claire, -59)), 'created');
    session = created.session;
    let evaluation: Evaluation = created.evaluation;
    const code = session.code as string;
    for (const person of [marc, ines]) {
      session = must(requestJoin(session, { person, code: code.toLowerCase(), tenantId: 'tenant-a' }, ctx(person, -30)), 'requested').session;
      session = must(decideJoin(session, { personId: person.id, decision: 'accept' }, { ...ctx(claire, -29), referential }), 'decided').session;
    }
    expect(session.members.map((m) => m.id)).toEqual([marc.id, ines.id]);

    // Claire starts the interview; notices at 35 and 45 minutes.
    evaluation = must(startInterview(evaluation, session, ctx(claire, 0)), 'changed').evaluation;
    expect(noticesDue(evaluation, referential).map((x) => x.dueAt)).toEqual([minutesAfter(35).toISOString(), minutesAfter(45).toISOString()]);

    // Each juror takes notes; Marc ticks a GPA question.
    const grids = new Map<string, MemberGrid>();
    for (const person of [claire, marc, ines]) grids.set(person.id, must(createGrid(evaluation, session, person.id, referential, T0), 'created').grid);
    const evalCtx = (person: Person, minutes: number) => ({ ...ctx(person, minutes), referential, session, evaluation });
    const marcGrid = grids.get(marc.id) as MemberGrid;
    grids.set(marc.id, must(saveRow(marcGrid, { rowId: 'gpa', rev: 0, notes: 'Argumente sur le taux de couverture.', questionsUsed: questionIdsOf('gpa').slice(0, 1) }, evalCtx(marc, 20)), 'saved').grid);

    // Nobody reads anyone else's grid while the collection is open.
    expect(canReadGrid(session, evaluation, grids.get(marc.id) as MemberGrid, claire.id)).toEqual({ type: 'deny', reason: 'collection_open' });

    // Claire ends the interview at 43 minutes.
    evaluation = must(endInterview(evaluation, session, ctx(claire, 43)), 'changed').evaluation;
    expect(timeSpent(evaluation, minutesAfter(200))).toBe(43);

    // Scoring and submission: domain 1 Marc 75, Inès 45, Claire 60.
    const scores: Record<string, RowValues> = {
      [marc.id]: { delais: 75, litige: 75, gpa: 75, 'prise-de-commande': 60, 'organisation-prise-de-poste': 60, 'erreur-interne': 60, 'gestion-litiges': 60 },
      [ines.id]: { delais: 45, litige: 45, gpa: 45, 'prise-de-commande': 55, 'organisation-prise-de-poste': 50, 'erreur-interne': 50, 'gestion-litiges': 50 },
      [claire.id]: { delais: 60, litige: 60, gpa: 60, 'prise-de-commande': 60, 'organisation-prise-de-poste': 'non abordé', 'erreur-interne': 55, 'gestion-litiges': 55 },
    };
    const submitted: string[] = [];
    for (const [i, person] of [marc, ines, claire].entries()) {
      let grid = grids.get(person.id) as MemberGrid;
      for (const [rowId, value] of Object.entries(scores[person.id] as RowValues)) {
        const input = typeof value === 'number' ? { percentage: value } : { notEvaluatedReason: value as string };
        grid = must(saveRow(grid, { rowId, rev: grid.rev, ...input }, { ...evalCtx(person, 50 + i), evaluation }), 'saved').grid;
      }
      grid = must(submitGrid(grid, { rev: grid.rev, comments: { 'relation-client': `Avis de ${person.name}` } }, { ...evalCtx(person, 55 + i), evaluation }), 'submitted').grid;
      grids.set(person.id, grid);
      submitted.push(person.id);
      const after = afterSubmission(evaluation, session, submitted, ctx(person, 55 + i));
      if (after.type === 'changed') {
        trail.push(...after.audit);
        evaluation = after.evaluation;
      }
      expect(evaluation.state).toBe(i < 2 ? 'interview_ended' : 'collection_closed');
    }

    // The last grid is in: Claire gets the consolidation; domain 1 is flagged.
    expect(canReadConsolidation(session, evaluation, claire.id)).toEqual({ type: 'allow' });
    expect(canReadGrid(session, evaluation, grids.get(marc.id) as MemberGrid, ines.id)).toEqual({ type: 'deny', reason: 'not_own_grid' });
    const consolidation = consolidate(referential, memberReportsFor(session, evaluation, [...grids.values()]));
    expect(consolidation.map((d) => [d.domainId, d.proposal, d.spread, d.divergent])).toEqual([
      ['relation-client', 60, 30, true],
      ['produits-offres', 58, 5, false], // (60 + 55 + 60) / 3 = 58.3
      ['outil-organisation', 55, 10, false], // 60, 50, 55
    ]);
    expect(consolidation[0]?.comments.map((c) => c.memberId)).toEqual([claire.id, marc.id, ines.id]);

    // They agree on 60; Claire writes the comment and signs.
    let synthesis = must(createSynthesis(evaluation, consolidation, ctx(claire, 60)), 'created').synthesis;
    const saved = must(
      saveAgreement(synthesis, { rev: synthesis.rev, domains: {}, comment: 'Bonne relation client, à consolider sur l’organisation.' }, { ...evalCtx(claire, 62), evaluation }),
      'saved',
    );
    synthesis = saved.synthesis;
    evaluation = saved.evaluation;
    expect(evaluation.state).toBe('consolidated');
    const signed = must(sign(synthesis, { rev: synthesis.rev }, { ...evalCtx(claire, 65), evaluation }), 'signed');
    expect(signed.evaluation.state).toBe('signed');
    expect(signed.synthesis.signed?.members.map((m) => m.id)).toEqual([claire.id, marc.id, ines.id]);

    // Every change left a valid audit entry, in the evaluation's or the day's trail.
    trail.forEach((entry) => auditEntrySchema.parse(entry));
    expect(new Set(trail.map((e) => e.id)).size).toBe(trail.length);
    expect(trail.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'session.create',
        'evaluation.create',
        'session.join_request',
        'session.join_accept',
        'evaluation.start',
        'grid.row_save',
        'evaluation.end',
        'grid.submit',
        'evaluation.collection_close',
        'synthesis.create',
        'synthesis.save',
        'evaluation.consolidate',
        'synthesis.sign',
        'evaluation.sign',
      ]),
    );

    // Afternoon: a second candidate with the same jury and no new code.
    const second = must(createEvaluation(session, { id: 'evaluation-2', header: { candidateLastName: 'Morel', candidateFirstName: 'Hugo', company: 'Fromagerie' } }, ctx(claire, 240)), 'created');
    expect(second.session.code).toBe(code);
    expect(second.session.evaluationIds).toEqual(['evaluation-1', 'evaluation-2']);
  });
});
