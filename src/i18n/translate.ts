import { en } from './en.js';
import { fr, type MessageKey } from './fr.js';

export type Locale = 'fr' | 'en';
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const catalogs: Record<Locale, Record<MessageKey, string>> = { fr, en };

/** French unless the client says English (Teams sends e.g. "en-US"). */
export function localeOf(activityLocale: string | undefined): Locale {
  return activityLocale?.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

/** A value that starts with a vowel sound: "de" before it elides ("d'Emma", but "de Hugo", "de Yanis"). */
const ELIDING = /^[AEIOUÀÂÉÈÊËÎÏÔÙÛaeiouàâéèêëîïôùû]/u;

export function translator(locale: Locale): Translate {
  const catalog = catalogs[locale];
  return (key, params = {}) =>
    catalog[key].replace(/(\b[dD]e )?\{(\w+)\}/g, (whole, de: string | undefined, name: string) => {
      if (!(name in params)) return whole;
      const value = String(params[name]);
      // French elision before a name or value ("l'entretien d'Emma Durand"), never in English.
      if (de && locale === 'fr' && ELIDING.test(value)) return `${de[0]}'${value}`;
      return `${de ?? ''}${value}`;
    });
}
