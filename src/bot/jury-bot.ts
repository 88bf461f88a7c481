import { TeamsActivityHandler, TurnContext } from 'botbuilder';
import { helpCard } from '../cards/help-card.js';
import { welcomeCard } from '../cards/welcome-card.js';
import { localeOf, translator, type Translate } from '../i18n/translate.js';
import type { Referential } from '../referential/schema.js';
import { hashId, type Logger } from '../log.js';
import { COMMANDS, parseCommand, type CommandId } from './commands.js';
import { sendCard, userKey } from './replies.js';
import { parseSubmission } from './verbs.js';

export interface BotDeps {
  /** The certifications the bot knows, by id (their names appear in the welcome). */
  referentials: ReadonlyMap<string, Referential>;
  logger: Logger;
  logSalt: string;
}

/** Longest piece of unknown user text echoed back in help. */
const ECHO_LIMIT = 80;

/** The user's words: the bot's @mention removed (Teams sends it as `<at>…</at>`). */
function messageText(context: TurnContext): string {
  const withoutMention = TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '';
  return withoutMention.replace(/<at>[^<]*<\/at>/g, ' ').trim();
}

export class JuryBot extends TeamsActivityHandler {
  constructor(private readonly deps: BotDeps) {
    super();
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient.id;
      const newcomers = (context.activity.membersAdded ?? []).filter((member) => member.id !== botId);
      if (newcomers.length > 0) await this.sendWelcome(context);
      await next();
    });
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const t = translator(localeOf(context.activity.locale));
    const value: unknown = context.activity.value;
    if (value !== undefined && value !== null) {
      await this.handleSubmission(context, t, value);
      return;
    }
    const text = messageText(context);
    const command = parseCommand(text);
    this.log(context, 'message', { command: command?.id ?? 'unknown' });
    if (command) {
      await this.runCommand(context, t, command.id);
      return;
    }
    const echo = text.length > ECHO_LIMIT ? `${text.slice(0, ECHO_LIMIT)}…` : text;
    await this.sendHelp(context, t, echo ? t('help.unknown', { text: echo }) : t('help.unknownEmpty'));
  }

  private async handleSubmission(context: TurnContext, t: Translate, value: unknown): Promise<void> {
    const parsed = parseSubmission(value);
    if (parsed.type === 'invalid') {
      this.log(context, 'submission', { outcome: 'invalid' });
      await context.sendActivity(t('error.badSubmission'));
      return;
    }
    const submission = parsed.submission;
    this.log(context, 'submission', { verb: submission.verb, outcome: 'accepted' });
    switch (submission.verb) {
      case 'command.run':
        await this.runCommand(context, t, submission.command);
        return;
    }
  }

  private async runCommand(context: TurnContext, t: Translate, id: CommandId): Promise<void> {
    switch (id) {
      case 'help':
        await this.sendHelp(context, t, t('help.intro'));
        return;
    }
  }

  private async sendHelp(context: TurnContext, t: Translate, intro: string): Promise<void> {
    const commands = COMMANDS.map((spec) => ({ name: t(spec.nameKey), description: t(spec.descriptionKey) }));
    await sendCard(context, helpCard({ title: t('help.title'), intro, commands }), intro);
  }

  private async sendWelcome(context: TurnContext): Promise<void> {
    const t = translator(localeOf(context.activity.locale));
    const card = welcomeCard({
      title: t('welcome.title'),
      body: t('welcome.body', { cqp: [...this.deps.referentials.values()].map((ref) => ref.name).join(', ') }),
      privacy: t('welcome.privacy'),
      next: t('welcome.next'),
      actions: COMMANDS.map((spec) => ({ title: t(spec.nameKey), command: spec.id })),
    });
    await sendCard(context, card, t('welcome.title'));
  }

  private log(context: TurnContext, msg: string, fields: Record<string, string>): void {
    this.deps.logger.info(msg, { user: hashId(userKey(context), this.deps.logSalt), channel: context.activity.channelId, ...fields });
  }
}
