import { bandFor, REHEARSAL_ANSWER_MAX, type Rehearsal } from '../../../domain/index.js';
import { currentQuestion, questionsScale, sheetOf, type RehearsalRefusal, type RehearsalStep } from '../../../domain/rehearsal/index.js';
import type { Translate } from '../../../i18n/translate.js';
import type { Referential } from '../../../referential/schema.js';
import type { Turn } from '../../turn.js';
import { debriefCard, drillSummaryCard } from './debrief-views.js';
import { briefingCard, clientLineText, conditionCard, drillQuestionText, modeLabel, rateCard } from './play-views.js';

/** Turns what the engine says (steps, refusals, the state a rehearsal waits in) into messages and cards. */

export function referentialOf(turn: Turn, rehearsal: Rehearsal): Referential | undefined {
  return turn.services.referentials.get(rehearsal.referentialId);
}

/** What the candidate reads when the engine refuses: nothing changed. */
function refusalMessage(refusal: RehearsalRefusal, t: Translate): string {
  switch (refusal.reason) {
    case 'answer_empty':
      return t('rehearsal.answer.empty');
    case 'answer_too_long':
      return t('rehearsal.answer.tooLong', { max: REHEARSAL_ANSWER_MAX, count: refusal.type === 'invalid' ? (refusal.length ?? 0) : 0 });
    case 'rating_decimal_comma':
      return t('rehearsal.rating.decimal_comma');
    case 'rating_not_integer':
      return t('rehearsal.rating.not_integer');
    case 'rating_out_of_range':
      return t('rehearsal.rating.out_of_range');
    case 'rating_not_a_number':
      return t('rehearsal.rating.not_a_number');
    case 'unknown_criterion':
      return t('rehearsal.badInput');
    case 'unknown_sheet':
      return t('rehearsal.unknownSheet');
    case 'unknown_question':
    case 'not_briefing':
    case 'not_active':
    case 'not_awaiting_condition':
    case 'not_in_debrief':
    case 'not_awaiting_rating':
      return t('rehearsal.notActive');
  }
}

export async function refuse(turn: Turn, refusal: RehearsalRefusal): Promise<void> {
  turn.log('info', 'rehearsal', { outcome: `${refusal.type}:${refusal.reason}` });
  await turn.say(refusalMessage(refusal, turn.t));
}

/** Shows what the engine's steps say, in order. */
export async function showSteps(turn: Turn, rehearsal: Rehearsal, steps: readonly RehearsalStep[]): Promise<void> {
  const { t } = turn;
  const referential = referentialOf(turn, rehearsal);
  if (!referential) return;
  const sheet = sheetOf(referential, rehearsal.sheet);
  for (const step of steps) {
    switch (step.type) {
      case 'cue':
        await turn.say(t('rehearsal.cue', { cue: step.text }));
        break;
      case 'line':
        if (sheet) await turn.say(clientLineText(sheet, step.line, t));
        break;
      case 'reaction':
        if (sheet) await turn.say(t('rehearsal.client', { role: sheet.roles.jury, text: step.text }));
        break;
      case 'condition':
        await turn.sendCard(conditionCard(rehearsal, step.condition, t), step.condition.question);
        break;
      case 'ended':
        if (sheet && step.closing) await turn.say(clientLineText(sheet, step.closing, t));
        await turn.say(t('rehearsal.ended'));
        await turn.sendCard(debriefCard(referential, rehearsal, t), t('rehearsal.debrief.title', { number: rehearsal.sheet, title: sheet?.title ?? '' }));
        break;
      case 'question':
        await turn.say(drillQuestionText(step.question, step.index, step.total, t));
        break;
      case 'rate':
        await turn.sendCard(rateCard(referential, rehearsal, step.question, step.index, step.total, t), step.question.text);
        break;
      case 'drill_ended':
        await turn.sendCard(drillSummaryCard(referential, rehearsal, t), t('rehearsal.drill.summaryTitle'));
        break;
    }
  }
}

/** Shows again what the rehearsal waits for (a fresh card after a stale one, a resume). */
export async function showCurrent(turn: Turn, rehearsal: Rehearsal): Promise<void> {
  const { t } = turn;
  const referential = referentialOf(turn, rehearsal);
  if (!referential) return;
  const sheet = sheetOf(referential, rehearsal.sheet);
  switch (rehearsal.state) {
    case 'briefing':
      await turn.sendCard(briefingCard(referential, rehearsal, t));
      return;
    case 'debrief':
      await turn.sendCard(debriefCard(referential, rehearsal, t));
      return;
    case 'awaiting_condition': {
      const condition = sheet?.conditions.find((c) => c.id === rehearsal.cursor.pendingCondition);
      if (condition) await turn.sendCard(conditionCard(rehearsal, condition, t), condition.question);
      return;
    }
    case 'playing': {
      if (!sheet) {
        const question = currentQuestion(referential, rehearsal);
        if (!question) return;
        if (rehearsal.cursor.awaiting === 'rating') {
          await turn.sendCard(rateCard(referential, rehearsal, question.question, question.index, question.total, t));
        } else await turn.say(drillQuestionText(question.question, question.index, question.total, t));
        return;
      }
      const last = [...rehearsal.transcript].reverse().find((e) => e.speaker === 'client' || e.lineId === 'cue');
      const line = last?.reaction ? undefined : sheet.lines.find((l) => l.id === last?.lineId);
      if (last?.reaction) await turn.say(t('rehearsal.client', { role: sheet.roles.jury, text: last.text }));
      else if (line) await turn.say(clientLineText(sheet, line, t));
      else if (last) await turn.say(t('rehearsal.cue', { cue: last.text }));
      return;
    }
    case 'done':
    case 'abandoned':
      await turn.say(t('rehearsal.notActive'));
      return;
  }
}

export async function announceStart(turn: Turn, rehearsal: Rehearsal): Promise<void> {
  const { t } = turn;
  if (rehearsal.mode === 'drill') {
    await turn.say(t('rehearsal.startedDrill', { count: rehearsal.cursor.questions?.length ?? 0 }));
  } else {
    await turn.say(t('rehearsal.started', { number: rehearsal.sheet, mode: modeLabel(rehearsal.mode, t) }));
  }
}

/** The descriptors of the questions scale's band a rating falls in. */
export function bandText(turn: Turn, referential: Referential, rating: number): string {
  const descriptors = bandFor(questionsScale(referential), rating);
  return turn.t('rehearsal.rating.band', { descriptors: descriptors.map((d) => `« ${d.text} »`).join(' / ') });
}
