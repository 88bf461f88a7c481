import type { Activity } from 'botbuilder';
import { cardsOf } from './test-app.js';

export interface CardAction {
  title: string;
  data: Record<string, unknown>;
}

/** Every Action.Submit of a card, including those inside Action.ShowCard. */
export function actionsOf(card: Record<string, unknown>): CardAction[] {
  const found: CardAction[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const item = node as Record<string, unknown>;
      if (item.type === 'Action.Submit') found.push({ title: String(item.title ?? ''), data: (item.data ?? {}) as Record<string, unknown> });
      Object.values(item).forEach(walk);
    }
  };
  walk(card);
  return found;
}

/** Every input of a card: id → its current value, as a client would send it if left untouched. */
export function inputsOf(card: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const item = node as Record<string, unknown>;
      if (typeof item.type === 'string' && item.type.startsWith('Input.') && typeof item.id === 'string') {
        values[item.id] = item.value === undefined ? '' : String(item.value);
      }
      Object.values(item).forEach(walk);
    }
  };
  walk(card);
  return values;
}

/** The last card among replies whose actions include this verb. */
export function cardWithVerb(replies: Partial<Activity>[], verb: string): Record<string, unknown> {
  const card = cardsOf(replies)
    .reverse()
    .find((c) => actionsOf(c).some((a) => a.data.verb === verb));
  if (!card) throw new Error(`no card with verb ${verb} among ${replies.length} replies`);
  return card;
}

/**
 * What a client sends when the user clicks an action: the card's inputs (as
 * shown, overridden by what the user typed) merged with the action's data.
 */
export function clickPayload(
  card: Record<string, unknown>,
  match: (action: CardAction) => boolean,
  typed: Record<string, string> = {},
): Record<string, unknown> {
  const action = actionsOf(card).find(match);
  if (!action) throw new Error(`no matching action among: ${actionsOf(card).map((a) => `${a.title} ${JSON.stringify(a.data)}`).join(' | ')}`);
  return { ...inputsOf(card), ...typed, ...action.data };
}
