import { translator } from '../../i18n/translate.js';
import type { CardJson } from '../render-template.js';
import { headerFacts } from './header-facts.js';
import { renderCard } from './render-card.js';
import type { CodeIssuedView } from './views.js';

/** To the creator in jury mode: the day's code first, then the sentence to forward in its own block (easy to copy). No action. */
export function codeIssuedCard(view: CodeIssuedView): CardJson {
  const t = translator(view.locale);
  return renderCard('code-issued', {
    headerFacts: headerFacts(view.header, t, 'members'),
    code: view.code,
    forward: view.forward,
    sameDay: view.sameDay,
    l: {
      title: t(view.sameDay ? 'card.code.titleSameDay' : 'card.code.title'),
      codeLabel: t('card.code.label'),
      sameDay: t('card.code.sameDay'),
      forward: t('card.code.forward'),
      howTo: t('card.code.howTo'),
    },
  });
}
