import { renderTemplate, type CardJson } from '../render-template.js';

/**
 * Expands a template, then drops the properties that came out null: a template
 * says `"value": "${percentage}"` and the renderer passes null when there is
 * nothing to show, so the input has no `value` at all (clients that parse
 * numbers strictly refuse `"value": null`).
 */
export function renderCard(name: string, data: object): CardJson {
  return renderTemplate(name, data, { dropNulls: true });
}
