import type { FrameView, HeaderView } from '../../../cards/evaluation/views.js';
import { juryOf, timeSpent, type Person } from '../../../domain/index.js';
import type { Referential, Row } from '../../../referential/schema.js';
import { formatDay } from '../../format.js';
import type { EvaluationScope } from './scope.js';
import type { ViewContext } from './view-context.js';

/** The frame card's view, and the pieces of it other views share: header, candidate, clock, the rows' places. */

export interface RowPlace {
  row: Row;
  domainTitle: string;
  domainIndex: number;
  rowIndex: number;
  rowCount: number;
  domainCount: number;
}

/** Rows in the guide's order, with where each stands ("Domaine 1/3 · Ligne 2/7"). */
export function rowPlaces(referential: Referential): RowPlace[] {
  const rowCount = referential.domains.reduce((sum, d) => sum + d.rows.length, 0);
  let rowIndex = 0;
  return referential.domains.flatMap((domain, domainIndex) =>
    domain.rows.map((row) => ({ row, domainTitle: domain.title, domainIndex, rowIndex: rowIndex++, rowCount, domainCount: referential.domains.length })),
  );
}

export function candidateName(scope: EvaluationScope): string {
  return `${scope.evaluation.header.candidateFirstName} ${scope.evaluation.header.candidateLastName}`;
}

export function personLine(person: Person): string {
  return `${person.name}, ${person.function}`;
}

export function headerView(scope: EvaluationScope, people: string): HeaderView {
  const { header } = scope.evaluation;
  return {
    date: formatDay(header.date),
    candidate: `${header.candidateLastName} ${header.candidateFirstName}`,
    company: header.company,
    people,
  };
}

/** "Entretien non commencé", "Entretien en cours : 12 min / 45", "Entretien terminé : 43 min". */
export function clockLine(turn: ViewContext, scope: EvaluationScope): string {
  const { evaluation, referential } = scope;
  const spent = timeSpent(evaluation, turn.now);
  const limit = referential.interview.durationMinutes;
  if (evaluation.state === 'cancelled') return turn.t('evaluation.clock.cancelled');
  if (spent === null) return turn.t('evaluation.clock.notStarted', { limit });
  if (!evaluation.endedAt) return turn.t('evaluation.clock.running', { spent, limit });
  return turn.t('evaluation.clock.ended', { spent, limit });
}

export function frameView(turn: ViewContext, scope: EvaluationScope, hasSubmitted: boolean): FrameView {
  const { evaluation, session, referential, role } = scope;
  const jury = juryOf(session);
  const state = evaluation.state;
  const president = role === 'president';
  const scores = president ? evaluation.presidentScores !== false : true;
  const open = scores && !hasSubmitted && (state === 'draft' || state === 'in_progress' || state === 'interview_ended');
  const ended = state !== 'draft' && (Boolean(evaluation.endedAt) || state === 'interview_ended');
  return {
    locale: turn.locale,
    alone: session.mode === 'professional',
    evaluationId: evaluation.id,
    header: headerView(scope, jury.map(personLine).join(' ; ')),
    jury: jury.map((person, i) =>
      i === 0
        ? turn.t(
            session.mode === 'professional' ? 'evaluation.jury.professional' : evaluation.presidentScores === false ? 'evaluation.jury.presidentNotScoring' : 'evaluation.jury.president',
            { name: person.name, function: person.function },
          )
        : turn.t('evaluation.jury.member', { name: person.name, function: person.function }),
    ),
    ...(jury.length > referential.interview.maxPeopleAtWorkstation ? { workstationAdvice: referential.interview.maxPeopleAdvice } : {}),
    objectives: {
      paragraphs: referential.objectives.paragraphs,
      capacitiesIntro: referential.objectives.capacitiesIntro,
      capacities: referential.objectives.capacities,
    },
    steps: referential.interview.steps.map((step) => step.text),
    principles: referential.principles,
    clock: clockLine(turn, scope),
    actions: {
      start: president && state === 'draft',
      notes: open && !ended,
      end: president && state === 'in_progress' && !evaluation.endedAt,
      scoring: open && ended,
      report: scores && state !== 'cancelled',
    },
  };
}
