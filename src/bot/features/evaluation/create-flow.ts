import { codeIssuedCard, createEvaluationCard, recordedCard } from '../../../cards/evaluation/index.js';
import type { CreateEvaluationView } from '../../../cards/evaluation/views.js';
import { createEvaluation, createSession, isoDate, MODES, type Mode, type Session } from '../../../domain/index.js';
import type { Referential } from '../../../referential/schema.js';
import { formatDay, today } from '../../format.js';
import { operateOn } from '../../outcomes.js';
import type { Turn } from '../../turn.js';
import { headerView } from './frame-view.js';
import { checkPersonInput, saveProfile } from './profile.js';
import { appendAudit, operationContext, saveCursor, type EvaluationScope } from './scope.js';
import { sendFrame } from './interview-flow.js';
import { isRepeatedSubmission, rememberSubmission } from './submission-guard.js';
import type { EvaluationSubmission } from './verbs.js';

type CreateSubmission = Extract<EvaluationSubmission, { verb: 'evaluation.create' }>;

/** The referential new evaluations use: the first by id (one CQP today; more are more files). */
export function defaultReferential(turn: Turn): Referential {
  const [first] = [...turn.services.referentials.values()].sort((a, b) => a.id.localeCompare(b.id));
  if (!first) throw new Error('no referential loaded');
  return first;
}

/** `nouvelle évaluation`: the creation form, with what the bot already knows filled in. */
export async function showCreateForm(turn: Turn, typed?: Partial<CreateEvaluationView>): Promise<void> {
  const profile = await turn.services.repositories.profiles.get(turn.userId);
  const view: CreateEvaluationView = {
    locale: turn.locale,
    date: today(turn.now(), turn.services.timezone),
    mode: 'jury',
    presidentScores: 'yes',
    candidateLastName: '',
    candidateFirstName: '',
    company: '',
    creatorName: profile?.name ?? turn.userName,
    creatorFunction: profile?.function ?? '',
    ...typed,
  };
  await turn.sendCard(createEvaluationCard(view), turn.t('evaluation.create.summary'));
}

/** The jury day this president already has for that date and mode (a second candidate needs no new code). */
async function findDay(turn: Turn, date: string, mode: Mode, referentialId: string): Promise<Session | undefined> {
  const days = await turn.services.repositories.sessions.findByPresidentOnDate(turn.tenantId, turn.userId, date);
  return days.find((day) => day.mode === mode && day.referentialId === referentialId && (mode === 'professional' || day.code !== null));
}

export async function createFromForm(turn: Turn, submission: CreateSubmission): Promise<void> {
  const { verb: _verb, ...values } = submission;
  if (await isRepeatedSubmission(turn, 'evaluation.create', values)) return;
  const typed = {
    date: values.date ?? '',
    mode: (MODES as readonly string[]).includes(values.mode ?? '') ? (values.mode as Mode) : 'jury',
    // A card sent before the choice existed carries none: the president scores, as before.
    presidentScores: values.presidentScores === 'no' ? 'no' : 'yes',
    candidateLastName: values.candidateLastName ?? '',
    candidateFirstName: values.candidateFirstName ?? '',
    company: values.company ?? '',
    creatorName: values.creatorName ?? '',
    creatorFunction: values.creatorFunction ?? '',
  } satisfies Partial<CreateEvaluationView>;
  const refuse = (error: string) => showCreateForm(turn, { ...typed, error });

  if (!(MODES as readonly string[]).includes(values.mode ?? '')) return refuse(turn.t('evaluation.create.badMode'));
  if (values.presidentScores !== undefined && !['yes', 'no'].includes(values.presidentScores)) return refuse(turn.t('evaluation.create.badScores'));
  if (!isoDate.safeParse(typed.date).success || Number.isNaN(Date.parse(typed.date))) return refuse(turn.t('evaluation.create.badDate'));
  const creator = checkPersonInput(turn, typed.creatorName, typed.creatorFunction);
  if (creator.type === 'invalid') return refuse(creator.message);

  const referential = defaultReferential(turn);
  const ctx = operationContext(turn);
  const profile = await saveProfile(turn, creator.name, creator.function);
  const president = { id: turn.userId, name: creator.name, function: creator.function };
  const mode = typed.mode;

  let day = await findDay(turn, typed.date, mode, referential.id);
  const sameDay = day !== undefined;
  if (!day) {
    const created = createSession(
      { id: turn.services.newId(), tenantId: turn.tenantId, referentialId: referential.id, date: typed.date, mode, president },
      { ...ctx, random: turn.services.random },
    );
    if (created.type !== 'created') return refuse(turn.t('evaluation.create.badDate'));
    day = await turn.services.repositories.sessions.save(created.session);
    await appendAudit(turn, created.audit);
  }

  const evaluationId = turn.services.newId();
  const header = { candidateLastName: typed.candidateLastName, candidateFirstName: typed.candidateFirstName, company: typed.company, date: typed.date };
  const outcome = await turn.services.repositories.sessions.update(
    day.id,
    operateOn(
      (current) => createEvaluation(current, { id: evaluationId, header, presidentScores: mode === 'professional' || typed.presidentScores === 'yes' }, ctx),
      (result) => (result.type === 'created' ? result.session : undefined),
    ),
  );
  if (!outcome || outcome.type !== 'created') {
    const field = outcome?.type === 'invalid' ? outcome.field : undefined;
    return refuse(turn.t(field === 'company' ? 'evaluation.create.badCompany' : 'evaluation.create.badCandidate'));
  }
  await turn.services.repositories.evaluations.save(outcome.evaluation);
  await appendAudit(turn, outcome.audit);
  await rememberSubmission(turn, 'evaluation.create', values);
  turn.log('info', 'evaluation created', { evaluation: outcome.evaluation.id, mode, sameDay });

  const scope: EvaluationScope = { evaluation: outcome.evaluation, session: outcome.session, referential, role: 'president' };
  const candidate = `${header.candidateFirstName} ${header.candidateLastName}`;
  await turn.replaceActedCard(
    recordedCard({
      locale: turn.locale,
      title: turn.t('evaluation.create.recorded'),
      facts: [
        { title: turn.t('evaluation.fact.candidate'), value: `${candidate} (${header.company})` },
        { title: turn.t('evaluation.fact.date'), value: formatDay(header.date) },
      ],
    }),
  );
  if (mode === 'jury' && outcome.session.code) {
    const forward = turn.t('evaluation.create.forward', { president: profile.name ?? '', date: formatDay(typed.date), code: outcome.session.code });
    await turn.sendCard(
      codeIssuedCard({ locale: turn.locale, header: headerView(scope, `${president.name}, ${president.function}`), code: outcome.session.code, forward, sameDay }),
      turn.t('evaluation.create.codeSummary', { code: outcome.session.code }),
    );
  }
  await saveCursor(turn, { evaluationId: outcome.evaluation.id, step: 'frame' });
  await sendFrame(turn, scope);
}
