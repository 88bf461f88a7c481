import type { MessageKey } from '../../i18n/fr.js';
import { translator } from '../../i18n/translate.js';
import { renderCard } from '../evaluation/render-card.js';
import type { CardJson } from '../render-template.js';
import type { ReasonFormView } from './views.js';

const ACTIONS: Record<ReasonFormView['action'], { verb: string; submit: MessageKey; style: string | null }> = {
  cancel: { verb: 'evaluation.cancel', submit: 'pcard.reason.submit.cancel', style: 'destructive' },
  reopenGrid: { verb: 'grid.reopen', submit: 'pcard.reason.submit.reopenGrid', style: null },
  reopenSynthesis: { verb: 'synthesis.reopen', submit: 'pcard.reason.submit.reopenSynthesis', style: null },
};

/**
 * A reason asked before cancelling an evaluation or reopening a grid or a
 * signed synthesis (audited). The reason is required; reopening a grid also
 * asks whose. "Revenir au tableau de bord" sends no input (nothing to validate).
 */
export function reasonFormCard(view: ReasonFormView): CardJson {
  const t = translator(view.locale);
  const action = ACTIONS[view.action];
  const members = view.action === 'reopenGrid' ? (view.members ?? []) : [];
  return renderCard('reason-form', {
    evaluationId: view.evaluationId,
    evaluationRev: view.evaluationRev,
    verb: action.verb,
    submitStyle: action.style,
    title: view.title,
    explanation: view.explanation,
    error: view.error ?? '',
    showError: Boolean(view.error),
    members,
    showMembers: view.action === 'reopenGrid',
    // With one member there is nothing to choose: pre-selected.
    memberValue: members.length === 1 ? members[0]?.id : null,
    l: {
      member: t('pcard.reason.member'),
      memberPlaceholder: t('pcard.reason.memberPlaceholder'),
      memberError: t('pcard.reason.memberError'),
      reason: t('pcard.reason.reason'),
      reasonPlaceholder: t('pcard.reason.reasonPlaceholder'),
      reasonError: t('pcard.reason.reasonError'),
      submit: t(action.submit),
      back: t('pcard.back'),
    },
  });
}
