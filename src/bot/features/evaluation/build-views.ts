import type {
  FrameView,
  HeaderView,
  PrompterView,
  ReportView,
  RowView,
  ScaleView,
} from '../../../cards/evaluation/views.js';
import {
  bandFor,
  indicativeBands,
  juryOf,
  reportDomains,
  rowStatus,
  scalesForSource,
  timeSpent,
  type MemberGrid,
  type Person,
  type RowEntry,
} from '../../../domain/index.js';
import type { Referential, Row, Source } from '../../../referential/schema.js';
import { formatDate, formatDay, formatPercent, formatTime } from '../../format.js';
import { translator, type Locale, type Translate } from '../../../i18n/translate.js';
import type { Turn } from '../../turn.js';
import type { EvaluationScope } from './scope.js';

/** What a view needs of the person it is for: their language, and the time. */
export interface ViewContext {
  locale: Locale;
  t: Translate;
  now: Date;
  timezone: string;
}

export function viewContext(turn: Turn): ViewContext {
  return { locale: turn.locale, t: turn.t, now: turn.now(), timezone: turn.services.timezone };
}

/** For a card sent to someone else (a notice, a proactive card), in their language. */
export function viewContextFor(locale: Locale, now: Date, timezone: string): ViewContext {
  return { locale, t: translator(locale), now, timezone };
}

/** Report cards show this much of a row's notes, with "Voir les notes" for the rest. */
export const NOTES_EXCERPT = 300;

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

function personLine(person: Person): string {
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
  const open = !hasSubmitted && (state === 'draft' || state === 'in_progress' || state === 'interview_ended');
  const ended = state !== 'draft' && (Boolean(evaluation.endedAt) || state === 'interview_ended');
  return {
    locale: turn.locale,
    evaluationId: evaluation.id,
    header: headerView(scope, jury.map(personLine).join(' ; ')),
    jury: jury.map((person, i) =>
      i === 0
        ? turn.t(session.mode === 'jury' ? 'evaluation.jury.president' : 'evaluation.jury.professional', { name: person.name, function: person.function })
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
      report: state !== 'cancelled',
    },
  };
}

function scaleViews(turn: ViewContext, referential: Referential, source: Source | null, percentage: number | null): ScaleView[] {
  const scales = source ? scalesForSource(referential, source) : referential.scales.list;
  return scales.map((scale) => {
    const current = percentage === null ? [] : bandFor(scale, percentage).map((d) => d.id);
    return {
      title: scale.title,
      descriptors: [...scale.descriptors]
        .sort((a, b) => a.band.from - b.band.from)
        .map((d) => ({
          band: d.band.to === 100 ? turn.t('evaluation.band.last', { from: d.band.from }) : turn.t('evaluation.band', { from: d.band.from, to: d.band.to - 1 }),
          text: d.text,
          current: current.includes(d.id),
        })),
    };
  });
}

export function savedLine(turn: ViewContext, entry: RowEntry | undefined): string {
  if (!entry?.savedAt) return turn.t('evaluation.row.notSaved');
  const at = new Date(entry.savedAt);
  const tz = turn.timezone;
  return turn.t('evaluation.row.savedAt', { date: formatDate(at, tz), time: formatTime(at, tz) });
}

