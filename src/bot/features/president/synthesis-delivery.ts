import { synthesisCard } from '../../../cards/president/index.js';
import type { BotServices } from '../../services.js';
import { cardActivity } from '../../turn.js';
import { candidateName } from '../evaluation/frame-view.js';
import { viewContextFor } from '../evaluation/view-context.js';
import { recipientLocale } from '../evaluation/recipients.js';
import type { EvaluationScope } from '../evaluation/scope.js';
import { synthesisView } from './synthesis-views.js';

/**
 * Every member receives the signed synthesis in their own chat; the president's copy too, as a
 * lasting message. Keyed by the signature: calling it again (after a crash, on a second click)
 * sends nothing already sent.
 */
export async function deliverSignedSynthesis(services: BotServices, evaluationId: string): Promise<void> {
  const { repositories } = services;
  const synthesis = await repositories.syntheses.get(evaluationId);
  const evaluation = await repositories.evaluations.get(evaluationId);
  const session = evaluation ? await repositories.sessions.get(evaluation.sessionId) : undefined;
  const referential = evaluation ? services.referentials.get(evaluation.referentialId) : undefined;
  const signed = synthesis?.signed;
  if (!signed || !evaluation || evaluation.state !== 'signed' || !session || !referential) return;
  const scope: EvaluationScope = { evaluation, session, referential, role: 'president' };
  for (const person of signed.members) {
    const view = viewContextFor(await recipientLocale(services, person.id), services.clock.now(), services.timezone);
    const card = synthesisCard(synthesisView(view, scope, signed));
    const text = view.t('president.synthesisFor', { candidate: candidateName(scope) });
    await services.notifier.notify({ key: `synthesis/${evaluationId}/${signed.signedAt}/${person.id}`, userId: person.id, activity: { ...cardActivity(card, text), text } });
  }
}
