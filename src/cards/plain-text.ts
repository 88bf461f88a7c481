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
export function asPlainText(card: CardJson): CardJson {
  return escapeNode(card) as CardJson;
}

function escapeNode(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(escapeNode);
  if (node === null || typeof node !== 'object') return node;
  const item = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) {
    if (key === 'data') out[key] = value;
    else if (item.type === 'TextBlock' && key === 'text' && typeof value === 'string') out[key] = escapeMarkdown(value);
    else if (item.type === 'FactSet' && key === 'facts' && Array.isArray(value)) out[key] = value.map(escapeFact);
    else out[key] = escapeNode(value);
  }
  return out;
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
