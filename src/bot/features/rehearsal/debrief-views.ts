import { rehearsalDebriefCard } from '../../../cards/rehearsal-debrief-card.js';
import { rehearsalDrillSummaryCard } from '../../../cards/rehearsal-drill-summary-card.js';
import type { CardJson } from '../../../cards/render-template.js';
import type { Rehearsal } from '../../../domain/model.js';
import {
  candidateAnswers,
  conversationShape,
  drillQuestions,
  formatMinutesSeconds,
  observe,
  sheetOf,
  timeline,
  type RelaunchShape,
} from '../../../domain/rehearsal/index.js';
import type { Translate } from '../../../i18n/translate.js';
import type { Line, Referential, RolePlay } from '../../../referential/schema.js';
import { cut, formatDuration } from './format-rehearsal.js';
import { scaleBands } from './play-views.js';
import { CRITERION_INPUT_PREFIX } from './verbs.js';

/** What the candidate sees once an exercise is over: the role play's debrief and the drill's summary. */

/** Longest piece of a candidate's answer shown in a card (the card budget is 40 KB). */
const ANSWER_IN_CARD = 600;
/**
 * All the role play's answers together get at most this many characters in the debrief card:
 * a call where the client insisted on every line has many answers, each then cut shorter.
 */
const ANSWERS_IN_CARD = 5400;

/** Who said a transcript entry, with the answer's time for the candidate. */
function speakerOf(entry: Rehearsal['transcript'][number], answerMs: number | undefined, sheet: RolePlay | undefined, t: Translate): string {
  if (entry.speaker === 'candidate') {
    return answerMs === undefined ? t('rehearsal.debrief.you') : t('rehearsal.debrief.youTimed', { time: formatMinutesSeconds(answerMs) });
  }
  if (entry.speaker === 'client') return sheet?.roles.jury ?? t('rehearsal.debrief.botEntry');
  return t('rehearsal.debrief.botEntry');
}

function transcriptView(rehearsal: Rehearsal, sheet: RolePlay | undefined, t: Translate): { speaker: string; text: string }[] {
  const answers = rehearsal.transcript.filter((e) => e.speaker === 'candidate').length;
  const perAnswer = Math.min(ANSWER_IN_CARD, Math.floor(ANSWERS_IN_CARD / Math.max(1, answers)));
  return timeline(rehearsal).map(({ entry, answerMs }) => {
    const line = entry.speaker === 'client' && !entry.reaction ? sheet?.lines.find((l) => l.id === entry.lineId) : undefined;
    const text = line?.type === 'direction' && line.direction ? `${t('rehearsal.direction', { direction: line.direction })} — « ${entry.text} »` : entry.text;
    return { speaker: speakerOf(entry, answerMs, sheet, t), text: cut(text, entry.speaker === 'candidate' ? perAnswer : ANSWER_IN_CARD) };
  });
}

/** Short enough for a heading in the card, long enough to recognise the line. */
const LINE_IN_CARD = 160;

function relaunchDetails(shape: RelaunchShape, t: Translate): string {
  return [
    shape.answerMs === null ? t('rehearsal.debrief.notAnswered') : t('rehearsal.debrief.answeredIn', { time: formatMinutesSeconds(shape.answerMs) }),
    shape.insisted ? t('rehearsal.debrief.insisted') : t('rehearsal.debrief.notInsisted'),
    shape.heard.length > 0 ? t('rehearsal.debrief.heard', { ideas: shape.heard.join(', ') }) : t('rehearsal.debrief.heardNone'),
    ...(shape.missed.length > 0 && shape.heard.length === 0 ? [t('rehearsal.debrief.missed', { ideas: shape.missed.join(', ') })] : []),
  ].join(' · ');
}

/** A sheet's line as the debrief names it: in quotes, or the stage direction as the sheet words it. */
function lineHeading(line: Line, t: Translate): string {
  if (line.type === 'direction' && line.direction) return t('rehearsal.direction', { direction: line.direction });
  return t('rehearsal.debrief.shapeLine', { text: cut(line.text, LINE_IN_CARD) });
}

