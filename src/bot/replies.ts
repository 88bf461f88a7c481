import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import type { CardJson } from '../cards/render-template.js';

/** Sends one Adaptive Card as a message; returns the sent activity's id (for later in-place updates). */
export async function sendCard(context: TurnContext, card: CardJson, summary?: string): Promise<string | undefined> {
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
  if (summary) activity.summary = summary;
  const response = await context.sendActivity(activity);
  return response?.id;
}

/** The person behind an activity: Teams' AAD object id, else the channel's user id. */
export function userKey(context: TurnContext): string {
  return context.activity.from.aadObjectId ?? context.activity.from.id;
}
