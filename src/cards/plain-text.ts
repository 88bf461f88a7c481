// render-template.ts's CardJson, spelled here: that module imports this one, not the other way round.
type CardJson = Record<string, unknown>;

/**
 * Characters Adaptive Card markdown (Teams, Web Chat) turns into formatting
 * inside a line: emphasis, links, images, code, strike, autolinks, escapes.
 * Line-start list markers stay: the cards build their lists with them.
 */
const INLINE_MARKDOWN = /[\\*_[\]`~<>]/g;

/** Text shown as typed: every inline markdown character backslash-escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(INLINE_MARKDOWN, (char) => `\\${char}`);
}

/**
 * Every text a card renders as markdown (TextBlock.text, FactSet titles and
 * values) is escaped: names, notes, comments and answers then read as typed and
 * can never show a link, bold text or an image. No card text is meant as
 * markdown except the list markers, which are kept. Inputs, choices, buttons
 * and submitted data are plain text already and left as they are.
 */
export function asPlainText(card: CardJson, options: { dropNulls?: boolean } = {}): CardJson {
  return escapeNode(card, options.dropNulls === true) as CardJson;
}

/**
 * One walk of the card: escapes its texts and, with `dropNulls`, leaves out what came out null
 * (array items and properties, the submitted data's included).
 */
function escapeNode(node: unknown, dropNulls: boolean): unknown {
  if (Array.isArray(node)) return (dropNulls ? node.filter((item) => item !== null) : node).map((item) => escapeNode(item, dropNulls));
  if (node === null || typeof node !== 'object') return node;
  const item = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) {
    if (dropNulls && value === null) continue;
    if (key === 'data') out[key] = dropNulls ? withoutNulls(value) : value;
    else if (item.type === 'TextBlock' && key === 'text' && typeof value === 'string') out[key] = escapeMarkdown(value);
    else if (item.type === 'FactSet' && key === 'facts' && Array.isArray(value)) out[key] = (dropNulls ? value.filter((f) => f !== null) : value).map((f) => escapeFact(dropNulls ? withoutNulls(f) : f));
    else out[key] = escapeNode(value, dropNulls);
  }
  return out;
}

/** Submitted data is never escaped (it goes back to the bot as typed); only its nulls are left out. */
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

function escapeFact(fact: unknown): unknown {
  if (fact === null || typeof fact !== 'object') return fact;
  const { title, value } = fact as { title?: unknown; value?: unknown };
  return {
    ...fact,
    ...(typeof title === 'string' ? { title: escapeMarkdown(title) } : {}),
    ...(typeof value === 'string' ? { value: escapeMarkdown(value) } : {}),
  };
}
