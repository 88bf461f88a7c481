import { dashboardCard, dayCard } from '../../../cards/president/index.js';
import type { DayView, EvaluationLineView } from '../../../cards/president/views.js';
import {
  collectionHasClosed,
  expectedMemberIds,
  formatPercent,
  juryOf,
  reportDomains,
  roleIn,
  rowStatus,
  scoresIn,
  scorersOf,
  timeSpent,
  type Evaluation,
  type MemberGrid,
  type Session,
  type Synthesis,
} from '../../../domain/index.js';
import type { MessageKey } from '../../../i18n/fr.js';
import type { Translate } from '../../../i18n/translate.js';
import type { Referential } from '../../../referential/schema.js';
import { formatDay } from '../../format.js';
import type { Turn } from '../../turn.js';
import { viewContext, type ViewContext } from '../evaluation/view-context.js';
import { agreementText } from './synthesis-views.js';

const STATE_KEYS: Record<Evaluation['state'], MessageKey> = {
  draft: 'president.state.draft',
  in_progress: 'president.state.in_progress',
  interview_ended: 'president.state.interview_ended',
  collection_closed: 'president.state.collection_closed',
  consolidated: 'president.state.consolidated',
  submitted: 'president.state.submitted',
  signed: 'president.state.signed',
  cancelled: 'president.state.cancelled',
};

/** The evaluation's state as people read it ("Signée", "Annulée : absent"). */
export function stateText(t: Translate, evaluation: Evaluation): string {
  const text = t(STATE_KEYS[evaluation.state]);
  return evaluation.state === 'cancelled' && evaluation.cancellation ? `${text} : ${evaluation.cancellation.reason}` : text;
}

function timeText(view: ViewContext, evaluation: Evaluation, referential: Referential): string {
  const spent = timeSpent(evaluation, view.now);
  return spent === null ? '—' : view.t('president.time', { spent, limit: referential.interview.durationMinutes });
}

function candidateOf(evaluation: Evaluation): string {
  return `${evaluation.header.candidateFirstName} ${evaluation.header.candidateLastName}`;
}

function agreedLines(view: ViewContext, referential: Referential, synthesis: Synthesis | undefined, evaluation: Evaluation): string[] {
  if (!synthesis || !['consolidated', 'signed', 'submitted'].includes(evaluation.state)) return [];
  const domains = synthesis.signed?.domains ?? synthesis.domains;
  return referential.domains.map((d) => `${d.title} : ${agreementText(view, domains[d.id])}`);
}

/** One evaluation as the person sees it on their dashboard: progress, never another member's values. */
function line(view: ViewContext, userId: string, session: Session, evaluation: Evaluation, referential: Referential, grids: MemberGrid[], synthesis: Synthesis | undefined): EvaluationLineView {
  const president = roleIn(session, userId) === 'president';
  const state = evaluation.state;
  const closed = collectionHasClosed(evaluation);
  const live = state !== 'cancelled' && state !== 'signed';
  const own = grids.find((g) => g.memberId === userId);
  const scored = own ? referential.domains.flatMap((d) => d.rows).filter((r) => rowStatus(own.rows[r.id]) !== 'missing').length : 0;
  const rows = referential.domains.reduce((sum, d) => sum + d.rows.length, 0);
  const notSubmitted = expectedMemberIds(session, evaluation).filter((id) => grids.find((g) => g.memberId === id)?.state !== 'submitted');
  const jury = session.mode === 'jury';
  return {
    evaluationId: evaluation.id,
    evaluationRev: evaluation.rev,
    candidate: candidateOf(evaluation),
    company: evaluation.header.company,
    state: stateText(view.t, evaluation),
    time: timeText(view, evaluation, referential),
    // Who fills a grid, as the collection counts them; a lone professional's own progress is the line below.
    members: president && jury
      ? scorersOf(session, evaluation).map((person) => {
          const grid = grids.find((g) => g.memberId === person.id);
          const status: MessageKey = evaluation.excludedMemberIds.includes(person.id)
            ? 'president.member.excluded'
            : grid?.state === 'submitted'
              ? 'president.member.submitted'
              : grid
                ? 'president.member.open'
                : 'president.member.notOpened';
          return { name: `${person.name} (${person.function})`, status: view.t(status) };
        })
      : [],
    agreed: president || state === 'signed' ? agreedLines(view, referential, synthesis, evaluation) : [],
    ownProgress: !scoresIn(session, evaluation, userId)
      ? view.t('president.own.notScoring')
      : own?.state === 'submitted' ? view.t('president.own.submitted') : view.t('president.own.progress', { scored, rows }),
    actions: {
      open: state !== 'cancelled',
      remind: president && jury && live && !closed && state !== 'draft' && notSubmitted.some((id) => id !== userId),
      closeCollection: president && jury && state === 'interview_ended',
      consolidation: president && closed && state !== 'cancelled',
      cancel: president && live,
      reopenGrid: president && live && grids.some((g) => g.state === 'submitted') && state !== 'draft',
      reopenSynthesis: president && state === 'signed',
      header: president && live,
      audit: president,
      day: president && jury,
    },
  };
}

