import { rehearsalBriefingCard } from '../../../cards/rehearsal-briefing-card.js';
import { rehearsalConditionCard } from '../../../cards/rehearsal-condition-card.js';
import { rehearsalDebriefCard } from '../../../cards/rehearsal-debrief-card.js';
import { rehearsalDrillSummaryCard } from '../../../cards/rehearsal-drill-summary-card.js';
import { rehearsalHistoryCard } from '../../../cards/rehearsal-history-card.js';
import { rehearsalMenuCard } from '../../../cards/rehearsal-menu-card.js';
import { rehearsalRateCard } from '../../../cards/rehearsal-rate-card.js';
import type { CardJson } from '../../../cards/render-template.js';
import type { Rehearsal } from '../../../domain/model.js';
import {
  candidateAnswers,
  DRILL_SHEET,
  drillQuestions,
  formatMinutesSeconds,
  observe,
  questionsScale,
  rehearsalHistory,
  sheetOf,
  timeline,
  type AttemptSummary,
  type DrillQuestion,
} from '../../../domain/rehearsal/index.js';
import type { Translate } from '../../../i18n/translate.js';
import type { Condition, Line, Referential, RolePlay } from '../../../referential/schema.js';
import { formatDate } from '../../format.js';
import { cut, formatDuration, signed } from './format-rehearsal.js';
import { CRITERION_INPUT_PREFIX } from './verbs.js';

/**
 * What the rehearsal shows, as text and card view models. The client's lines are the
 * referential's words, always marked with the speaker; the bot's own words come from the
 * catalogs.
 */

/** Longest piece of a candidate's answer shown in a card (the card budget is 40 KB). */
const ANSWER_IN_CARD = 600;

/** Attempts listed per sheet in `mes répétitions` (the latest ones), so the card stays within 40 KB. */
export const HISTORY_ATTEMPTS_SHOWN = 10;

export function modeLabel(mode: Rehearsal['mode'], t: Translate): string {
  if (mode === 'shuffled') return t('rehearsal.mode.shuffled');
  if (mode === 'drill') return t('rehearsal.mode.drill');
  return t('rehearsal.mode.ordered');
}

/** A client line, shown as the client's (a direction: the sheet's stage direction first). */
export function clientLineText(sheet: RolePlay, line: Line, t: Translate): string {
  const said = t('rehearsal.client', { role: sheet.roles.jury, text: line.text });
  return line.type === 'direction' && line.direction ? `${t('rehearsal.direction', { direction: line.direction })}\n\n${said}` : said;
}

export function drillQuestionText(question: DrillQuestion, index: number, total: number, t: Translate): string {
  return t('rehearsal.drill.question', { index: index + 1, total, row: question.rowTitle, text: question.text });
}

export function menuCard(referentials: readonly Referential[], t: Translate): CardJson {
  const several = referentials.length > 1;
  const items = referentials.flatMap((referential) => {
    const prefix = several ? `${referential.name} — ` : '';
    const sheets = [...referential.rolePlays]
      .sort((a, b) => a.number - b.number)
      .map((sheet) => ({
        heading: prefix + t('rehearsal.menu.sheet', { number: sheet.number, title: sheet.title }),
        context: sheet.context[0] ?? '',
        button: t('rehearsal.menu.choose', { number: sheet.number }),
        referentialId: referential.id,
        sheet: sheet.number,
      }));
    const count = drillQuestions(referential).length;
    const drill =
      count > 0
        ? [
            {
              heading: prefix + t('rehearsal.menu.drill.title'),
              context: t('rehearsal.menu.drill.context', { count }),
              button: t('rehearsal.menu.drill.choose'),
              referentialId: referential.id,
              sheet: DRILL_SHEET,
            },
          ]
        : [];
    return [...sheets, ...drill];
  });
  return rehearsalMenuCard({ title: t('rehearsal.menu.title'), intro: t('rehearsal.menu.intro'), items, footer: t('rehearsal.menu.footer') });
}

