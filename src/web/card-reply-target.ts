import { isDeepStrictEqual } from 'node:util';
import type { LoggedActivity } from './conversation-log.js';

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/** Every `Action.Submit` payload in a card, nested show-cards and select actions included. */
function submitData(node: unknown, found: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(node)) {
    for (const child of node) submitData(child, found);
  } else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (record.type === 'Action.Submit' && record.data && typeof record.data === 'object' && !Array.isArray(record.data)) {
      found.push(record.data as Record<string, unknown>);
    }
    for (const value of Object.values(record)) submitData(value, found);
  }
  return found;
}

/**
 * The card a Web Chat submission came from. Teams tells the bot (`replyToId` =
 * the card's message id) and the bot replaces that card in place; Web Chat does
 * not, so the local channel finds it: the newest bot card with a submit action
 * whose `data` is contained in the submitted value (Web Chat sends the action's
 * data merged with the card's inputs).
 */
export function cardActedOn(newestFirst: readonly LoggedActivity[], value: unknown): string | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const submitted = value as Record<string, unknown>;
  for (const activity of newestFirst) {
    const from = activity.from as { role?: unknown } | undefined;
    if (from?.role !== 'bot' || !Array.isArray(activity.attachments)) continue;
    const cards = (activity.attachments as { contentType?: unknown; content?: unknown }[]).filter((a) => a.contentType === ADAPTIVE_CARD).map((a) => a.content);
    const matches = submitData(cards).some(
      (data) => Object.keys(data).length > 0 && Object.entries(data).every(([key, expected]) => isDeepStrictEqual(submitted[key], expected)),
    );
    if (matches) return activity.id;
  }
  return undefined;
}
