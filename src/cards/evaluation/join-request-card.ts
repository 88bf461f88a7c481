import { translator } from '../../i18n/translate.js';
import type { CardJson } from '../render-template.js';
import { renderCard } from './render-card.js';
import type { JoinRequestView } from './views.js';

/** To the president: someone asks to join the jury day; Accepter / Refuser (`session.decide`). */
export function joinRequestCard(view: JoinRequestView): CardJson {
  const t = translator(view.locale);
  return renderCard('join-request', {
    sessionId: view.sessionId,
    personId: view.personId,
    name: view.name,
    function: view.function,
    date: view.date,
    juryCountText: String(view.juryCount),
    l: {
      title: t('card.join.title'),
      intro: t('card.join.intro'),
      name: t('card.join.name'),
      function: t('card.join.function'),
      date: t('card.join.date'),
      count: t('card.join.count'),
      accept: t('card.join.accept'),
      refuse: t('card.join.refuse'),
    },
  });
}
