import { rehearsalEraseCard } from '../../../cards/rehearsal-erase-card.js';
import { bandFor, checkRevision, REHEARSAL_ANSWER_MAX, submissionFingerprint, type Rehearsal, type UserState } from '../../../domain/index.js';
import {
  answerRehearsal,
  currentQuestion,
  drawSeed,
  hintRehearsal,
  isActive,
  newRehearsal,
  parseYesNo,
  questionsScale,
  rateQuestion,
  resolveCondition,
  restartRehearsal,
  sheetOf,
  startRehearsal,
  stopRehearsal,
  submitDebrief,
  type RehearsalRefusal,
  type RehearsalResult,
  type RehearsalStep,
} from '../../../domain/rehearsal/index.js';
import type { Translate } from '../../../i18n/translate.js';
import type { Referential } from '../../../referential/schema.js';
import { foldForMatch } from '../../../referential/verbatim.js';
import type { CommandSpec, Feature } from '../../feature.js';
import type { BotServices } from '../../services.js';
import type { Turn } from '../../turn.js';
import {
  briefingCard,
  clientLineText,
  conditionCard,
  debriefCard,
  drillQuestionText,
  drillSummaryCard,
  historyCard,
  menuCard,
  modeLabel,
  rateCard,
} from './rehearsal-views.js';
import { criteriaOf, type RehearsalSubmission } from './verbs.js';

/** The words that drive the exercise while it runs (typed alone); anything else is an answer. */
const HINT_WORDS = ['indice', 'hint'];
const RESTART_WORDS = ['recommencer', 'restart'];
const STOP_WORDS = ['stop'];

