/**
 * One TextBlock holding a list, the way Teams documents it ("1. a\r2. b",
 * "- a\r- b"): separate TextBlocks starting with "3." would each be a list
 * restarting at 1 in some clients.
 */
export function numberedList(items: readonly string[]): string {
  return items.map((item, i) => `${i + 1}. ${item}`).join('\r');
}

export function bulletList(items: readonly string[]): string {
  return items.map((item) => `- ${item}`).join('\r');
}
