import { readFileSync } from 'node:fs';
import * as ACData from 'adaptivecards-templating';
import { fromRoot } from '../paths.js';

/**
 * The only module that knows adaptivecards-templating: a template from cards/
 * plus a view model gives card JSON. Templates are read once and cached.
 */
export type CardJson = Record<string, unknown>;

const templates = new Map<string, unknown>();

function template(name: string): unknown {
  let parsed = templates.get(name);
  if (parsed === undefined) {
    parsed = JSON.parse(readFileSync(fromRoot('cards', `${name}.json`), 'utf8')) as unknown;
    templates.set(name, parsed);
  }
  return parsed;
}

export function renderTemplate(name: string, data: object): CardJson {
  const expanded = new ACData.Template(template(name)).expand({ $root: data }) as CardJson;
  return expanded;
}

/** Card size as Teams counts it: UTF-16 code units of the serialised JSON. */
export function cardSize(card: CardJson): number {
  return JSON.stringify(card).length * 2;
}

export const CARD_BUDGET_BYTES = 40 * 1024;
