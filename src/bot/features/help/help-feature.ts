import { z } from 'zod';
import { helpCard } from '../../../cards/help-card.js';
import type { CommandSpec, Feature } from '../../feature.js';
import type { Turn } from '../../turn.js';

/** Card buttons that run a top-level command (welcome card, help). */
export const helpVerbs = [z.object({ verb: z.literal('command.run'), command: z.string().min(1).max(40) })] as const;
type HelpSubmission = z.infer<(typeof helpVerbs)[number]>;

/** Sends the help card listing every listed command of every feature. */
export async function sendHelp(turn: Turn, commands: readonly CommandSpec[], intro: string): Promise<void> {
  const { t } = turn;
  const listed = commands.filter((spec) => spec.listed).map((spec) => ({ name: t(spec.nameKey), description: t(spec.descriptionKey) }));
  await turn.sendCard(helpCard({ title: t('help.title'), intro, commands: listed }), intro);
}

/** Help, and the buttons that run commands. `allCommands` is read lazily: every feature's commands. */
export function helpFeature(allCommands: () => readonly CommandSpec[]): Feature<HelpSubmission> {
  return {
    name: 'help',
    commands: [
      {
        id: 'help',
        names: ['aide', 'help', '?'],
        nameKey: 'command.help',
        descriptionKey: 'command.help.description',
        takesArgument: false,
        listed: true,
        run: (turn) => sendHelp(turn, allCommands(), turn.t('help.intro')),
      },
    ],
    onSubmission: async (turn, submission) => {
      const spec = allCommands().find((command) => command.id === submission.command && !command.takesArgument);
      if (!spec) {
        await turn.say(turn.t('error.badSubmission'));
        return;
      }
      await spec.run(turn, '');
    },
  };
}
