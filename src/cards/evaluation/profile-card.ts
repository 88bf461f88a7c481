import { translator } from '../../i18n/translate.js';
import type { CardJson } from '../render-template.js';
import { renderCard } from './render-card.js';
import type { ProfileView } from './views.js';

/** Name and function, asked once (joining, creating); submits `profile.save`. */
export function profileCard(view: ProfileView): CardJson {
  const t = translator(view.locale);
  return renderCard('profile', {
    name: view.name,
    function: view.function,
    reason: view.reason,
    error: view.error ?? '',
    showError: Boolean(view.error),
    l: {
      title: t('card.profile.title'),
      privacy: t('card.profile.privacy'),
      name: t('card.profile.name'),
      namePlaceholder: t('card.profile.namePlaceholder'),
      nameError: t('card.profile.nameError'),
      function: t('card.profile.function'),
      functionPlaceholder: t('card.profile.functionPlaceholder'),
      functionError: t('card.profile.functionError'),
      save: t('card.profile.save'),
    },
  });
}
