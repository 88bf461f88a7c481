import { submissionFingerprint, type Rehearsal } from '../../../domain/index.js';
import { drawSeed, isActive, newRehearsal, resolveCondition, startRehearsal, submitDebrief } from '../../../domain/rehearsal/index.js';
import type { Turn } from '../../turn.js';
import { briefingCard } from './play-views.js';
import { rate } from './play-flow.js';
import { announceStart, bandText, referentialOf, refuse, showSteps } from './show.js';
import { apply, current, forgetRehearsal, own, rememberSubmission, revisionOk, save, setFlow } from './store.js';
import { criteriaOf, type RehearsalSubmission } from './verbs.js';

/**
 * The rehearsal's card actions. Each one acts on the candidate's own rehearsal at the
 * revision the card was rendered from: a second click is silent, an older card is refused
 * and the current state shown again.
 */

type Submission<V extends RehearsalSubmission['verb']> = Extract<RehearsalSubmission, { verb: V }>;

function fingerprintOf(turn: Turn, submission: RehearsalSubmission): string {
  const { verb, ...values } = submission;
  const rehearsalId = 'rehearsalId' in submission ? submission.rehearsalId : '';
  const rev = 'rev' in submission ? submission.rev : 0;
  return submissionFingerprint({ verb, ids: { userId: turn.userId, rehearsalId }, rev, values });
}

/** One exercise at a time: another one running is named instead of being replaced. */
async function busyElsewhere(turn: Turn, rehearsalId: string | undefined): Promise<boolean> {
  const { rehearsal } = await current(turn);
  if (!rehearsal || !isActive(rehearsal) || rehearsal.id === rehearsalId) return false;
  await turn.say(rehearsal.mode === 'drill' ? turn.t('rehearsal.busyDrill') : turn.t('rehearsal.busy', { number: rehearsal.sheet }));
  return true;
}

/** The user's rehearsal named by the card, at the card's revision; undefined after the message that says why not. */
async function target(turn: Turn, submission: { rehearsalId: string; rev: number }, fingerprint: string): Promise<Rehearsal | undefined> {
  const rehearsal = await own(turn, submission.rehearsalId);
  if (!rehearsal || !(await revisionOk(turn, rehearsal, submission.rev, fingerprint))) return undefined;
  return rehearsal;
}

async function choose(turn: Turn, submission: Submission<'rehearsal.choose'>, fingerprint: string): Promise<void> {
  const referential = turn.services.referentials.get(submission.referentialId);
  if (!referential) {
    await turn.say(turn.t('rehearsal.unknownSheet'));
    return;
  }
  if (await busyElsewhere(turn, undefined)) return;
  const { state, rehearsal: previous } = await current(turn);
  const reusable = previous?.state === 'briefing' ? previous : undefined;
  if (reusable && reusable.sheet === submission.sheet && state?.lastSubmission === fingerprint) return; // double click
  const created = newRehearsal({ id: turn.services.newId(), userId: turn.userId, referential, sheet: submission.sheet, now: turn.now(), previous: reusable });
  if ('type' in created) return refuse(turn, created);
  if (!(await save(turn, reusable ?? null, created))) return;
  await setFlow(turn, created.id, fingerprint);
  await turn.sendCard(briefingCard(referential, created, turn.t));
}

async function start(turn: Turn, submission: Submission<'rehearsal.start'>, fingerprint: string): Promise<void> {
  const rehearsal = await target(turn, submission, fingerprint);
  if (!rehearsal || (await busyElsewhere(turn, rehearsal.id))) return;
  const referential = referentialOf(turn, rehearsal);
  if (!referential) {
    await turn.say(turn.t('rehearsal.unknownSheet'));
    return;
  }
  const result = startRehearsal(referential, rehearsal, { now: turn.now(), mode: submission.mode, seed: drawSeed(turn.services.random) });
  if (result.type !== 'changed') return refuse(turn, result);
  const after = { ...result.rehearsal, lastSubmission: fingerprint };
  if (!(await save(turn, rehearsal, after))) return;
  await setFlow(turn, after.id);
  await announceStart(turn, after);
  await showSteps(turn, after, result.steps);
}

async function answerCondition(turn: Turn, submission: Submission<'rehearsal.condition'>, fingerprint: string): Promise<void> {
  const rehearsal = await target(turn, submission, fingerprint);
  const referential = rehearsal && referentialOf(turn, rehearsal);
  if (!rehearsal || !referential) return;
  if (rehearsal.cursor.pendingCondition !== submission.conditionId) {
    await turn.say(turn.t('rehearsal.notActive'));
    return;
  }
  await apply(turn, rehearsal, resolveCondition(referential, rehearsal, submission.answer === 'oui', turn.now()), fingerprint);
}

async function debrief(turn: Turn, submission: Submission<'rehearsal.debrief'>, fingerprint: string): Promise<void> {
  const rehearsal = await target(turn, submission, fingerprint);
  const referential = rehearsal && referentialOf(turn, rehearsal);
  if (!rehearsal || !referential) return;
  const result = submitDebrief(referential, rehearsal, { assessment: criteriaOf(submission), rating: submission.rating }, turn.now());
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
}

async function rateFromCard(turn: Turn, submission: Submission<'rehearsal.rate'>, fingerprint: string): Promise<void> {
  const rehearsal = await target(turn, submission, fingerprint);
  const referential = rehearsal && referentialOf(turn, rehearsal);
  if (!rehearsal || !referential) return;
  await rate(turn, referential, rehearsal, submission.questionId, submission.rating, fingerprint);
}

async function erase(turn: Turn, submission: Submission<'rehearsal.erase'>, fingerprint: string): Promise<void> {
  const state = await turn.services.repositories.userStates.get(turn.userId);
  if (state?.lastSubmission === fingerprint) return; // double click
  if (submission.answer === 'cancel') {
    await rememberSubmission(turn, fingerprint);
    await turn.say(turn.t('rehearsal.erase.cancelled'));
    return;
  }
  const count = await turn.services.repositories.rehearsals.deleteAllForUser(turn.userId);
  await forgetRehearsal(turn, fingerprint);
  turn.log('info', 'rehearsal', { outcome: 'erased', count });
  await turn.say(count > 0 ? turn.t('rehearsal.erase.done', { count }) : turn.t('rehearsal.erase.none'));
}

export async function onRehearsalSubmission(turn: Turn, submission: RehearsalSubmission): Promise<void> {
  const fingerprint = fingerprintOf(turn, submission);
  switch (submission.verb) {
    case 'rehearsal.choose':
      return choose(turn, submission, fingerprint);
    case 'rehearsal.start':
      return start(turn, submission, fingerprint);
    case 'rehearsal.condition':
      return answerCondition(turn, submission, fingerprint);
    case 'rehearsal.debrief':
      return debrief(turn, submission, fingerprint);
    case 'rehearsal.rate':
      return rateFromCard(turn, submission, fingerprint);
    case 'rehearsal.erase':
      return erase(turn, submission, fingerprint);
  }
}
