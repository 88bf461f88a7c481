import type { Feature } from '../feature.js';
import type { BotServices } from '../services.js';

/** The bot's features after help, in routing order (a flow's text handler is offered first). */
export function createFeatures(_services: BotServices): Feature[] {
  return [];
}