export function briefingCard(referential: Referential, rehearsal: Rehearsal, t: Translate): CardJson {
  const commandsHeading = t('rehearsal.briefing.commands');
  const commands = (hint: string) => [
    { title: t('rehearsal.word.hint'), value: hint },
    { title: t('rehearsal.word.restart'), value: t('rehearsal.briefing.restart') },
    { title: t('rehearsal.word.stop'), value: t('rehearsal.briefing.stop') },
  ];
  const base = { rehearsalId: rehearsal.id, rev: rehearsal.rev, commandsHeading, answerNote: t('rehearsal.briefing.answer') };
  const sheet = sheetOf(referential, rehearsal.sheet);
  if (!sheet) {
    const count = drillQuestions(referential).length;
    return rehearsalBriefingCard({
      ...base,
      title: t('rehearsal.briefing.drillTitle'),
      rolesHeading: '',
      roles: [],
      contextHeading: '',
      context: [],
      note: '',
      howHeading: t('rehearsal.briefing.how'),
      how: [t('rehearsal.briefing.drillHow', { count })],
      commands: commands(t('rehearsal.briefing.drillHint')),
      starts: [{ title: t('rehearsal.briefing.start'), mode: 'ordered' }],
    });
  }
  const headings = referential.rolePlayHeadings;
  return rehearsalBriefingCard({
    ...base,
    title: t('rehearsal.briefing.title', { number: sheet.number, title: sheet.title }),
    rolesHeading: headings?.roles ?? t('rehearsal.briefing.roles'),
    roles: [
      { title: t('rehearsal.briefing.you'), value: sheet.roles.candidate },
      { title: t('rehearsal.briefing.bot'), value: t('rehearsal.briefing.botRole', { role: sheet.roles.jury }) },
    ],
    contextHeading: headings?.context ?? t('rehearsal.briefing.context'),
    context: sheet.context,
    note: sheet.note ? `${t('rehearsal.briefing.note')} : ${sheet.note}` : '',
    howHeading: t('rehearsal.briefing.how'),
    how: [
      sheet.opener === 'candidate' ? t('rehearsal.briefing.howCandidate') : t('rehearsal.briefing.howBot'),
      t('rehearsal.briefing.modes'),
      t('rehearsal.briefing.howEnd'),
    ],
    commands: commands(t('rehearsal.briefing.hint')),
    starts: [
      { title: t('rehearsal.briefing.startOrdered'), mode: 'ordered' },
      { title: t('rehearsal.briefing.startShuffled'), mode: 'shuffled' },
    ],
  });
}

export function conditionCard(rehearsal: Rehearsal, condition: Condition, t: Translate): CardJson {
  return rehearsalConditionCard({
    title: t('rehearsal.condition.title'),
    intro: t('rehearsal.condition.intro', { label: condition.label }),
    question: condition.question,
    rehearsalId: rehearsal.id,
    rev: rehearsal.rev,
    conditionId: condition.id,
    yes: t('rehearsal.condition.yes'),
    no: t('rehearsal.condition.no'),
  });
}

function scaleBands(referential: Referential, t: Translate): { scaleTitle: string; bands: { title: string; value: string }[] } {
  const scale = questionsScale(referential);
  const sorted = [...scale.descriptors].sort((a, b) => a.band.from - b.band.from);
  return {
    scaleTitle: `${t('rehearsal.scale.bands')} — ${scale.title}`,
    bands: sorted.map((d) => ({ title: t('rehearsal.scale.band', { from: d.band.from, to: d.band.to }), value: d.text })),
  };
}

/** Who said a transcript entry, with the answer's time for the candidate. */
function speakerOf(entry: Rehearsal['transcript'][number], answerMs: number | undefined, sheet: RolePlay | undefined, t: Translate): string {
  if (entry.speaker === 'candidate') {
    return answerMs === undefined ? t('rehearsal.debrief.you') : t('rehearsal.debrief.youTimed', { time: formatMinutesSeconds(answerMs) });
  }
  if (entry.speaker === 'client') return sheet?.roles.jury ?? t('rehearsal.debrief.botEntry');
  return t('rehearsal.debrief.botEntry');
}

