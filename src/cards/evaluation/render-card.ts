import { renderTemplate, type CardJson } from '../render-template.js';

/**
 * Expands a template, then drops the properties that came out null: a template
 * says `"value": "${percentage}"` and the renderer passes null when there is
 * nothing to show, so the input has no `value` at all (clients that parse
 * numbers strictly refuse `"value": null`).
 */
export function renderCard(name: string, data: object): CardJson {
  return withoutNulls(renderTemplate(name, data)) as CardJson;
}

function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((item) => item !== null).map(withoutNulls);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => [k, withoutNulls(v)]),
    );
  }
  return value;
}
