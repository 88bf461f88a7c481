import type { Feature } from '../feature.js';
import type { BotServices } from '../services.js';
import { evaluationFeature } from './evaluation/evaluation-feature.js';
import { presidentFeature } from './president/president-feature.js';
import { rehearsalFeature } from './rehearsal/rehearsal-feature.js';

/** The bot's features after help, in routing order (a flow's text handler is offered first). */
export function createFeatures(services: BotServices): Feature[] {
  return [evaluationFeature(services), presidentFeature(), rehearsalFeature()];
}
