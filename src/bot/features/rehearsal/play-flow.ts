import type { Rehearsal } from '../../../domain/index.js';
import {
  answerRehearsal,
  currentQuestion,
  drawSeed,
  hintRehearsal,
  answerCondition,
  isActive,
  sheetOf,
  rateQuestion,
  resolveCondition,
  restartRehearsal,
  stopRehearsal,
} from '../../../domain/rehearsal/index.js';
import type { Referential } from '../../../referential/schema.js';
import { foldForMatch } from '../../../referential/verbatim.js';
import type { Turn } from '../../turn.js';
import { announceStart, bandText, referentialOf, refuse, showCurrent, showSteps } from './show.js';
import { apply, current, save, setFlow } from './store.js';

/** Text while an exercise runs: the control words, the oui / non of a condition, a drill rating, or an answer to the client. */

/** The words that drive the exercise while it runs (typed alone); anything else is an answer. */
const HINT_WORDS = ['indice', 'hint'];
const RESTART_WORDS = ['recommencer', 'restart'];
/** The global `annuler` cancels the current step: here, the exercise, exactly as `stop` does. */
const STOP_WORDS = ['stop', 'annuler', 'cancel'];
/** The global `aide`: a reminder of how the exercise works, never an answer; the rehearsal does not change. */
const HELP_WORDS = ['aide', 'help'];

/** Handles the text if an exercise of the user's is running; false lets other features have it. */
export async function playText(turn: Turn, text: string): Promise<boolean> {
  const { rehearsal } = await current(turn);
  if (!rehearsal || !isActive(rehearsal)) return false;
  const referential = referentialOf(turn, rehearsal);
  if (!referential) return false;
  const word = foldForMatch(text).replace(/[\s.!?]+$/u, '');
  if (HINT_WORDS.includes(word)) await hint(turn, referential, rehearsal);
  else if (RESTART_WORDS.includes(word)) await restart(turn, referential, rehearsal);
  else if (STOP_WORDS.includes(word)) await stop(turn, rehearsal);
  else if (HELP_WORDS.includes(word)) await turn.say(turn.t('rehearsal.playHelp'));
  else if (rehearsal.state === 'awaiting_condition') {
    const condition = sheetOf(referential, rehearsal.sheet)?.conditions.find((c) => c.id === rehearsal.cursor.pendingCondition);
    const yes = condition ? answerCondition(condition, text) : null;
    if (yes === null) {
      await turn.say(turn.t('rehearsal.condition.again'));
      await showCurrent(turn, rehearsal);
    } else await apply(turn, rehearsal, resolveCondition(referential, rehearsal, yes, turn.now()));
  } else if (rehearsal.cursor.awaiting === 'rating') {
    const question = currentQuestion(referential, rehearsal);
    await rate(turn, referential, rehearsal, question?.question.id ?? '', text);
  } else await apply(turn, rehearsal, answerRehearsal(referential, rehearsal, text, turn.now()));
  return true;
}

async function hint(turn: Turn, referential: Referential, rehearsal: Rehearsal): Promise<void> {
  const hinted = hintRehearsal(referential, rehearsal);
  if (hinted.type === 'exhausted') {
    await turn.say(turn.t('rehearsal.hintNone'));
    return;
  }
  if (hinted.type !== 'hinted') return refuse(turn, hinted);
  if (!(await save(turn, rehearsal, hinted.rehearsal))) return;
  const { hint } = hinted;
  await turn.say(
    hint.kind === 'criterion'
      ? turn.t('rehearsal.hint', { criterion: hint.criterion.text, hint: hint.criterion.hint })
      : turn.t('rehearsal.hintDrill', { text: hint.descriptors.map((d) => d.text).join(' ') }),
  );
  turn.log('info', 'rehearsal', { rehearsal: rehearsal.id, outcome: 'hint' });
}

async function restart(turn: Turn, referential: Referential, rehearsal: Rehearsal): Promise<void> {
  const result = restartRehearsal(referential, rehearsal, { now: turn.now(), seed: drawSeed(turn.services.random) });
  if (result.type !== 'changed') return refuse(turn, result);
  if (!(await save(turn, rehearsal, result.rehearsal))) return;
  await turn.say(turn.t('rehearsal.restarted'));
  await announceStart(turn, result.rehearsal);
  await showSteps(turn, result.rehearsal, result.steps);
  turn.log('info', 'rehearsal', { rehearsal: rehearsal.id, outcome: 'restart' });
}

async function stop(turn: Turn, rehearsal: Rehearsal): Promise<void> {
  const result = stopRehearsal(rehearsal, turn.now());
  if (result.type !== 'changed') return refuse(turn, result);
  if (!(await save(turn, rehearsal, result.rehearsal))) return;
  await setFlow(turn, undefined);
  await turn.say(turn.t('rehearsal.stopped'));
  turn.log('info', 'rehearsal', { rehearsal: rehearsal.id, outcome: 'stop' });
}

/** A drill rating, typed or from the card; the last one ends the drill. */
export async function rate(turn: Turn, referential: Referential, rehearsal: Rehearsal, questionId: string, typed: string, lastSubmission?: string): Promise<void> {
  const result = rateQuestion(referential, rehearsal, questionId, typed, turn.now());
  if (result.type !== 'changed') return refuse(turn, result);
  const after = lastSubmission !== undefined ? { ...result.rehearsal, lastSubmission } : result.rehearsal;
  if (!(await save(turn, rehearsal, after))) return;
  const rating = after.questionRatings?.[questionId];
  if (rating !== undefined) await turn.say(`${turn.t('rehearsal.drill.rated', { rating })} ${bandText(turn, referential, rating)}`);
  await showSteps(turn, after, result.steps);
  if (after.state === 'done') await setFlow(turn, undefined);
}
