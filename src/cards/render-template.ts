import { readdirSync, readFileSync } from 'node:fs';
import * as ACData from 'adaptivecards-templating';
import { fromRoot } from '../paths.js';
import { asPlainText } from './plain-text.js';

/**
 * The only module that knows adaptivecards-templating: a template from cards/
 * plus a view model gives card JSON.
 *
 * A `Template` parses every `${…}` expression when it is constructed (the
 * costly part: adaptive-expressions' ANTLR parser), and `expand` only
 * evaluates the parsed expressions. So each template is prepared once — all of
 * them by `prepareCardTemplates()` at start-up, or one on its first use — and a
 * turn only binds data.
 */
export type CardJson = Record<string, unknown>;

const prepared = new Map<string, ACData.Template>();

function prepare(name: string): ACData.Template {
  const template = new ACData.Template(JSON.parse(readFileSync(fromRoot('cards', `${name}.json`), 'utf8')) as unknown);
  prepared.set(name, template);
  return template;
}

/** Prepares every template of cards/ (the composition root calls it, so no turn pays for it). */
export function prepareCardTemplates(): number {
  for (const file of readdirSync(fromRoot('cards'))) {
    const name = file.endsWith('.json') ? file.slice(0, -'.json'.length) : undefined;
    if (name !== undefined && !prepared.has(name)) prepare(name);
  }
  return prepared.size;
}

/** `dropNulls`: properties and items that came out null are left out, in the same walk that escapes the texts. */
export function renderTemplate(name: string, data: object, options: { dropNulls?: boolean } = {}): CardJson {
  // expand() is synchronous and resets its context on each call, so one prepared template serves every turn.
  const expanded = (prepared.get(name) ?? prepare(name)).expand({ $root: data }) as CardJson;
  // The one place user text is made literal for every card (names, notes, comments, answers).
  return asPlainText(expanded, options);
}

/** Card size as Teams counts it: UTF-16 code units of the serialised JSON. */
export function cardSize(card: CardJson): number {
  return JSON.stringify(card).length * 2;
}

export const CARD_BUDGET_BYTES = 40 * 1024;
