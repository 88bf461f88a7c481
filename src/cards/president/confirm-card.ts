import { translator } from '../../i18n/translate.js';
import { bulletList } from '../evaluation/markdown-list.js';
import { renderCard } from '../evaluation/render-card.js';
import type { CardJson } from '../render-template.js';
import type { ConfirmView } from './views.js';

/**
 * Asked before closing the collection or reminding the members, naming who is
 * concerned (STYLE.md 12: nothing reaches others without confirmation).
 */
export function confirmCard(view: ConfirmView): CardJson {
  const t = translator(view.locale);
  const close = view.action === 'close';
  return renderCard('confirm', {
    evaluationId: view.evaluationId,
    evaluationRev: view.evaluationRev,
    verb: close ? 'evaluation.close' : 'evaluation.remind',
    title: view.title,
    explanation: view.explanation,
    namesList: bulletList(view.names),
    hasNames: view.names.length > 0,
    l: {
      confirm: t(close ? 'pcard.confirm.close' : 'pcard.confirm.remind'),
      cancel: t('pcard.confirm.cancel'),
    },
  });
}
