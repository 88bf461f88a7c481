import { CARD_BUDGET_BYTES, cardSize, type CardJson } from '../render-template.js';

/**
 * Renders a card that lists `count` items (oldest last or first, the caller
 * decides which are dropped), leaving out as few as possible so that it stays
 * within the card budget: `render(left)` must show the items minus `left` of
 * them. Only unbounded lists (audit trail, dashboard days) need this; the bot
 * cannot measure a card before it is rendered.
 */
export function fitToBudget(count: number, render: (left: number) => CardJson): CardJson {
  const full = render(0);
  if (cardSize(full) <= CARD_BUDGET_BYTES || count === 0) return full;
  // The smallest number left out that fits; size shrinks as more are left out.
  let low = 1;
  let high = count;
  let best = render(count);
  while (low <= high) {
    const middle = Math.floor((low + high) / 2);
    const card = render(middle);
    if (cardSize(card) <= CARD_BUDGET_BYTES) {
      best = card;
      high = middle - 1;
    } else {
      low = middle + 1;
    }
  }
  return best;
}
