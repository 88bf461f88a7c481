import type { ReportView } from '../../../cards/evaluation/views.js';
import { formatScore, reportDomains, rowStatus, type MemberGrid, type Person } from '../../../domain/index.js';
import { formatDate, formatTime, scoreWords } from '../../format.js';
import { headerView, personLine } from './frame-view.js';
import type { ViewContext } from './view-context.js';
import type { EvaluationScope } from './scope.js';

/** Report cards show this much of a row's notes, with "Voir les notes" for the rest. */
export const NOTES_EXCERPT = 300;

export function reportView(turn: ViewContext, scope: EvaluationScope, grid: MemberGrid, me: Person, notice?: string): ReportView {
  const { referential } = scope;
  const reports = reportDomains(grid, referential);
  const tz = turn.timezone;
  return {
    locale: turn.locale,
    alone: scope.session.mode === 'professional',
    evaluationId: scope.evaluation.id,
    rev: grid.rev,
    header: headerView(scope, personLine(me)),
    domains: referential.domains.map((domain) => {
      const report = reports.find((r) => r.domainId === domain.id);
      return {
        id: domain.id,
        title: domain.title,
        rows: domain.rows.map((row) => {
          const entry = grid.rows[row.id];
          const notes = entry?.notes ?? '';
          const cut = notes.length > NOTES_EXCERPT;
          return {
            rowId: row.id,
            title: row.title,
            value: formatScore(entry, scoreWords(turn.t, turn.t('evaluation.report.missing'))),
            status: rowStatus(entry),
            notesExcerpt: cut ? `${notes.slice(0, NOTES_EXCERPT)}…` : notes,
            notesCut: cut,
          };
        }),
        reported: formatScore({ percentage: report?.value ?? null }, scoreWords(turn.t, turn.t('evaluation.report.domainNotEvaluated'))),
        comment: grid.domainComments[domain.id] ?? '',
      };
    }),
    submitted: grid.state === 'submitted',
    ...(grid.submittedAt
      ? { submittedAt: turn.t('evaluation.report.submittedAt', { date: formatDate(grid.submittedAt, tz), time: formatTime(grid.submittedAt, tz) }) }
      : {}),
    ...(notice ? { notice } : {}),
  };
}
