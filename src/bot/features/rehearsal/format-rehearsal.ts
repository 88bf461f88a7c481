import type { Translate } from '../../../i18n/translate.js';

/** "4 min 12 s", or "45 s" under a minute. */
export function formatDuration(ms: number, t: Translate): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return minutes === 0
    ? t('rehearsal.durationSeconds', { seconds })
    : t('rehearsal.duration', { minutes, seconds: String(seconds).padStart(2, '0') });
}

/** "+15", "−10" (a real minus sign), "0". */
export function signed(delta: number): string {
  if (delta > 0) return `+${delta}`;
  if (delta < 0) return `\u2212${-delta}`;
  return '0';
}

/** A candidate's text in a card: at most `max` characters, cut with an ellipsis. */
export function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
