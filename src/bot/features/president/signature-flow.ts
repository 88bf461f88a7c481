import { pdfLinkCard, synthesisCard } from '../../../cards/president/index.js';
import { canReadSynthesis, sign } from '../../../domain/index.js';
import { formatTime } from '../../format.js';
import { answerRefusal } from '../../outcomes.js';
import type { Turn } from '../../turn.js';
import { candidateName } from '../evaluation/frame-view.js';
import { viewContext, type ViewContext } from '../evaluation/view-context.js';
import { loadScope } from '../evaluation/scope.js';
import { deliverSignedSynthesis } from './synthesis-delivery.js';
import { synthesisView } from './synthesis-views.js';
import { presidentScope, sendConsolidation, updateSynthesis } from './consolidation-flow.js';
import type { PresidentSubmission } from './verbs.js';

/** *Signer et envoyer* on the preview: locks the evaluation and sends the synthesis to every member. */
export async function signFromPreview(turn: Turn, submission: Extract<PresidentSubmission, { verb: 'synthesis.sign' }>): Promise<void> {
  const scope = await presidentScope(turn, submission.evaluationId);
  if (!scope) return;
  const outcome = await updateSynthesis(turn, scope, 'synthesis.sign', 'signed', (current, ctx, card) => sign(current, { rev: submission.rev }, ctx, card));
  if (!outcome) return;
  turn.log('info', 'synthesis sign', { evaluation: scope.evaluation.id, outcome: outcome.type });
  switch (outcome.type) {
    case 'duplicate':
    case 'stale':
    case 'forbidden':
      await answerRefusal(turn, outcome, { resend: () => sendConsolidation(turn, scope), forbidden: { evaluation_signed: 'president.alreadySigned' } });
      // Signed by a run killed before it told the members: telling them now sends only what never left.
      if (outcome.type === 'forbidden' && outcome.reason === 'evaluation_signed') await deliverSignedSynthesis(turn.services, scope.evaluation.id);
      return;
    case 'invalid': {
      const titles = scope.referential.domains.filter((d) => outcome.ids?.includes(d.id)).map((d) => d.title);
      await turn.say(turn.t('president.undecided', { domains: titles.join(' ; ') }));
      return sendConsolidation(turn, scope);
    }
    case 'signed':
      break;
  }
  // The synthesis is written: it is the signature. The evaluation follows from it (and its audit), also on a later read if this run dies here.
  const evaluation = await turn.services.repositories.evaluations.settle(scope.evaluation.id, outcome.synthesis);
  const signed = outcome.synthesis.signed;
  if (!signed || !evaluation) return;
  const done = { ...scope, evaluation };
  await turn.replaceActedCard(synthesisCard(synthesisView(viewContext(turn), done, signed)));
  const others = signed.members.length - 1;
  await turn.say(others > 0 ? turn.t(others === 1 ? 'president.signedOne' : 'president.signed', { candidate: candidateName(done), count: others }) : turn.t('president.signedAlone', { candidate: candidateName(done) }));
  await deliverSignedSynthesis(turn.services, scope.evaluation.id);
}

/** The PDF button: a fresh link, valid 15 minutes, for the president or a member listed on the synthesis. */
export async function pdfLink(turn: Turn, evaluationId: string): Promise<void> {
  const scope = await loadScope(turn, evaluationId);
  const synthesis = scope ? await turn.services.repositories.syntheses.get(evaluationId) : undefined;
  if (!scope || !synthesis || !synthesis.signed || canReadSynthesis(scope.session, synthesis, turn.userId).type === 'deny') {
    if (scope) await turn.say(turn.t('president.pdfUnavailable'));
    return;
  }
  const link = turn.services.pdfLink({ evaluationId, userId: turn.userId, now: turn.now() });
  const view: ViewContext = viewContext(turn);
  await turn.sendCard(pdfLinkCard({ locale: turn.locale, url: link.url, validity: turn.t('president.pdfValidity', { time: formatTime(link.expiresAt, view.timezone) }) }), turn.t('president.pdfSummary'));
}
