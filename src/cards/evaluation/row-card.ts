import { formatPercent, formatScore } from '../../domain/percentage.js';
import { translator } from '../../i18n/translate.js';
import { ROW_INPUTS } from '../input-names.js';
import type { CardJson } from '../render-template.js';
import { renderCard } from './render-card.js';
import type { RowView } from './views.js';

/** Notes shown above the picks while scoring: enough to recall the row, the rest one tap away. */
const NOTES_EXCERPT_CHARS = 120;
/** A pick's descriptor: two lines on a phone with one scale, one line per scale with two. */
const PICK_BAND_CHARS = 120;
const PICK_BAND_CHARS_BOTH = 60;
const REASON_EXCERPT_CHARS = 80;

/** The text's beginning, cut after a whole word, with "…" when cut. */
function excerpt(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/**
 * A row of the grid, in the notes phase (during the interview: questions,
 * prompter, notes, source — the guide scores after the interview) or the
 * scoring phase, made to fit one phone screen: position, title, the saved
 * value, the quick picks each beside the descriptor of its band, a precise
 * value; notes, *non évalué*, full scales and the guide's text one tap away.
 * At most two buttons end the card; the others are in its overflow menu.
 * Every button is a `grid.save` that also saves what is on the card.
 */
export function rowCard(view: RowView): CardJson {
  const t = translator(view.locale);
  const scoring = view.phase === 'scoring';
  const percentageValue = view.percentage;
  const savedValue = formatScore(
    { percentage: percentageValue, notEvaluatedReason: view.notEvaluated ? view.notEvaluatedReason : null },
    { notEvaluatedBecause: (reason) => t('card.row.notEvaluatedBecause', { reason: excerpt(reason, REASON_EXCERPT_CHARS) }), undecided: t('card.row.notScored') },
  );
  const bandCount = Math.max(1, ...view.picks.map((pick) => pick.bands.length));
  return renderCard('row', {
    inputs: ROW_INPUTS,
    evaluationId: view.evaluationId,
    rowId: view.rowId,
    rev: view.rev,
    phase: view.phase,
    notice: view.notice ?? '',
    topLine: t('card.row.topLine', {
      phase: t(scoring ? 'card.row.phase.scoring' : 'card.row.phase.notes'),
      position: view.position,
      clock: view.clock,
    }),
    domainTitle: view.domainTitle,
    rowTitle: view.rowTitle,
    workstation: view.workstation,
    questions: view.questions.map(({ id, text }) => ({ id, text })),
    questionsValue: joinedOrNull(view.questions.filter((q) => q.used).map((q) => q.id)),
    prompters: view.rolePlays.map((sheet) => ({
      number: sheet.number,
      title: t('card.row.prompter', { number: sheet.number, title: sheet.title }),
    })),
    linesUsedLine: t('card.row.linesUsed', { count: view.linesUsedCount }),
    notes: view.notes,
    sourceValue: view.source,
    percentageValue,
    notEvaluatedValue: view.notEvaluated ? 'true' : 'false',
    notEvaluatedReason: view.notEvaluatedReason,
    scales: view.scales.map((scale) => ({
      title: scale.title,
      descriptors: scale.descriptors.map((d) => ({
        line: t('card.row.bandLine', { band: d.band, text: d.text }),
        // null leaves the property out: only the current band is emphasised.
        weight: d.current ? 'Bolder' : null,
        color: d.current ? 'Accent' : null,
      })),
    })),
    indicativeTitle:
      percentageValue === null ? t('card.row.indicative') : `${t('card.row.indicative')} — ${formatPercent(percentageValue)}`,
    indicative: view.indicative,
    scoreLine: `${savedValue} · ${view.savedAt}`,
    notesExcerpt: t('card.row.notesExcerpt', { notes: excerpt(view.notes, NOTES_EXCERPT_CHARS) }),
    pickHeading: t(view.hasNext ? 'card.row.pickHeading' : 'card.row.pickHeadingLast'),
    pickScale: view.scales.length === 1 ? (view.scales[0]?.title ?? '') : t('card.row.bothScales'),
    picks: view.picks.map((pick) => ({
      mark: pick.mark,
      title: formatPercent(pick.mark),
      // With both scales, each line says which one it reads.
      // The descriptor's beginning, cut at a word (the full scales are one tap away); with both scales, each line says which one it reads.
      bands: pick.bands.map((band) =>
        pick.bands.length > 1 ? `${t(`card.row.source.${band.source}`)} : ${excerpt(band.text, PICK_BAND_CHARS_BOTH)}` : excerpt(band.text, PICK_BAND_CHARS),
      ),
      // null leaves the property out: only the saved mark is styled.
      style: pick.current ? 'positive' : null,
    })),
    // Two lines of descriptor beside a pick; one per scale when two scales are shown.
    bandLines: bandCount > 1 ? 1 : 2,
    modes: {
      // While scoring, "save and next" is always there (on the last row it opens the report).
      save: scoring ? 'secondary' : 'primary',
      previous: scoring ? 'primary' : 'secondary',
    },
    savedAt: view.savedAt,
    rows: view.rows,
    hasNext: view.hasNext,
    hasPrevious: view.hasPrevious,
    show: {
      notice: Boolean(view.notice),
      questions: view.questions.length > 0,
      prompter: view.rolePlays.length > 0,
      questionsSection: view.questions.length > 0 || view.rolePlays.length > 0,
      saveNext: view.hasNext || scoring,
      notesPhase: !scoring,
      scoringPhase: scoring,
      notesExcerpt: view.notes.trim() !== '',
      indicative: view.indicative.length > 0,
    },
    l: {
      workstation: t('card.row.workstation'),
      questionsHeading: t('card.row.questionsHeading'),
      questions: t('card.row.questions'),
      notes: t('card.row.notes'),
      notesPlaceholder: t('card.row.notesPlaceholder'),
      notesError: t('card.row.notesError'),
      source: t('card.row.source'),
      sourcePlaceholder: t('card.row.sourcePlaceholder'),
      sourceWorkstation: t('card.row.source.workstation'),
      sourceQuestions: t('card.row.source.questions'),
      sourceBoth: t('card.row.source.both'),
      precise: t('card.row.precise'),
      percentagePlaceholder: t('card.row.percentagePlaceholder'),
      scales: t('card.row.scales'),
      more: t('card.row.more'),
      guide: t('card.row.guide'),
      notEvaluated: t('card.row.notEvaluated'),
      notEvaluatedTitle: t('card.row.notEvaluatedTitle'),
      notEvaluatedReason: t('card.row.notEvaluatedReason'),
      notEvaluatedReasonPlaceholder: t('card.row.notEvaluatedReasonPlaceholder'),
      save: t('card.row.save'),
      saveNext: t(view.hasNext ? 'card.row.saveNext' : 'card.row.saveReport'),
      previous: t('card.row.previous'),
      goto: t('card.row.goto'),
      gotoRow: t('card.row.gotoRow'),
      gotoPlaceholder: t('card.row.gotoPlaceholder'),
      gotoSubmit: t('card.row.gotoSubmit'),
      pause: t('card.row.pause'),
      report: t('card.row.report'),
    },
  });
}

/** A multi-select ChoiceSet's value: the chosen ids joined by commas, or no value at all. */
function joinedOrNull(ids: readonly string[]): string | null {
  return ids.length > 0 ? ids.join(',') : null;
}
