import { CardFactory, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import type { CardJson } from '../cards/render-template.js';
import { hashId, type LogFields } from '../log.js';
import { localeOf, translator, type Locale, type Translate } from '../i18n/translate.js';
import type { BotServices } from './services.js';
import { stripBidi } from './without-bidi.js';

/** One incoming activity with what every handler needs: who, where, language, services. */
export class Turn {
  readonly locale: Locale;
  readonly t: Translate;
  /** Teams' AAD object id, else the channel's user id. */
  readonly userId: string;
  readonly userName: string;
  readonly tenantId: string;
  readonly conversationType: string;

  constructor(
    readonly context: TurnContext,
    readonly services: BotServices,
  ) {
    const activity = context.activity;
    this.locale = services.fixedLocale ?? localeOf(activity.locale);
    this.t = translator(this.locale);
    this.userId = activity.from.aadObjectId ?? activity.from.id;
    this.userName = stripBidi(activity.from.name ?? '');
    const channelData = activity.channelData as { tenant?: { id?: string } } | undefined;
    this.tenantId = channelData?.tenant?.id ?? activity.conversation?.tenantId ?? 'local';
    this.conversationType = activity.conversation?.conversationType ?? 'personal';
  }

  /** Grids and percentages are shown only in a 1:1 chat. */
  get isPersonal(): boolean {
    return this.conversationType === 'personal';
  }

  now(): Date {
    return this.services.clock.now();
  }

  /** A plain message: names and typed text in it are shown as typed, never as markdown. */
  async say(text: string): Promise<string | undefined> {
    return (await this.context.sendActivity({ ...MessageFactory.text(text), textFormat: 'plain' }))?.id;
  }

  async sendCard(card: CardJson, summary?: string): Promise<string | undefined> {
    return (await this.context.sendActivity(cardActivity(card, summary)))?.id;
  }

  /**
   * Replaces the card the user acted on (Teams: updateActivity on replyToId).
   * Channels that cannot update simply keep the old card.
   */
  async replaceActedCard(card: CardJson, summary?: string): Promise<void> {
    const replyToId = this.context.activity.replyToId;
    if (!replyToId) return;
    try {
      await this.context.updateActivity({ ...cardActivity(card, summary), id: replyToId });
    } catch (error) {
      this.log('debug', 'card update not supported', { error: error instanceof Error ? error.name : 'unknown' });
    }
  }

  #hashedUser: string | undefined;

  log(level: 'debug' | 'info' | 'warn' | 'error', msg: string, fields: LogFields = {}): void {
    // A turn logs two or three lines: the user's hash is computed once.
    this.#hashedUser ??= hashId(this.userId, this.services.logSalt);
    this.services.logger[level](msg, {
      user: this.#hashedUser,
      channel: this.context.activity.channelId,
      ...fields,
    });
  }
}

export function cardActivity(card: CardJson, summary?: string): Partial<Activity> {
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
  if (summary) activity.summary = summary;
  return activity;
}
