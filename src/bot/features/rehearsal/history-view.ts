import { rehearsalHistoryCard } from '../../../cards/rehearsal-history-card.js';
import type { CardJson } from '../../../cards/render-template.js';
import type { Rehearsal } from '../../../domain/model.js';
import { DRILL_SHEET, criteriaProgress, rehearsalHistory, sheetOf, type AttemptSummary } from '../../../domain/rehearsal/index.js';
import type { Translate } from '../../../i18n/translate.js';
import type { Referential } from '../../../referential/schema.js';
import { formatDate } from '../../format.js';
import { formatDuration, signed } from './format-rehearsal.js';
import { modeLabel } from './play-views.js';

/** `mes répétitions`: the candidate's attempts per sheet, with the progress from one to the next. */

/** Attempts listed per sheet (the latest ones), so the card stays within 40 KB. */
export const HISTORY_ATTEMPTS_SHOWN = 10;

/** Progress per criterion looks at this many of the latest debriefed attempts. */
const CRITERIA_ATTEMPTS = 3;

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
    const criteria = rolePlay && referential ? criteriaProgress(rehearsals, referential.id, rolePlay, CRITERIA_ATTEMPTS) : [];
    return {
      heading,
      criteriaHeading: criteria.length > 0 ? t('rehearsal.history.criteria', { count: criteria[0]?.of ?? 0 }) : '',
      criteria: criteria.map((c) => t('rehearsal.history.criterion', { text: c.text, acquired: c.acquired, of: c.of })),
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