export function rowView(
  turn: ViewContext,
  scope: EvaluationScope,
  grid: MemberGrid,
  rowId: string,
  phase: 'notes' | 'scoring',
  override?: { notes?: string; notice?: string },
): RowView {
  const { referential } = scope;
  const places = rowPlaces(referential);
  const place = places.find((p) => p.row.id === rowId);
  if (!place) throw new Error(`rowView: unknown row ${rowId}`);
  const entry = grid.rows[rowId];
  const sheets = referential.rolePlays.filter((sheet) => place.row.rolePlays.includes(sheet.number));
  const sheetLineIds = new Set(sheets.flatMap((sheet) => sheet.lines.map((line) => line.id)));
  const percentage = entry?.percentage ?? null;
  const source = entry?.source ?? null;
  return {
    locale: turn.locale,
    evaluationId: scope.evaluation.id,
    rowId,
    rev: grid.rev,
    phase,
    position: turn.t('evaluation.row.position', {
      domain: place.domainIndex + 1,
      domains: place.domainCount,
      row: place.rowIndex + 1,
      rows: place.rowCount,
    }),
    clock: clockLine(turn, scope),
    domainTitle: place.domainTitle,
    rowTitle: place.row.title,
    workstation: place.row.workstation,
    questions: place.row.questions.map((q) => ({ id: q.id, text: q.text, used: entry?.questionsUsed.includes(q.id) ?? false })),
    rolePlays: sheets.map((sheet) => ({ number: sheet.number, title: sheet.title })),
    linesUsedCount: (entry?.linesUsed ?? []).filter((id) => sheetLineIds.has(id)).length,
    notes: override?.notes ?? entry?.notes ?? '',
    source,
    percentage: percentage === null ? '' : String(percentage),
    notEvaluated: Boolean(entry?.notEvaluatedReason),
    notEvaluatedReason: entry?.notEvaluatedReason ?? '',
    savedAt: savedLine(turn, entry),
    scales: scaleViews(turn, referential, source, percentage),
    indicative:
      percentage === null
        ? []
        : indicativeBands(referential, source ?? 'both', percentage).flatMap((band) => band.descriptors.map((d) => `${band.scale.title} : ${d.text}`)),
    rows: places.map((p) => ({ id: p.row.id, title: `${p.rowIndex + 1}. ${p.row.title}` })),
    hasPrevious: place.rowIndex > 0,
    hasNext: place.rowIndex < place.rowCount - 1,
    ...(override?.notice ? { notice: override.notice } : {}),
    marks: referential.scales.marks,
  };
}

export function prompterView(turn: ViewContext, scope: EvaluationScope, grid: MemberGrid, rowId: string, sheetNumber: number, phase: 'notes' | 'scoring'): PrompterView | undefined {
  const sheet = scope.referential.rolePlays.find((s) => s.number === sheetNumber);
  if (!sheet) return undefined;
  const used = new Set(grid.rows[rowId]?.linesUsed ?? []);
  return {
    locale: turn.locale,
    evaluationId: scope.evaluation.id,
    rowId,
    rev: grid.rev,
    phase,
    number: sheet.number,
    title: sheet.title,
    roles: sheet.roles,
    context: sheet.context,
    ...(sheet.note ? { note: sheet.note } : {}),
    ...(sheet.relaunchesIntro ? { relaunchesIntro: sheet.relaunchesIntro } : {}),
    // The juror plays the client from the sheet's own lines; lines written for the rehearsal are not the sheet's.
    lines: sheet.lines
      .filter((line) => line.fromSheet || line.type === 'direction')
      .filter((line): line is typeof line & { type: 'relaunch' | 'direction' | 'conditional' } => line.type === 'relaunch' || line.type === 'direction' || line.type === 'conditional')
      .map((line) => ({
        id: line.id,
        text: line.type === 'direction' ? (line.direction ?? line.text) : line.text,
        kind: line.type,
        ...(line.condition ? { condition: sheet.conditions.find((c) => c.id === line.condition)?.label ?? line.condition } : {}),
        used: used.has(line.id),
      })),
    criteria: sheet.successCriteria.map((c) => c.text),
  };
}

function rowValue(turn: ViewContext, entry: RowEntry | undefined): string {
  switch (rowStatus(entry)) {
    case 'scored':
      return formatPercent(entry?.percentage ?? 0);
    case 'not_evaluated':
      return turn.t('evaluation.report.notEvaluatedBecause', { reason: entry?.notEvaluatedReason ?? '' });
    case 'missing':
      return turn.t('evaluation.report.missing');
  }
}

export function reportView(turn: ViewContext, scope: EvaluationScope, grid: MemberGrid, me: Person, notice?: string): ReportView {
  const { referential } = scope;
  const reports = reportDomains(grid, referential);
  const tz = turn.timezone;
  return {
    locale: turn.locale,
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
            value: rowValue(turn, entry),
            status: rowStatus(entry),
            notesExcerpt: cut ? `${notes.slice(0, NOTES_EXCERPT)}…` : notes,
            notesCut: cut,
          };
        }),
        reported: report?.value === null || report?.value === undefined ? turn.t('evaluation.report.domainNotEvaluated') : formatPercent(report.value),
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
