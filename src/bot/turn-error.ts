import type { TurnContext } from 'botbuilder';
import { localeOf, translator, type Locale } from '../i18n/translate.js';
import { hashId, type Logger } from '../log.js';

/**
 * The one error boundary of a turn: log without personal data, tell the user
 * one short sentence, keep their data (nothing is deleted to "recover").
 */
/** `fixedLocale` (BOT_LOCALE) wins over the activity's locale, as in every other reply. */
export function createTurnErrorHandler(logger: Logger, salt: string, fixedLocale?: Locale) {
  return async (context: TurnContext, error: unknown): Promise<void> => {
    const activity = context.activity;
    logger.error('turn failed', {
      user: hashId(activity.from?.aadObjectId ?? activity.from?.id, salt),
      activityType: activity.type,
      channel: activity.channelId,
      error: error instanceof Error ? `${error.name}: ${error.message}` : 'non-error thrown',
      stack: error instanceof Error ? error.stack?.split('\n').slice(1, 4).join(' | ') : undefined,
    });
    try {
      await context.sendActivity(translator(fixedLocale ?? localeOf(activity.locale))('error.turn'));
    } catch (sendError) {
      logger.error('could not tell the user about a failed turn', {
        error: sendError instanceof Error ? sendError.message : 'unknown',
      });
    }
  };
}
