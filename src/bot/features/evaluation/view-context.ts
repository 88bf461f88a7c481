import { translator, type Locale, type Translate } from '../../../i18n/translate.js';
import type { Turn } from '../../turn.js';

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