/** What the candidate reads when the engine refuses: nothing changed. */
function refusalMessage(refusal: RehearsalRefusal, t: Translate): string {
  switch (refusal.reason) {
    case 'answer_empty':
      return t('rehearsal.answer.empty');
    case 'answer_too_long':
      return t('rehearsal.answer.tooLong', { max: REHEARSAL_ANSWER_MAX });
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

/**
 * The candidate's rehearsal: `répétition` (choose a sheet or the question drill, play it,
 * debrief), `mes répétitions`, `supprimer mes répétitions`. Everything is keyed by the
 * candidate's own user id; a card carrying someone else's rehearsal id is refused the same
 * way as an unknown one, so it reveals nothing.
 */
export function rehearsalFeature(services: BotServices): Feature<RehearsalSubmission> {
  const { rehearsals, userStates } = services.repositories;

  const referentialOf = (rehearsal: Rehearsal): Referential | undefined => services.referentials.get(rehearsal.referentialId);

  /** The rehearsal the user's flow points to, if it is theirs. */
  async function current(turn: Turn): Promise<{ state: UserState | undefined; rehearsal: Rehearsal | undefined }> {
    const state = await userStates.get(turn.userId);
    if (state?.flow !== 'rehearsal' || !state.rehearsalId) return { state, rehearsal: undefined };
    const rehearsal = await rehearsals.get(state.rehearsalId);
    return { state, rehearsal: rehearsal?.userId === turn.userId ? rehearsal : undefined };
  }

  /** Points the user's flow at a rehearsal (or back to idle when it ends), keeping what other flows stored. */
  async function setFlow(turn: Turn, rehearsalId: string | undefined, lastSubmission?: string): Promise<void> {
    const latest = await userStates.get(turn.userId);
    const base: UserState = latest ?? { schemaVersion: 1, userId: turn.userId, flow: 'idle', updatedAt: turn.now().toISOString() };
    const leaving = rehearsalId === undefined;
    // Ending a rehearsal only resets the flow if it still points at a rehearsal.
    const flow = leaving ? (base.flow === 'rehearsal' ? 'idle' : base.flow) : 'rehearsal';
    await userStates.save({
      ...base,
      flow,
      rehearsalId,
      ...(lastSubmission !== undefined ? { lastSubmission } : {}),
      bootId: services.bootId,
      updatedAt: turn.now().toISOString(),
    });
  }

  async function save(turn: Turn, before: Rehearsal | null, after: Rehearsal): Promise<boolean> {
    const saved = await rehearsals.save(after, before ? before.rev : null);
    if (saved.type === 'saved') return true;
    turn.log('warn', 'rehearsal', { rehearsal: after.id, outcome: 'stale_save' });
    await turn.say(turn.t('error.oldCard'));
    if (saved.current) await showCurrent(turn, saved.current);
    return false;
  }

  async function refuse(turn: Turn, refusal: RehearsalRefusal): Promise<void> {
    turn.log('info', 'rehearsal', { outcome: `${refusal.type}:${refusal.reason}` });
    await turn.say(refusalMessage(refusal, turn.t));
  }

  /** Shows what the engine's steps say, in order. */
  async function showSteps(turn: Turn, rehearsal: Rehearsal, steps: readonly RehearsalStep[]): Promise<void> {
    const { t } = turn;
    const referential = referentialOf(rehearsal);
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
  async function showCurrent(turn: Turn, rehearsal: Rehearsal): Promise<void> {
    const { t } = turn;
    const referential = referentialOf(rehearsal);
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
        const line = sheet.lines.find((l) => l.id === last?.lineId);
        if (line) await turn.say(clientLineText(sheet, line, t));
        else if (last) await turn.say(t('rehearsal.cue', { cue: last.text }));
        return;
      }
      case 'done':
      case 'abandoned':
        await turn.say(t('rehearsal.notActive'));
        return;
    }
  }

  /** Saves an engine result and shows its steps; false when nothing changed. */
  async function apply(turn: Turn, before: Rehearsal, result: RehearsalResult, lastSubmission?: string): Promise<Rehearsal | undefined> {
    if (result.type !== 'changed') {
      await refuse(turn, result);
      return undefined;
    }
    const after = lastSubmission !== undefined ? { ...result.rehearsal, lastSubmission } : result.rehearsal;
    if (!(await save(turn, before, after))) return undefined;
    await showSteps(turn, after, result.steps);
    return after;
  }

  async function announceStart(turn: Turn, rehearsal: Rehearsal): Promise<void> {
    const { t } = turn;
    if (rehearsal.mode === 'drill') {
      await turn.say(t('rehearsal.startedDrill', { count: rehearsal.cursor.questions?.length ?? 0 }));
    } else {
      await turn.say(t('rehearsal.started', { number: rehearsal.sheet, mode: modeLabel(rehearsal.mode, t) }));
    }
  }

  // ---- text during the exercise -------------------------------------------------------

  async function onText(turn: Turn, text: string): Promise<boolean> {
    const { rehearsal } = await current(turn);
    if (!rehearsal || !isActive(rehearsal)) return false;
    const referential = referentialOf(rehearsal);
    if (!referential) return false;
    const { t } = turn;
    const now = turn.now();
    const word = foldForMatch(text).replace(/[\s.!?]+$/u, '');
    if (HINT_WORDS.includes(word)) {
      const hinted = hintRehearsal(referential, rehearsal);
      if (hinted.type !== 'hinted') {
        await refuse(turn, hinted);
        return true;
      }
      if (!(await save(turn, rehearsal, hinted.rehearsal))) return true;
      const { hint } = hinted;
      await turn.say(
        hint.kind === 'criterion'
          ? t('rehearsal.hint', { criterion: hint.criterion.text, hint: hint.criterion.hint })
          : t('rehearsal.hintDrill', { text: hint.descriptors.map((d) => d.text).join(' ') }),
      );
      turn.log('info', 'rehearsal', { rehearsal: rehearsal.id, outcome: 'hint' });
      return true;
    }
    if (RESTART_WORDS.includes(word)) {
      const result = restartRehearsal(referential, rehearsal, { now, seed: drawSeed(services.random) });
      if (result.type !== 'changed') {
        await refuse(turn, result);
        return true;
      }
      if (!(await save(turn, rehearsal, result.rehearsal))) return true;
      await turn.say(t('rehearsal.restarted'));
      await announceStart(turn, result.rehearsal);
      await showSteps(turn, result.rehearsal, result.steps);
      turn.log('info', 'rehearsal', { rehearsal: rehearsal.id, outcome: 'restart' });
      return true;
    }
    if (STOP_WORDS.includes(word)) {
      const result = stopRehearsal(rehearsal, now);
      if (result.type !== 'changed') {
        await refuse(turn, result);
        return true;
      }
      if (!(await save(turn, rehearsal, result.rehearsal))) return true;
      await setFlow(turn, undefined);
      await turn.say(t('rehearsal.stopped'));
      turn.log('info', 'rehearsal', { rehearsal: rehearsal.id, outcome: 'stop' });
      return true;
    }
    if (rehearsal.state === 'awaiting_condition') {
      const yes = parseYesNo(text);
      if (yes === null) {
        await turn.say(t('rehearsal.condition.again'));
        await showCurrent(turn, rehearsal);
        return true;
      }
      await apply(turn, rehearsal, resolveCondition(referential, rehearsal, yes, now));
      return true;
    }
    if (rehearsal.cursor.awaiting === 'rating') {
      const question = currentQuestion(referential, rehearsal);
      await rate(turn, referential, rehearsal, question?.question.id ?? '', text);
      return true;
    }
    await apply(turn, rehearsal, answerRehearsal(referential, rehearsal, text, now));
    return true;
  }

  async function rate(turn: Turn, referential: Referential, rehearsal: Rehearsal, questionId: string, typed: string, lastSubmission?: string): Promise<void> {
    const result = rateQuestion(referential, rehearsal, questionId, typed, turn.now());
    if (result.type !== 'changed') return refuse(turn, result);
    const after = lastSubmission !== undefined ? { ...result.rehearsal, lastSubmission } : result.rehearsal;
    if (!(await save(turn, rehearsal, after))) return;
    const rating = after.questionRatings?.[questionId];
    if (rating !== undefined) await turn.say(`${turn.t('rehearsal.drill.rated', { rating })} ${bandText(turn, referential, rating)}`);
    await showSteps(turn, after, result.steps);
    if (after.state === 'done') await setFlow(turn, undefined);
  }

  function bandText(turn: Turn, referential: Referential, rating: number): string {
    const descriptors = bandFor(questionsScale(referential), rating);
    return turn.t('rehearsal.rating.band', { descriptors: descriptors.map((d) => `« ${d.text} »`).join(' / ') });
  }

  // ---- commands -----------------------------------------------------------------------

  async function showMenu(turn: Turn): Promise<void> {
    await turn.sendCard(menuCard([...services.referentials.values()], turn.t), turn.t('rehearsal.menu.title'));
  }

  async function showHistory(turn: Turn): Promise<void> {
    const mine = await rehearsals.listForUser(turn.userId);
    const attempts = mine.filter((r) => r.userId === turn.userId && r.state !== 'briefing');
    if (attempts.length === 0) {
      await turn.say(turn.t('rehearsal.history.empty'));
      return;
    }
    await turn.sendCard(historyCard(attempts, services.referentials, services.timezone, turn.t), turn.t('rehearsal.history.title'));
  }

  async function askErase(turn: Turn): Promise<void> {
    const { t } = turn;
    const count = (await rehearsals.listForUser(turn.userId)).length;
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

  // ---- card submissions ---------------------------------------------------------------

  /** The rehearsal a card acts on, if it is the user's; else one message that reveals nothing. */
  async function own(turn: Turn, rehearsalId: string): Promise<Rehearsal | undefined> {
    const rehearsal = await rehearsals.get(rehearsalId);
    if (rehearsal && rehearsal.userId === turn.userId) return rehearsal;
    turn.log('warn', 'rehearsal', { outcome: 'not_owner' });
    await turn.say(turn.t('rehearsal.notYours'));
    return undefined;
  }

  /** Revision check: the current rev goes on; the last applied submission again is silent; anything else is stale. */
  async function revisionOk(turn: Turn, rehearsal: Rehearsal, rev: number, fingerprint: string): Promise<boolean> {
    const check = checkRevision(rehearsal, rev, fingerprint);
    if (check.type === 'current') return true;
    if (check.type === 'duplicate') {
      turn.log('info', 'rehearsal', { rehearsal: rehearsal.id, outcome: 'duplicate' });
      return false;
    }
    await turn.say(turn.t('error.oldCard'));
    await showCurrent(turn, rehearsal);
    return false;
  }

  function fingerprintOf(turn: Turn, submission: RehearsalSubmission): string {
    const { verb, ...values } = submission;
    const rehearsalId = 'rehearsalId' in submission ? submission.rehearsalId : '';
    const rev = 'rev' in submission ? submission.rev : 0;
    return submissionFingerprint({ verb, ids: { userId: turn.userId, rehearsalId }, rev, values });
  }

  async function busyElsewhere(turn: Turn, rehearsalId: string | undefined): Promise<boolean> {
    const { rehearsal } = await current(turn);
    if (!rehearsal || !isActive(rehearsal) || rehearsal.id === rehearsalId) return false;
    await turn.say(rehearsal.mode === 'drill' ? turn.t('rehearsal.busyDrill') : turn.t('rehearsal.busy', { number: rehearsal.sheet }));
    return true;
  }

  async function onSubmission(turn: Turn, submission: RehearsalSubmission): Promise<void> {
    const fingerprint = fingerprintOf(turn, submission);
    const now = turn.now();
    switch (submission.verb) {
      case 'rehearsal.choose': {
        const referential = services.referentials.get(submission.referentialId);
        if (!referential) {
          await turn.say(turn.t('rehearsal.unknownSheet'));
          return;
        }
        if (await busyElsewhere(turn, undefined)) return;
        const { state, rehearsal: previous } = await current(turn);
        const reusable = previous?.state === 'briefing' ? previous : undefined;
        if (reusable && reusable.sheet === submission.sheet && state?.lastSubmission === fingerprint) return; // double click
        const created = newRehearsal({ id: services.newId(), userId: turn.userId, referential, sheet: submission.sheet, now, previous: reusable });
        if ('type' in created) {
          await refuse(turn, created);
          return;
        }
        if (!(await save(turn, reusable ?? null, created))) return;
        await setFlow(turn, created.id, fingerprint);
        await turn.sendCard(briefingCard(referential, created, turn.t));
        return;
      }
      case 'rehearsal.start': {
        const rehearsal = await own(turn, submission.rehearsalId);
        if (!rehearsal || !(await revisionOk(turn, rehearsal, submission.rev, fingerprint))) return;
        if (await busyElsewhere(turn, rehearsal.id)) return;
        const referential = referentialOf(rehearsal);
        if (!referential) {
          await turn.say(turn.t('rehearsal.unknownSheet'));
          return;
        }
        const result = startRehearsal(referential, rehearsal, { now, mode: submission.mode, seed: drawSeed(services.random) });
        if (result.type !== 'changed') {
          await refuse(turn, result);
          return;
        }
        const after = { ...result.rehearsal, lastSubmission: fingerprint };
        if (!(await save(turn, rehearsal, after))) return;
        await setFlow(turn, after.id);
        await announceStart(turn, after);
        await showSteps(turn, after, result.steps);
        return;
      }
      case 'rehearsal.condition': {
        const rehearsal = await own(turn, submission.rehearsalId);
        if (!rehearsal || !(await revisionOk(turn, rehearsal, submission.rev, fingerprint))) return;
        const referential = referentialOf(rehearsal);
        if (!referential) return;
        if (rehearsal.cursor.pendingCondition !== submission.conditionId) {
          await turn.say(turn.t('rehearsal.notActive'));
          return;
        }
        await apply(turn, rehearsal, resolveCondition(referential, rehearsal, submission.answer === 'oui', now), fingerprint);
        return;
      }
      case 'rehearsal.debrief': {
        const rehearsal = await own(turn, submission.rehearsalId);
        if (!rehearsal || !(await revisionOk(turn, rehearsal, submission.rev, fingerprint))) return;
        const referential = referentialOf(rehearsal);
        if (!referential) return;
        const result = submitDebrief(referential, rehearsal, { assessment: criteriaOf(submission), rating: submission.rating }, now);
        const after = await apply(turn, rehearsal, result, fingerprint);
        if (!after) return;
        await setFlow(turn, undefined);
        const values = Object.values(after.selfAssessment);
        const rating = after.selfRating ?? 0;
        await turn.say(
          [
            turn.t('rehearsal.debrief.saved', {
              acquis: values.filter((v) => v === 'acquis').length,
              aTravailler: values.filter((v) => v === 'a_travailler').length,
              rating,
            }),
            bandText(turn, referential, rating),
            turn.t('rehearsal.debrief.next'),
          ].join('\n\n'),
        );
        return;
      }
      case 'rehearsal.rate': {
        const rehearsal = await own(turn, submission.rehearsalId);
        if (!rehearsal || !(await revisionOk(turn, rehearsal, submission.rev, fingerprint))) return;
        const referential = referentialOf(rehearsal);
        if (!referential) return;
        await rate(turn, referential, rehearsal, submission.questionId, submission.rating, fingerprint);
        return;
      }
      case 'rehearsal.erase': {
        const state = await userStates.get(turn.userId);
        if (state?.lastSubmission === fingerprint) return; // double click
        if (submission.answer === 'cancel') {
          await rememberSubmission(turn, fingerprint);
          await turn.say(turn.t('rehearsal.erase.cancelled'));
          return;
        }
        const count = await rehearsals.deleteAllForUser(turn.userId);
        await forgetRehearsal(turn, fingerprint);
        turn.log('info', 'rehearsal', { outcome: 'erased', count });
        await turn.say(count > 0 ? turn.t('rehearsal.erase.done', { count }) : turn.t('rehearsal.erase.none'));
        return;
      }
    }
  }

  async function rememberSubmission(turn: Turn, fingerprint: string): Promise<void> {
    const latest = await userStates.get(turn.userId);
    const base: UserState = latest ?? { schemaVersion: 1, userId: turn.userId, flow: 'idle', updatedAt: turn.now().toISOString() };
    await userStates.save({ ...base, lastSubmission: fingerprint, bootId: services.bootId, updatedAt: turn.now().toISOString() });
  }

  /** After erasure the user's state no longer names any rehearsal. */
  async function forgetRehearsal(turn: Turn, fingerprint: string): Promise<void> {
    const latest = await userStates.get(turn.userId);
    if (!latest) return rememberSubmission(turn, fingerprint);
    const { rehearsalId: _gone, ...rest } = latest;
    await userStates.save({
      ...rest,
      flow: latest.flow === 'rehearsal' ? 'idle' : latest.flow,
      lastSubmission: fingerprint,
      bootId: services.bootId,
      updatedAt: turn.now().toISOString(),
    });
  }

  // ---- resume after a restart ---------------------------------------------------------

  /**
   * The first message after a restart: an exercise under way goes on (the message is the
   * answer to the line that was waiting); a debrief or a briefing is shown again.
   */
  async function onResume(turn: Turn): Promise<boolean> {
    const { rehearsal } = await current(turn);
    if (!rehearsal) return false;
    if (isActive(rehearsal)) {
      await turn.say(turn.t('rehearsal.resumed'));
      return true;
    }
    if (rehearsal.state === 'debrief' || rehearsal.state === 'briefing') {
      await turn.say(turn.t('rehearsal.resumed'));
      await showCurrent(turn, rehearsal);
      return true;
    }
    return false;
  }

  return { name: 'rehearsal', commands, verbPrefixes: ['rehearsal.'], onSubmission, onText, onResume };
}
