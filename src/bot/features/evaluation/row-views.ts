import type { PickView, PrompterView, RowView, ScaleView } from '../../../cards/evaluation/views.js';
import { bandFor, indicativeBands, scalesForSource, type MemberGrid, type RowEntry } from '../../../domain/index.js';
import type { Referential, Scale, Source } from '../../../referential/schema.js';
import { bandLabel, formatDate, formatTime } from '../../format.js';
import { clockLine, rowPlaces } from './frame-view.js';
import type { ViewContext } from './view-context.js';
import type { EvaluationScope } from './scope.js';

/** The scales a row is scored on: its source's, or both while no source is chosen. */
function shownScales(referential: Referential, source: Source | null): Scale[] {
  return source ? scalesForSource(referential, source) : referential.scales.list;
}

function scaleViews(turn: ViewContext, referential: Referential, source: Source | null, percentage: number | null): ScaleView[] {
  return shownScales(referential, source).map((scale) => {
    const current = percentage === null ? [] : bandFor(scale, percentage).map((d) => d.id);
    return {
      title: scale.title,
      descriptors: [...scale.descriptors]
        .sort((a, b) => a.band.from - b.band.from)
        .map((d) => ({
          band: bandLabel(turn.t, d.band),
          text: d.text,
          current: current.includes(d.id),
        })),
    };
  });
}

/** One quick pick per mark, beside the descriptor of the band the mark opens (the last band for the top mark). */
function pickViews(referential: Referential, source: Source | null, percentage: number | null): PickView[] {
  const scales = shownScales(referential, source);
  return referential.scales.marks.map((mark) => ({
    mark,
    bands: scales.map((scale) => ({ source: scale.id, text: bandFor(scale, mark).at(-1)?.text ?? '' })),
    current: percentage === mark,
  }));
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
    percentage,
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
    picks: pickViews(referential, source, percentage),
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
