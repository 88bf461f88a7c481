import type { coreFr } from './core.fr.js';

/** Core English messages. */
export const coreEn: Record<keyof typeof coreFr, string> = {
  'welcome.title': 'Welcome to the CQP jury bot',
  'welcome.body':
    "I help you through the evaluation of a candidate for the {cqp}: notes row by row during the interview, percentages after it, the individual report, then the jury president's synthesis. Candidates can also rehearse the role plays.",
  'welcome.privacy': 'Each jury member sees only their own grid. Nothing you enter is shown in a group conversation.',
  'welcome.next': 'Type "help" at any time to see what I can do.',
  'help.title': 'What I can do',
  'help.intro': 'Type one of these commands (case and accents do not matter):',
  'help.unknown': 'I did not understand "{text}". Here is what I can do:',
  'help.unknownEmpty': 'I did not understand your message. Here is what I can do:',
  'help.unknownBack': 'I did not understand "{text}". Here is where you were; "help" lists the commands.',
  'help.unknownEmptyBack': 'I did not understand your message. Here is where you were; "help" lists the commands.',
  'help.group': 'In a group conversation I never show a grid or a percentage. Write to me in a personal chat to evaluate or to practise.',
  'command.help': 'help',
  'command.help.description': 'shows this help',
  'error.personalOnly': 'To protect the grids, this is done only in your personal chat with the bot. Open a chat with me and send it again.',
  'error.turn': 'Sorry, something unexpected went wrong. Everything you saved is kept; please try again in a moment.',
  'error.badSubmission': 'This action is not recognised or its data is incomplete. Nothing was changed.',
  'error.oldCard': 'This card is out of date. Nothing was changed; here is the current version.',
};
