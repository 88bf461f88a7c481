import type { CardJson } from '../../src/cards/render-template.js';

/** Helpers to look into card JSON the way a client would. */

export type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Every object of the card, depth first in document order (body before actions, show cards included). */
export function nodes(card: CardJson): Node[] {
  const found: Node[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isNode(value)) {
      found.push(value);
      Object.values(value).forEach(visit);
    }
  };
  visit(card);
  return found;
}

export const typeOf = (node: Node): string => (typeof node.type === 'string' ? node.type : '');

export function inputs(card: CardJson): Node[] {
  return nodes(card).filter((n) => typeOf(n).startsWith('Input.'));
}

export function actions(card: CardJson): Node[] {
  return nodes(card).filter((n) => typeOf(n).startsWith('Action.'));
}

export function submits(card: CardJson): Node[] {
  return actions(card).filter((n) => typeOf(n) === 'Action.Submit');
}

export function dataOf(action: Node): Node {
  const data = action.data;
  if (!isNode(data)) throw new Error(`action « ${String(action.title)} » has no data object`);
  return data;
}

/** Every string in the card (texts, titles, values, labels). */
export function strings(card: CardJson): string[] {
  const found: string[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === 'string') found.push(value);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (isNode(value)) Object.values(value).forEach(visit);
  };
  visit(card);
  return found;
}

/** What a client sends for an input the user filled in plausibly: always strings. */
export function plausibleValue(input: Node): string {
  const type = typeOf(input);
  const choices = Array.isArray(input.choices) ? (input.choices as Node[]).map((c) => String(c.value)) : [];
  switch (type) {
    case 'Input.Number':
      return '70';
    case 'Input.Toggle':
      return String(input.valueOn ?? 'true');
    case 'Input.Date':
      return typeof input.value === 'string' ? input.value : '2026-11-28';
    case 'Input.ChoiceSet':
      if (typeof input.value === 'string') return input.value;
      return input.isMultiSelect === true ? choices.slice(0, 2).join(',') : (choices[0] ?? '');
    default:
      return typeof input.value === 'string' ? input.value : 'Texte saisi';
  }
}

/** The payload a client posts for an action: its data, with every input of the card added (inputs win). */
export function payload(card: CardJson, action: Node): Node {
  const values = Object.fromEntries(inputs(card).map((input) => [String(input.id), plausibleValue(input)]));
  return { ...dataOf(action), ...values };
}

/** The card as a markdown client shows it: the backslash escapes of user text removed. */
export function asShown(card: CardJson): CardJson {
  const unescape = (value: unknown): unknown => {
    if (typeof value === 'string') return value.replace(/\\([\\*_[\]`~<>])/g, '$1');
    if (Array.isArray(value)) return value.map(unescape);
    if (isNode(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unescape(v)]));
    return value;
  };
  return unescape(card) as CardJson;
}
