import type { ScoreWords } from '../domain/percentage.js';
import type { Translate } from '../i18n/translate.js';

/**
 * French formats for what users read: 28/11/2026, 14 h 05 (percentages:
 * formatPercent and formatScore in domain/percentage.ts). The time zone is the
 * configured one (Europe/Paris by default), never the server's.
 */

const NBSP = '\u00a0';

// Building an Intl.DateTimeFormat costs far more than using one: one per time zone, made once.
const formatters = new Map<string, Intl.DateTimeFormat>();

function parts(at: Date, timeZone: string): Record<string, string> {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('fr-FR', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return Object.fromEntries(formatter.formatToParts(at).map((part) => [part.type, part.value]));
}

/** 28/11/2026 */
export function formatDate(at: Date | string, timeZone: string): string {
  const p = parts(new Date(at), timeZone);
  return `${p.day}/${p.month}/${p.year}`;
}

/** 14 h 05 */
export function formatTime(at: Date | string, timeZone: string): string {
  const p = parts(new Date(at), timeZone);
  return `${p.hour}${NBSP}h${NBSP}${p.minute}`;
}

/** A stored day (AAAA-MM-JJ) as 28/11/2026, whatever the time zone. */
export function formatDay(day: string): string {
  const [year, month, date] = day.split('-');
  return `${date}/${month}/${year}`;
}

/** Today's date (AAAA-MM-JJ) in the given time zone. */
export function today(at: Date, timeZone: string): string {
  const p = parts(at, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** A score's words in the reader's language, for formatScore (domain/percentage.ts): « Non évalué : motif » or `undecided`. */
export function scoreWords(t: Translate, undecided: string): ScoreWords {
  return { notEvaluatedBecause: (reason) => t('evaluation.report.notEvaluatedBecause', { reason }), undecided };
}

/**
 * A band of a scale as people read it: the referential's bands are half-open ([0, 30) …
 * [70, 100]), so on integer percentages "0 à 29 %", the last one "70 à 100 %".
 */
export function bandLabel(t: Translate, band: { from: number; to: number }): string {
  return band.to === 100 ? t('evaluation.band.last', { from: band.from }) : t('evaluation.band', { from: band.from, to: band.to - 1 });
}
