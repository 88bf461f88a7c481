import { translator } from '../../i18n/translate.js';
import type { CardJson } from '../render-template.js';
import { renderCard } from './render-card.js';
import type { RowView } from './views.js';

/**
 * A row of the grid, in the notes phase (during the interview: questions,
 * prompter, notes, an optional percentage after them) or the scoring phase
 * (after it: the scales, the quick picks, the percentage or *non évalué*).
 * Every button is a `grid.save` that also saves what is on the card.
 */
export function rowCard(view: RowView): CardJson {
  const t = translator(view.locale);
  const scoring = view.phase === 'scoring';
  const percentageValue = savedPercentage(view.percentage);
  return renderCard('row', {
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
        band: d.band,
        text: d.text,
        // null leaves the property out: only the current band is styled.
        style: d.current ? 'accent' : null,
        weight: d.current ? 'Bolder' : null,
      })),
    })),
    indicativeTitle:
      percentageValue === null ? t('card.row.indicative') : `${t('card.row.indicative')} — ${t('card.percent', { value: percentageValue })}`,
    indicative: view.indicative,
    marks: view.marks.map((mark) => ({ pick: mark, title: t('card.percent', { value: mark }) })),
    savedAt: view.savedAt,
    rows: view.rows,
    hasNext: view.hasNext,
    hasPrevious: view.hasPrevious,
    show: {
      notice: Boolean(view.notice),
      questions: view.questions.length > 0,
      prompter: view.rolePlays.length > 0,
      questionsSection: view.questions.length > 0 || view.rolePlays.length > 0,
      notesPhase: !scoring,
      scoringPhase: scoring,
      scales: scoring && view.scales.length > 0,
      indicative: scoring && view.indicative.length > 0,
      marks: scoring && view.marks.length > 0,
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
      percentage: t('card.row.percentage'),
      percentagePlaceholder: t('card.row.percentagePlaceholder'),
      percentageError: t('card.row.percentageError'),
      percentageLater: t('card.row.percentageLater'),
      scales: t('card.row.scales'),
      quickPicks: t('card.row.quickPicks'),
      notEvaluated: t('card.row.notEvaluated'),
      notEvaluatedTitle: t('card.row.notEvaluatedTitle'),
      notEvaluatedReason: t('card.row.notEvaluatedReason'),
      notEvaluatedReasonPlaceholder: t('card.row.notEvaluatedReasonPlaceholder'),
      save: t('card.row.save'),
      saveNext: t('card.row.saveNext'),
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

/** Input.Number wants a number: "70" (or "70 %") gives 70; nothing saved gives null (no `value`). */
function savedPercentage(text: string): number | null {
  const match = /^\s*(\d{1,3})(?!\d)/.exec(text);
  return match?.[1] === undefined ? null : Number(match[1]);
}

/** A multi-select ChoiceSet's value: the chosen ids joined by commas, or no value at all. */
function joinedOrNull(ids: readonly string[]): string | null {
  return ids.length > 0 ? ids.join(',') : null;
}