/** `tableau de bord`: the person's jury days and evaluations, newest first. */
export async function showDashboard(turn: Turn, notice?: string): Promise<void> {
  const { repositories, referentials } = turn.services;
  const view = viewContext(turn);
  const sessions = (await repositories.sessions.listForMember(turn.userId)).filter((s) => s.tenantId === turn.tenantId).reverse();
  if (sessions.length === 0) {
    await turn.say(turn.t('president.dashboard.empty'));
    return;
  }
  const days = [];
  for (const session of sessions.slice(0, 5)) {
    const referential = referentials.get(session.referentialId);
    if (!referential) continue;
    const ids = juryOf(session).map((p) => p.id);
    const evaluations = await repositories.evaluations.getMany(session.evaluationIds);
    const lines = [];
    for (const evaluation of evaluations) {
      const grids = await repositories.grids.listForEvaluation(evaluation.id, ids);
      const synthesis = await repositories.syntheses.get(evaluation.id);
      lines.push(line(view, turn.userId, session, evaluation, referential, grids, synthesis));
    }
    const presides = roleIn(session, turn.userId) === 'president';
    const role = presides ? (session.mode === 'jury' ? 'president.role.president' : 'president.role.professional') : 'president.role.member';
    days.push({ sessionId: session.id, date: formatDay(session.date), role: turn.t(role), evaluations: lines, exportable: presides });
  }
  await turn.sendCard(dashboardCard({ locale: turn.locale, days, ...(notice ? { notice } : {}) }), turn.t('president.dashboard.summary'));
}

function mean(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/**
 * The jury day's review (calibration after the first candidates, equal treatment):
 * per candidate time and agreed values; per member their reported domain % against the
 * agreed ones over the day's consolidated evaluations; questions and relaunches used.
 */
export async function showDay(turn: Turn, sessionId: string): Promise<void> {
  const { repositories, referentials } = turn.services;
  const session = await repositories.sessions.get(sessionId);
  const referential = session ? referentials.get(session.referentialId) : undefined;
  if (!session || !referential || session.tenantId !== turn.tenantId || roleIn(session, turn.userId) !== 'president') {
    await turn.say(turn.t(session && roleIn(session, turn.userId) === 'member' ? 'evaluation.presidentOnly' : 'evaluation.notFound'));
    return;
  }
  const view = viewContext(turn);
  const people = juryOf(session);
  const evaluations = (await repositories.evaluations.getMany(session.evaluationIds)).filter((e) => e.state !== 'cancelled');
  const candidates: DayView['candidates'] = [];
  const equalTreatment: DayView['equalTreatment'] = [];
  const reported = new Map<string, Map<string, { reported: number[]; agreed: number[] }>>();
  const questions = referential.domains.flatMap((d) => d.rows.flatMap((r) => r.questions));
  const lineIds = referential.rolePlays.flatMap((s) => s.lines.filter((l) => l.type === 'relaunch' || l.type === 'direction' || l.type === 'conditional').map((l) => l.id));

  for (const evaluation of evaluations) {
    const grids = await repositories.grids.listForEvaluation(evaluation.id, people.map((p) => p.id));
    const synthesis = await repositories.syntheses.get(evaluation.id);
    candidates.push({ candidate: candidateOf(evaluation), time: timeText(view, evaluation, referential), agreed: agreedLines(view, referential, synthesis, evaluation) });

    const askedQuestions = new Set(grids.flatMap((g) => Object.values(g.rows).flatMap((r) => r.questionsUsed)));
    const usedLines = new Set(grids.flatMap((g) => Object.values(g.rows).flatMap((r) => r.linesUsed)));
    equalTreatment.push({
      candidate: candidateOf(evaluation),
      summary: turn.t('president.day.treatment', { questions: askedQuestions.size, totalQuestions: questions.length, lines: usedLines.size, totalLines: lineIds.length }),
      details: questions.filter((q) => askedQuestions.has(q.id)).map((q) => q.text),
    });

    const agreedDomains = synthesis?.signed?.domains ?? (evaluation.state === 'consolidated' ? synthesis?.domains : undefined);
    if (!agreedDomains) continue;
    for (const grid of grids.filter((g) => g.state === 'submitted')) {
      for (const report of reportDomains(grid, referential)) {
        const agreed = agreedDomains[report.domainId]?.percentage;
        if (report.value === null || agreed == null) continue;
        const byDomain = reported.get(grid.memberId) ?? new Map<string, { reported: number[]; agreed: number[] }>();
        const entry = byDomain.get(report.domainId) ?? { reported: [], agreed: [] };
        entry.reported.push(report.value);
        entry.agreed.push(agreed);
        byDomain.set(report.domainId, entry);
        reported.set(grid.memberId, byDomain);
      }
    }
  }

  const calibration = people.map((person) => ({
    member: `${person.name} (${person.function})`,
    domains: referential.domains.map((domain) => {
      const entry = reported.get(person.id)?.get(domain.id);
      const own = mean(entry?.reported ?? []);
      const agreed = mean(entry?.agreed ?? []);
      if (own === null || agreed === null) return { title: domain.title, value: turn.t('president.day.noData') };
      const delta = Math.round(own - agreed);
      const sign = delta > 0 ? `+${delta}` : String(delta);
      return {
        title: domain.title,
        value: turn.t((entry?.reported.length ?? 0) === 1 ? 'president.day.calibrationOne' : 'president.day.calibration', { reported: formatPercent(Math.round(own)), agreed: formatPercent(Math.round(agreed)), delta: sign, count: entry?.reported.length ?? 0 }),
      };
    }),
  }));
  await turn.sendCard(dayCard({ locale: turn.locale, sessionId, date: formatDay(session.date), candidates, calibration, equalTreatment }), turn.t('president.day.summary'));
}
