import type { CardJson } from '../render-template.js';
import { renderCard } from './render-card.js';
import type { RecordedView } from './views.js';

/** Read-only replacement of a card the user acted on: what was recorded. No input, no action. */
export function recordedCard(view: RecordedView): CardJson {
  return renderCard('recorded', {
    title: view.title,
    facts: view.facts,
    hasFacts: view.facts.length > 0,
  });
}
