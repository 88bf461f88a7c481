import { translator } from '../../i18n/translate.js';
import type { CardJson } from '../render-template.js';
import { bulletList } from './markdown-list.js';
import { renderCard } from './render-card.js';
import type { SubmitConfirmView } from './views.js';

/**
 * Asked before submitting a grid with domains that have no evaluated row.
 * "Soumettre quand même" carries the comments typed on the report card.
 */
export function submitConfirmCard(view: SubmitConfirmView): CardJson {
  const t = translator(view.locale);
  return renderCard('submit-confirm', {
    evaluationId: view.evaluationId,
    rev: view.rev,
    domainsList: bulletList(view.domains),
    comments: view.comments,
    l: {
      title: t('card.confirm.title'),
      body: t('card.confirm.body'),
      reminder: t('card.confirm.reminder'),
      submit: t('card.confirm.submit'),
      back: t('card.confirm.back'),
    },
  });
}
