import { TeamsActivityHandler, TurnContext } from 'botbuilder';
import { welcomeCard } from '../cards/welcome-card.js';
import { KeyedMutex } from '../storage/keyed-mutex.js';
import { parseCommand } from './commands.js';
import type { CommandSpec, Feature } from './feature.js';
import { helpFeature, sendHelp } from './features/help/help-feature.js';
import type { BotServices } from './services.js';
import { Turn } from './turn.js';
import { stripBidi } from './without-bidi.js';
import { parseSubmission, VERB_FEATURES, type Submission } from './verbs.js';

/** The welcome card's buttons: what a newcomer most likely came for. */
const WELCOME_COMMANDS = ['newEvaluation', 'rehearsal', 'help'];

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Longest piece of unknown user text echoed back in help. */
const ECHO_LIMIT = 80;

/** The user's words: the bot's @mention removed (Teams sends it as `<at>…</at>`). */
function messageText(context: TurnContext): string {
  const withoutMention = TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '';
  return stripBidi(withoutMention.replace(/<at>[^<]*<\/at>/g, ' ')).trim();
}

/**
 * Routing only: each message goes to the feature that owns the command, the
 * card verb or the user's current flow. One user's turns run one at a time.
 */
export class JuryBot extends TeamsActivityHandler {
  private readonly features: readonly Feature[];
  private readonly turns = new KeyedMutex();

  constructor(
    private readonly services: BotServices,
    features: readonly Feature[] = [],
  ) {
    super();
    this.features = [helpFeature(() => this.commands()), ...features];
    this.onMessage(async (context, next) => {
      const turn = new Turn(context, this.services);
      await this.turns.run(turn.userId, () => this.handleMessage(turn));
      await next();
    });
    // Proactive messages need a reference to the person's chat: kept on install and on every update.
    this.onConversationUpdate(async (context, next) => {
      await this.rememberConversation(new Turn(context, this.services));
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.rememberConversation(new Turn(context, this.services));
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient.id;
      const newcomers = (context.activity.membersAdded ?? []).filter((member) => member.id !== botId);
      if (newcomers.length > 0) await this.sendWelcome(new Turn(context, this.services));
      await next();
    });
  }

  private async rememberConversation(turn: Turn): Promise<void> {
    if (!turn.isPersonal || turn.context.activity.from.role === 'bot') return;
    await this.services.repositories.conversationReferences.save(turn.userId, TurnContext.getConversationReference(turn.context.activity));
  }

  /** Every top-level command, in feature order. */
  commands(): readonly CommandSpec[] {
    return this.features.flatMap((feature) => feature.commands);
  }

  private async handleMessage(turn: Turn): Promise<void> {
    if (turn.isPersonal) {
      await this.rememberConversation(turn);
      await this.services.notifier.deliverPending(turn.userId, (activity) => turn.context.sendActivity(activity));
    }
    const value: unknown = turn.context.activity.value;
    if (value !== undefined && value !== null) {
      await this.handleSubmission(turn, value);
      return;
    }
    const text = messageText(turn.context);
    const command = parseCommand(text, this.commands());
    if (!turn.isPersonal) {
      await this.handleGroupText(turn, command?.spec.id);
      return;
    }
    const resumed = await this.resumeAfterRestart(turn, command !== null);
    for (const feature of this.features) {
      if (feature.onText && (await feature.onText(turn, text))) {
        turn.log('info', 'message', { feature: feature.name, command: 'flow' });
        return;
      }
    }
    turn.log('info', 'message', { command: command?.spec.id ?? 'unknown' });
    if (command) {
      await command.spec.run(turn, command.argument);
      return;
    }
    if (resumed) return;
    const echo = text.length > ECHO_LIMIT ? `${text.slice(0, ECHO_LIMIT)}…` : text;
    const notice = echo ? turn.t('help.unknownBack', { text: echo }) : turn.t('help.unknownEmptyBack');
    for (const feature of this.features) {
      if (feature.onUnknownText && (await feature.onUnknownText(turn, notice))) return;
    }
    await sendHelp(turn, this.commands(), echo ? turn.t('help.unknown', { text: echo }) : turn.t('help.unknownEmpty'));
  }

  /** In a group chat the bot shows no grid and no percentage: help only. */
  private async handleGroupText(turn: Turn, commandId: string | undefined): Promise<void> {
    turn.log('info', 'group message', { command: commandId ?? 'unknown' });
    if (commandId === undefined || commandId === 'help') {
      await sendHelp(turn, this.commands(), turn.t('help.group'));
      return;
    }
    await turn.say(turn.t('error.personalOnly'));
  }

  private async handleSubmission(turn: Turn, value: unknown): Promise<void> {
    const parsed = parseSubmission(value);
    const feature = parsed.type === 'ok' ? this.featureFor(parsed.submission) : undefined;
    if (parsed.type === 'invalid' || !feature) {
      turn.log('info', 'submission', { outcome: 'invalid' });
      await turn.say(turn.t('error.badSubmission'));
      return;
    }
    // In a group chat only the help itself runs: a button naming another command would show it there.
    const groupAllowed = feature.name === 'help' && 'command' in parsed.submission && parsed.submission.command === 'help';
    if (!turn.isPersonal && !groupAllowed) {
      turn.log('info', 'submission', { verb: parsed.submission.verb, outcome: 'group_refused' });
      await turn.say(turn.t('error.personalOnly'));
      return;
    }
    turn.log('info', 'submission', { verb: parsed.submission.verb });
    await feature.onSubmission(turn, parsed.submission);
  }

  /** The feature answering the verb, as VERB_FEATURES says (undefined when that feature is not installed). */
  private featureFor(submission: Submission): Feature | undefined {
    return this.features.find((feature) => feature.name === VERB_FEATURES[submission.verb]);
  }

  /**
   * The first message after a restart brings the user back to where they were
   * (a feature re-sends its card); later messages of the same run do not.
   */
  private async resumeAfterRestart(turn: Turn, commandFollows: boolean): Promise<boolean> {
    const { userStates } = this.services.repositories;
    const state = await userStates.get(turn.userId);
    if (!state || state.bootId === this.services.bootId) return false;
    let resumed = false;
    for (const feature of this.features) {
      if (feature.onResume && (await feature.onResume(turn, commandFollows))) {
        resumed = true;
        break;
      }
    }
    const stored = await userStates.get(turn.userId);
    const latest = stored ?? state;
    await userStates.save({ ...latest, bootId: this.services.bootId, updatedAt: turn.now().toISOString() }, { stored });
    return resumed;
  }

  private async sendWelcome(turn: Turn): Promise<void> {
    const { t } = turn;
    const names = [...this.services.referentials.values()].map((ref) => ref.name).join(', ');
    const card = welcomeCard({
      title: t('welcome.title'),
      body: t('welcome.body', { cqp: names }),
      privacy: t('welcome.privacy'),
      next: t('welcome.next'),
      actions: WELCOME_COMMANDS.flatMap((id) => this.commands().filter((spec) => spec.id === id)).map((spec) => ({ title: capitalize(t(spec.nameKey)), command: spec.id })),
    });
    await turn.sendCard(card, t('welcome.title'));
  }
}
