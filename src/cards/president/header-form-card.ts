import { translator } from '../../i18n/translate.js';
import { renderCard } from '../evaluation/render-card.js';
import type { CardJson } from '../render-template.js';
import type { HeaderFormView } from './views.js';

/** Input.Date takes AAAA-MM-JJ only: anything else gives no value rather than an input the client rejects. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The president corrects the header (date, candidate, company); the bot
 * audits the change. Same limits as the creation form (100, 100, 150).
 */
export function headerFormCard(view: HeaderFormView): CardJson {
  const t = translator(view.locale);
  return renderCard('header-form', {
    evaluationId: view.evaluationId,
    evaluationRev: view.evaluationRev,
    date: ISO_DATE.test(view.date) ? view.date : null,
    candidateLastName: view.candidateLastName,
    candidateFirstName: view.candidateFirstName,
    company: view.company,
    error: view.error ?? '',
    showError: Boolean(view.error),
    l: {
      title: t('pcard.header.title'),
      intro: t('pcard.header.intro'),
      date: t('pcard.header.date'),
      dateError: t('pcard.header.dateError'),
      candidateLastName: t('pcard.header.candidateLastName'),
      candidateFirstName: t('pcard.header.candidateFirstName'),
      company: t('pcard.header.company'),
      required100: t('pcard.header.required', { max: 100 }),
      required150: t('pcard.header.required', { max: 150 }),
      save: t('pcard.header.save'),
      back: t('pcard.back'),
    },
  });
}