/** The conversation's shape: per line the client said, the time to answer, whether the client pressed, the ideas heard. */
function shapeView(sheet: RolePlay, rehearsal: Rehearsal, t: Translate) {
  const shape = conversationShape(sheet, rehearsal);
  const ending =
    shape.endedBy === 'conclusion' ? t('rehearsal.debrief.endedByConclusion') : shape.endedBy === 'hang_up' ? t('rehearsal.debrief.endedByHangUp') : '';
  return {
    shapeHeading: t('rehearsal.debrief.shape'),
    ending,
    relaunches: shape.relaunches.map((r) => ({ text: lineHeading(r.line, t), details: relaunchDetails(r, t) })),
    notPlayedHeading: t('rehearsal.debrief.notPlayed'),
    notPlayed: shape.notPlayed.map((line) => lineHeading(line, t)),
  };
}

export function debriefCard(referential: Referential, rehearsal: Rehearsal, t: Translate): CardJson {
  const sheet = sheetOf(referential, rehearsal.sheet) as RolePlay;
  const decided = rehearsal.cursor.decided ?? {};
  const conditions = sheet.conditions.flatMap((condition) => {
    const decision = decided[condition.id];
    if (!decision) return [];
    const how = decision.by === 'question' ? t('rehearsal.debrief.byQuestion') : t('rehearsal.debrief.byKeywords');
    return [t(decision.met ? 'rehearsal.debrief.conditionMet' : 'rehearsal.debrief.conditionNotMet', { label: condition.label, how })];
  });
  const durationMs = rehearsal.endedAt ? Date.parse(rehearsal.endedAt) - Date.parse(rehearsal.startedAt) : 0;
  return rehearsalDebriefCard({
    title: t('rehearsal.debrief.title', { number: sheet.number, title: sheet.title }),
    rehearsalId: rehearsal.id,
    rev: rehearsal.rev,
    duration: t('rehearsal.debrief.duration', { duration: formatDuration(durationMs, t), hints: rehearsal.hintsUsed }),
    conditionsHeading: t('rehearsal.debrief.conditions'),
    conditions,
    ...shapeView(sheet, rehearsal, t),
    observationsHeading: t('rehearsal.debrief.observations'),
    observationsNote: t('rehearsal.debrief.observationsNote'),
    observations: observe(sheet, candidateAnswers(rehearsal)).map((o) => ({ text: `${o.found ? '✓' : '→'} ${o.text}` })),
    criteriaHeading: t('rehearsal.debrief.criteria'),
    acquisLabel: t('rehearsal.debrief.acquis'),
    aTravaillerLabel: t('rehearsal.debrief.aTravailler'),
    criteria: sheet.successCriteria.map((criterion) => ({
      inputId: `${CRITERION_INPUT_PREFIX}${criterion.id}`,
      label: criterion.text,
      value: rehearsal.selfAssessment[criterion.id] ?? '',
    })),
    ratingHeading: t('rehearsal.debrief.rating'),
    ...scaleBands(referential, t),
    ratingLabel: t('rehearsal.debrief.ratingLabel'),
    transcriptHeading: t('rehearsal.debrief.transcript'),
    transcript: transcriptView(rehearsal, sheet, t),
    submit: t('rehearsal.debrief.submit'),
  });
}

export function drillSummaryCard(referential: Referential, rehearsal: Rehearsal, t: Translate): CardJson {
  const questions = drillQuestions(referential);
  const timed = timeline(rehearsal).filter(({ entry }) => entry.speaker === 'candidate');
  const ratings = rehearsal.questionRatings ?? {};
  return rehearsalDrillSummaryCard({
    title: t('rehearsal.drill.summaryTitle'),
    intro: t('rehearsal.drill.ended', { rating: rehearsal.selfRating ?? '—' }),
    questions: (rehearsal.cursor.questions ?? []).map((id, index) => {
      const question = questions.find((q) => q.id === id);
      const answer = timed.find(({ entry }) => entry.lineId === id);
      const rating = ratings[id];
      const details = [
        answer?.answerMs !== undefined ? formatMinutesSeconds(answer.answerMs) : '',
        rating !== undefined ? t('rehearsal.history.rating', { rating }) : t('rehearsal.drill.noRating'),
      ].filter((part) => part !== '');
      return {
        heading: `${index + 1}. ${question?.rowTitle ?? ''}`,
        question: question?.text ?? '',
        answer: cut(answer?.entry.text ?? '', ANSWER_IN_CARD),
        details: details.join(' · '),
      };
    }),
  });
}
