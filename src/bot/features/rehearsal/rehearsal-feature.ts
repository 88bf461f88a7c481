import { rehearsalEraseCard } from '../../../cards/rehearsal-erase-card.js';
import { isActive } from '../../../domain/rehearsal/index.js';
import type { CommandSpec, Feature } from '../../feature.js';
import type { Turn } from '../../turn.js';
import { onRehearsalSubmission } from './card-flow.js';
import { historyCard } from './history-view.js';
import { menuCard } from './play-views.js';
import { playText } from './play-flow.js';
import { showCurrent } from './show.js';
import { current } from './store.js';
import type { RehearsalSubmission } from './verbs.js';

async function showMenu(turn: Turn): Promise<void> {
  await turn.sendCard(menuCard([...turn.services.referentials.values()], turn.t), turn.t('rehearsal.menu.title'));
}

async function showHistory(turn: Turn): Promise<void> {
  const mine = await turn.services.repositories.rehearsals.listForUser(turn.userId);
  const attempts = mine.filter((r) => r.userId === turn.userId && r.state !== 'briefing');
  if (attempts.length === 0) {
    await turn.say(turn.t('rehearsal.history.empty'));
    return;
  }
  await turn.sendCard(historyCard(attempts, turn.services.referentials, turn.services.timezone, turn.t), turn.t('rehearsal.history.title'));
}

async function askErase(turn: Turn): Promise<void> {
  const { t } = turn;
  const count = (await turn.services.repositories.rehearsals.listForUser(turn.userId)).length;
  if (count === 0) {
    await turn.say(t('rehearsal.erase.none'));
    return;
  }
  const card = rehearsalEraseCard({
    title: t('rehearsal.erase.title'),
    body: t('rehearsal.erase.body', { count }),
    confirm: t('rehearsal.erase.confirm'),
    cancel: t('rehearsal.erase.cancel'),
    askedAt: turn.now().toISOString(),
  });
  await turn.sendCard(card, t('rehearsal.erase.title'));
}

const commands: CommandSpec[] = [
  {
    id: 'rehearsal',
    names: ['repetition', 'rehearsal'],
    nameKey: 'command.rehearsal',
    descriptionKey: 'command.rehearsal.description',
    takesArgument: false,
    listed: true,
    run: showMenu,
  },
  {
    id: 'rehearsal-history',
    names: ['mes repetitions', 'my rehearsals'],
    nameKey: 'command.rehearsalHistory',
    descriptionKey: 'command.rehearsalHistory.description',
    takesArgument: false,
    listed: true,
    run: showHistory,
  },
  {
    id: 'rehearsal-erase',
    names: ['supprimer mes repetitions', 'delete my rehearsals'],
    nameKey: 'command.rehearsalErase',
    descriptionKey: 'command.rehearsalErase.description',
    takesArgument: false,
    // Kept out of the Teams command list (10 at most); the menu and the history name it.
    listed: false,
    run: askErase,
  },
];

/**
 * The first message after a restart: an exercise under way goes on (the message is the
 * answer to the line that was waiting); a debrief or a briefing is shown again.
 */
async function onResume(turn: Turn, commandFollows: boolean): Promise<boolean> {
  const { rehearsal } = await current(turn);
  if (!rehearsal) return false;
  if (isActive(rehearsal)) {
    await turn.say(turn.t('rehearsal.resumed'));
    return true;
  }
  if (rehearsal.state === 'debrief' || rehearsal.state === 'briefing') {
    await turn.say(turn.t('rehearsal.resumed'));
    // A command typed after the restart is answered next: its answer, not the old card, follows the notice.
    if (!commandFollows) await showCurrent(turn, rehearsal);
    return true;
  }
  return false;
}

/**
 * The candidate's rehearsal: `répétition` (choose a sheet or the question drill, play it,
 * debrief), `mes répétitions`, `supprimer mes répétitions`. Everything is keyed by the
 * candidate's own user id; a card carrying someone else's rehearsal id is refused the same
 * way as an unknown one, so it reveals nothing.
 */
export function rehearsalFeature(): Feature<RehearsalSubmission> {
  return { name: 'rehearsal', commands, onSubmission: onRehearsalSubmission, onText: playText, onResume };
}
