import type { ConsolidationView, SignPreviewView, SynthesisView } from '../../../cards/president/views.js';
import {
  formatPercent,
  formatScore,
  juryOf,
  scorersOf,
  type DomainAgreement,
  type DomainConsolidation,
  type Person,
  type SignedVersion,
  type Synthesis,
} from '../../../domain/index.js';
import { formatDate, formatTime, scoreWords } from '../../format.js';
import { headerView, rowPlaces } from '../evaluation/frame-view.js';
import type { ViewContext } from '../evaluation/view-context.js';
import type { EvaluationScope } from '../evaluation/scope.js';

/** "57,3 %": a mean keeps one decimal, French style. */
function formatMean(value: number | null): string {
  if (value === null) return '—';
  return `${(Math.round(value * 10) / 10).toFixed(1).replace('.', ',')}\u00a0%`;
}

function personName(people: readonly Person[], id: string): string {
  return people.find((p) => p.id === id)?.name ?? id;
}

/** French counts 0 and 1 in the singular ("0 point"), English only 1. */
function singularPoints(view: ViewContext, value: number): boolean {
  return value === 1 || (value === 0 && view.locale === 'fr');
}

export function agreementText(view: ViewContext, agreement: DomainAgreement | undefined): string {
  return formatScore(agreement, scoreWords(view.t, '—'));
}

/** A sentence as written, closed by a full stop when it ends without punctuation. */
function closedSentence(text: string): string {
  return /[.!?…»)]$/u.test(text) ? text : `${text}.`;
}

/**
 * The members' per-domain comments, gathered as material for the president's one comment.
 * A lone professional wrote them all: their own words, in the guide's order, make one paragraph.
 */
export function commentMaterial(scope: EvaluationScope, consolidation: readonly DomainConsolidation[]): string {
  if (scope.session.mode === 'professional') {
    return consolidation.flatMap((domain) => domain.comments.map((c) => closedSentence(c.comment.replace(/\s*\n+\s*/g, ' ')))).join(' ');
  }
  const people = juryOf(scope.session);
  return consolidation
    .flatMap((domain) => {
      const title = scope.referential.domains.find((d) => d.id === domain.domainId)?.title ?? domain.domainId;
      return domain.comments.map((c) => `${title} — ${personName(people, c.memberId)} : ${c.comment}`);
    })
    .join('\n');
}

export function consolidationView(
  view: ViewContext,
  scope: EvaluationScope,
  synthesis: Synthesis,
  consolidation: readonly DomainConsolidation[],
  threshold: number,
  notice?: string,
): ConsolidationView {
  const people = juryOf(scope.session);
  const excluded = scope.evaluation.excludedMemberIds;
  const places = rowPlaces(scope.referential);
  const members = people.filter((p) => !excluded.includes(p.id));
  // The grids consolidated: the scorers' (a president who presides without scoring has none).
  const scorers = scorersOf(scope.session, scope.evaluation).filter((p) => !excluded.includes(p.id));
  return {
    locale: view.locale,
    alone: scope.session.mode === 'professional',
    evaluationId: scope.evaluation.id,
    rev: synthesis.rev,
    header: headerView(scope, members.map((p) => `${p.name}, ${p.function}`).join(' ; ')),
    members: scorers.map((p) => `${p.name} (${p.function})`),
    excluded: people.filter((p) => excluded.includes(p.id)).map((p) => `${p.name} (${p.function})`),
    threshold,
    domains: consolidation.map((domain) => {
      const agreement = synthesis.domains[domain.domainId];
      return {
        id: domain.domainId,
        title: scope.referential.domains.find((d) => d.id === domain.domainId)?.title ?? domain.domainId,
        values: domain.values.map((v) => ({
          member: personName(people, v.memberId),
          value: formatScore({ percentage: v.value }, scoreWords(view.t, view.t('evaluation.report.domainNotEvaluated'))),
        })),
        mean: formatMean(domain.mean),
        min: domain.min === null ? '—' : formatPercent(domain.min),
        max: domain.max === null ? '—' : formatPercent(domain.max),
        spread: domain.spread === null ? '—' : view.t(singularPoints(view, domain.spread) ? 'president.point' : 'president.points', { value: domain.spread }),
        divergent: domain.divergent,
        rowDifferences: domain.rowDifferences.map((row) => {
          const title = places.find((p) => p.row.id === row.rowId)?.row.title ?? row.rowId;
          const values = row.values.map((v) => `${personName(people, v.memberId)} ${formatScore({ percentage: v.value }, scoreWords(view.t, view.t('evaluation.report.domainNotEvaluated')))}`).join(', ');
          return view.t('president.rowDifference', { row: title, spread: row.spread, values });
        }),
        agreed: agreement?.percentage == null ? '' : String(agreement.percentage),
        notEvaluated: Boolean(agreement?.notEvaluatedReason),
        notEvaluatedReason: agreement?.notEvaluatedReason ?? '',
      };
    }),
    comment: synthesis.comment,
    ...(notice ? { notice } : {}),
  };
}

export function signatureLine(view: ViewContext, version: Pick<SignedVersion, 'signedBy' | 'signedAt'>): string {
  return view.t('president.signedBy', {
    name: version.signedBy.name,
    date: formatDate(version.signedAt, view.timezone),
    time: formatTime(version.signedAt, view.timezone),
  });
}

export function synthesisView(view: ViewContext, scope: EvaluationScope, version: SignedVersion, replaced?: { replacedAt: string; reason: string }): SynthesisView {
  return {
    locale: view.locale,
    alone: scope.session.mode === 'professional',
    evaluationId: scope.evaluation.id,
    title: scope.referential.grids.synthesis,
    header: headerView(scope, version.members.map((p) => `${p.name}, ${p.function}`).join(' ; ')),
    domains: scope.referential.domains.map((domain) => ({ title: domain.title, value: agreementText(view, version.domains[domain.id]) })),
    comment: version.comment,
    signature: signatureLine(view, version),
    ...(replaced
      ? {
          replaced: view.t('president.replaced', {
            date: formatDate(replaced.replacedAt, view.timezone),
            time: formatTime(replaced.replacedAt, view.timezone),
            reason: replaced.reason,
          }),
        }
      : {}),
  };
}

/** Before signing: exactly what will be sent, and to whom. */
export function signPreviewView(view: ViewContext, scope: EvaluationScope, synthesis: Synthesis, presidentId: string): SignPreviewView {
  const people = juryOf(scope.session).filter((p) => !scope.evaluation.excludedMemberIds.includes(p.id));
  return {
    locale: view.locale,
    alone: scope.session.mode === 'professional',
    evaluationId: scope.evaluation.id,
    rev: synthesis.rev,
    header: headerView(scope, people.map((p) => `${p.name}, ${p.function}`).join(' ; ')),
    domains: scope.referential.domains.map((domain) => ({ title: domain.title, value: agreementText(view, synthesis.domains[domain.id]) })),
    comment: synthesis.comment,
    recipients: people.map((p) => (p.id === presidentId ? view.t('president.you', { name: p.name }) : p.name)),
  };
}
