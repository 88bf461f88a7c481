import type { Locale } from '../../../i18n/translate.js';
import type { BotServices } from '../../services.js';

/** The language a person last used with the bot (French until they wrote in English). */
export async function recipientLocale(services: BotServices, userId: string): Promise<Locale> {
  const profile = await services.repositories.profiles.get(userId);
  return profile?.locale === 'en' ? 'en' : 'fr';
}
