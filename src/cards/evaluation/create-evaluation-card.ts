import { translator } from '../../i18n/translate.js';
import type { CardJson } from '../render-template.js';
import { renderCard } from './render-card.js';
import type { CreateEvaluationView } from './views.js';

/** `nouvelle évaluation`: the header of the grid and the mode; submits `evaluation.create`. */
export function createEvaluationCard(view: CreateEvaluationView): CardJson {
  const t = translator(view.locale);
  return renderCard('create-evaluation', {
    date: view.date || null,
    mode: view.mode,
    presidentScores: view.presidentScores,
    candidateLastName: view.candidateLastName,
    candidateFirstName: view.candidateFirstName,
    company: view.company,
    creatorName: view.creatorName,
    creatorFunction: view.creatorFunction,
    error: view.error ?? '',
    showError: Boolean(view.error),
    l: {
      title: t('card.create.title'),
      intro: t('card.create.intro'),
      date: t('card.create.date'),
      dateError: t('card.create.dateError'),
      mode: t('card.create.mode'),
      modeError: t('card.create.modeError'),
      modeJury: t('card.create.mode.jury'),
      modeProfessional: t('card.create.mode.professional'),
      presidentScores: t('card.create.presidentScores'),
      presidentScoresYes: t('card.create.presidentScores.yes'),
      presidentScoresNo: t('card.create.presidentScores.no'),
      presidentScoresError: t('card.create.presidentScoresError'),
      candidateLastName: t('card.create.candidateLastName'),
      candidateFirstName: t('card.create.candidateFirstName'),
      company: t('card.create.company'),
      creatorName: t('card.create.creatorName'),
      creatorFunction: t('card.create.creatorFunction'),
      creatorFunctionPlaceholder: t('card.create.creatorFunctionPlaceholder'),
      required100: t('card.create.required', { max: 100 }),
      required150: t('card.create.required', { max: 150 }),
      submit: t('card.create.submit'),
    },
  });
}
