import type { MessageKey } from '../i18n/fr.js';
import type { TimerHandler } from './scheduler.js';
import type { Turn } from './turn.js';

/** A top-level text command, declared by the feature that answers it. */
export interface CommandSpec {
  id: string;
  /** Folded spellings (lowercase, no accents) that trigger it; the French name first. */
  names: readonly string[];
  nameKey: MessageKey;
  descriptionKey: MessageKey;
  takesArgument: boolean;
  /** Shown in help and in the Teams manifest's command list. */
  listed: boolean;
  run: (turn: Turn, argument: string) => Promise<void>;
}

/**
 * A slice of the bot (help, evaluation, rehearsal…): its commands, the card
 * verbs it answers (listed in VERB_FEATURES, verbs.ts) and, while the user is
 * inside its flow, the text it takes as an answer.
 */
/** The bot's features, by the name each one declares (verbs.ts maps every card verb to one). */
export type FeatureName = 'help' | 'evaluation' | 'president' | 'rehearsal';

export interface Feature<S extends { verb: string } = { verb: string }> {
  name: FeatureName;
  commands: readonly CommandSpec[];
  // Method syntax on purpose: the router holds features of every submission type.
  onSubmission(turn: Turn, submission: S): Promise<void>;
  /**
   * Offered every personal text message before command routing; returns true
   * when the feature took it (e.g. a candidate's answer during a role play).
   */
  onText?: (turn: Turn, text: string) => Promise<boolean>;
  /**
   * Offered first when the user writes after a restart of the bot; returns true when it resumed a flow.
   * `commandFollows`: the message is a command the bot answers next, so the feature says the restart
   * in one line and shows no card of its own (the command's answer is what the user asked for).
   */
  onResume?: (turn: Turn, commandFollows: boolean) => Promise<boolean>;
  /**
   * Offered text nobody understood: returns true when it showed the user, with `notice`, the
   * card of a flow still under way (a juror who comes back mid-interview and says hello).
   */
  onUnknownText?: (turn: Turn, notice: string) => Promise<boolean>;
  /** Handlers of the stored timers this feature schedules, by timer kind. */
  timerHandlers?: Record<string, TimerHandler>;
}