function transcriptView(rehearsal: Rehearsal, sheet: RolePlay | undefined, t: Translate): { speaker: string; text: string }[] {
  return timeline(rehearsal).map(({ entry, answerMs }) => {
    const line = entry.speaker === 'client' ? sheet?.lines.find((l) => l.id === entry.lineId) : undefined;
    const text = line?.type === 'direction' && line.direction ? `${t('rehearsal.direction', { direction: line.direction })} — « ${entry.text} »` : entry.text;
    return { speaker: speakerOf(entry, answerMs, sheet, t), text: cut(text, ANSWER_IN_CARD) };
  });
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

export function rateCard(referential: Referential, rehearsal: Rehearsal, question: DrillQuestion, index: number, total: number, t: Translate): CardJson {
  return rehearsalRateCard({
    title: t('rehearsal.drill.rateTitle', { index: index + 1, total }),
    question: question.text,
    ...scaleBands(referential, t),
    ratingLabel: t('rehearsal.drill.rateLabel'),
    typedNote: t('rehearsal.drill.rateTyped'),
    submit: t('rehearsal.drill.rateSubmit'),
    rehearsalId: rehearsal.id,
    rev: rehearsal.rev,
    questionId: question.id,
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

function attemptDetails(attempt: AttemptSummary, t: Translate): string {
  const parts = [modeLabel(attempt.mode, t)];
  if (attempt.state === 'abandoned') parts.push(t('rehearsal.history.interrupted'));
  else if (attempt.state === 'playing' || attempt.state === 'awaiting_condition') parts.push(t('rehearsal.history.inProgress'));
  else parts.push(attempt.durationMs !== null ? formatDuration(attempt.durationMs, t) : t('rehearsal.history.noDuration'));
  if (attempt.sheet !== DRILL_SHEET) {
    const assessed = attempt.acquis + attempt.aTravailler;
    parts.push(assessed > 0 ? t('rehearsal.history.assessment', { acquis: attempt.acquis, aTravailler: attempt.aTravailler }) : t('rehearsal.history.noAssessment'));
  }
  parts.push(attempt.rating !== null ? t('rehearsal.history.rating', { rating: attempt.rating }) : t('rehearsal.history.noRating'));
  return parts.join(' · ');
}

function progressText(attempt: AttemptSummary, t: Translate): string {
  const progress = attempt.progress;
  if (!progress) return '';
  const parts: string[] = [];
  if (progress.ratingDelta !== null) {
    parts.push(progress.ratingDelta === 0 ? t('rehearsal.history.samePoints') : t('rehearsal.history.points', { delta: signed(progress.ratingDelta) }));
  }
  if (progress.durationDeltaMs !== null) {
    const d = progress.durationDeltaMs;
    const shown = Math.round(Math.abs(d) / 1000) * 1000;
    if (shown === 0) parts.push(t('rehearsal.history.sameTime'));
    else parts.push(t(d < 0 ? 'rehearsal.history.faster' : 'rehearsal.history.slower', { duration: formatDuration(shown, t) }));
  }
  return parts.length > 0 ? t('rehearsal.history.progress', { parts: parts.join(', ') }) : '';
}

export function historyCard(
  rehearsals: readonly Rehearsal[],
  referentials: ReadonlyMap<string, Referential>,
  timeZone: string,
  t: Translate,
): CardJson {
  const groups = rehearsalHistory(rehearsals).map(({ sheet, attempts }) => {
    const referential = attempts[0] ? referentials.get(attempts[0].referentialId) : undefined;
    const rolePlay = referential ? sheetOf(referential, sheet) : undefined;
    const heading =
      sheet === DRILL_SHEET ? t('rehearsal.history.drill') : t('rehearsal.history.sheet', { number: sheet, title: rolePlay?.title ?? '' });
    const hidden = Math.max(0, attempts.length - HISTORY_ATTEMPTS_SHOWN);
    return {
      heading,
      older: hidden > 0 ? t('rehearsal.history.older', { count: hidden }) : '',
      attempts: attempts.slice(hidden).map((attempt, i) => ({
        title: t('rehearsal.history.attempt', { n: hidden + i + 1, date: formatDate(attempt.startedAt, timeZone) }),
        details: attemptDetails(attempt, t),
        progress: progressText(attempt, t),
      })),
    };
  });
  return rehearsalHistoryCard({ title: t('rehearsal.history.title'), groups, footer: t('rehearsal.history.footer') });
}
